import type { Method } from './types';

/**
 * What the client tells an observer about each call it makes (the diagnostic log, the browser
 * host's console). Everything here is already redacted by the client: a path template instead of
 * the URL, statuses, counts and durations, JSON type names. No query, body, token or value ever
 * reaches an observer, so none can write one down.
 */

/** How a call ended: `ok`, or the kind of failure the caller got (see `ApiFailure`). */
export type CallOutcome =
  | 'ok'
  | 'http'
  | 'unauthenticated'
  | 'rate_limited'
  | 'budget'
  | 'network'
  | 'redirect_refused'
  | 'invalid_response';

/** The call a failure came from, carried on the failure so the error the user sees can name it. */
export interface CallSummary {
  method: Method;
  /** `/api/appointments/:id`, `/api/patients?…` (see `pathTemplate`). */
  path: string;
  /** When no answer came: timeout, cancelled, or the connection error's code (ECONNREFUSED, …). */
  transport?: string;
  /**
   * For a 403: why, from the scopes the token was granted (`scope granted; lacks permission
   * “Settings”`). Built from the reference's scope and permission names only, never drchrono's text.
   */
  refusal?: string;
}

export interface CallRecord extends CallSummary {
  /** drchrono's last HTTP status; null when no answer came (network, not sent). */
  status: number | null;
  outcome: CallOutcome;
  /** From the first attempt to the answer, waits for the budget and backoff included. */
  durationMs: number;
  /** Sends after the first: transport and 5xx retries, and the retry after a token refresh. */
  retries: number;
  /** For the OAuth endpoints: which grant, drchrono's `error` word, and the scopes granted. */
  oauth?: {
    grant: 'authorization_code' | 'refresh_token' | 'revoke';
    error?: string;
    scope?: string;
  };
}

/** JSON type names, for saying what an answer held where a schema expected something else. */
export type JsonType = 'missing' | 'null' | 'string' | 'number' | 'boolean' | 'array' | 'object';

export interface SchemaMismatch extends CallSummary {
  /** Where in the answer: `results[].date_of_birth` (array indexes collapsed, odd keys hidden). */
  schemaPath: string;
  /** What the schema wanted there: a type name (`string`) or the check that failed (`too_small`). */
  expected: string;
  seen: JsonType;
}

export interface CallObserver {
  call(record: CallRecord): void;
  schemaMismatch(mismatch: SchemaMismatch): void;
}
