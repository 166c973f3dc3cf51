import type { ReactNode } from 'react';
import type { FrontdeskApi } from '../../shared/contract';
import { FrontdeskContext } from './FrontdeskContext';

/** Gives the tree its API: the real bridge in the app, a fake over the same contract in tests. */
export function FrontdeskProvider({ api, children }: { api: FrontdeskApi; children: ReactNode }) {
  return <FrontdeskContext.Provider value={api}>{children}</FrontdeskContext.Provider>;
}
