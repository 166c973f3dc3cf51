export { createDrchronoClient, type DrchronoClientOptions } from './client';
export { createCallBudget, type AdjustableCallBudget, type CallBudgetOptions } from './budget';
export { failureToAppError, failureToErr, fieldErrorsOf, type FailureContext } from './errors';
export { retryAfterSecondsFrom } from './rate-limit';
export { createCurrentUserReader, type CurrentUserReader } from './current-user';
export type { FetchLike } from './transport';
export type * from './types';
