import { useContext } from 'react';
import type { FrontdeskApi } from '../../shared/contract';
import { FrontdeskContext } from './FrontdeskContext';

export function useFrontdesk(): FrontdeskApi {
  const api = useContext(FrontdeskContext);
  if (!api) throw new Error('useFrontdesk must be used inside <FrontdeskProvider>');
  return api;
}
