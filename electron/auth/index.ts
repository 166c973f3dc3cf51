export {
  createAuthService,
  type AuthServiceOptions,
  type FrontdeskAuthService,
} from './auth-service';
export {
  createConnectionService,
  DRCHRONO_BASE_URL,
  httpUrl,
  type ConnectionServiceOptions,
  type DemoConnection,
} from './connection-service';
export { createProfileLoader } from './profile';
export { frontdeskScope } from './scopes';
export { authMessages } from './messages';
export type { AuthProfile } from './token-document';
