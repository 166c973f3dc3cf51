import { createContext } from 'react';
import type { FrontdeskApi } from '../../shared/contract';

export const FrontdeskContext = createContext<FrontdeskApi | null>(null);
