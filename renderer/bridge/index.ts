export { FrontdeskProvider } from './FrontdeskProvider';
export { useFrontdesk } from './useFrontdesk';
export { useEvent } from './useEvent';
export { useQuery, type QueryState } from './useQuery';
export { getFrontdesk } from './frontdesk';
export { createApi } from './create-api';
export { call } from './call';
export type { Transport } from './transport';
