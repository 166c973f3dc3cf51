import type { z } from 'zod';
import type { CallSummary, SchemaMismatch } from './observer';

/**
 * The seam between everything that needs drchrono data and the one client that talks to it.
 * Failures are values: a caller decides what a 409 or a dropped connection means for it.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How a request failed on the way: the connection was refused, reset, or drchrono's name did not
 * resolve, or its host is unreachable (each a sign that drchrono cannot be reached at all); it
 * took too long; or something else (a dropped connection with no code).
 */
export type TransportCause =
  'refused' | 'reset' | 'unresolvable' | 'unreachable' | 'timeout' | 'other';
export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;
export type BodyKind = 'json' | 'form' | 'multipart';

/** User-initiated calls go first; background sync yields when the hour's budget runs low. */
export type Priority = 'user' | 'background';

export interface RequestOptions {
  priority?: Priority;
  signal?: AbortSignal;
  /** Per-attempt timeout; the client has a default. */
  timeoutMs?: number;
}

export interface ApiRequest extends RequestOptions {
  method: Method;
  /** `/api/...` relative to the configured base URL, or an absolute URL on that same host. */
  path: string;
  query?: Query;
  body?: unknown;
  bodyKind?: BodyKind;
}

export type ApiFailure =
  /** drchrono answered with an error status (after the retries idempotent calls get). */
  (
    | { kind: 'http'; status: number; body: unknown; message: string }
    /** No session, or the refresh was refused (`invalid_grant`): the user must sign in again. */
    | { kind: 'unauthenticated'; message: string }
    /** 429: drchrono said when the quota frees up. */
    | { kind: 'rate_limited'; retryAfterSeconds: number; message: string }
    /** This workstation's own hourly cap is spent: the call was not sent. */
    | { kind: 'budget'; retryAfterMs: number; message: string }
    /**
     * Transport failure or timeout. `committed: 'unknown'` for a non-idempotent request that may have
     * reached the server (the caller must look before retrying); `'no'` when it surely did not.
     * `cause` says how it failed, when the network said (see `TransportCause`).
     */
    | { kind: 'network'; committed: 'no' | 'unknown'; message: string; cause?: TransportCause }
    /** A redirect we refused to follow (another host, or too many hops). */
    | { kind: 'redirect_refused'; location: string; message: string }
    /** The response did not parse or did not match the schema. */
    | {
        kind: 'invalid_response';
        message: string;
        /** Where the answer broke the schema, described without its value. */
        mismatch?: Omit<SchemaMismatch, keyof CallSummary>;
      }
  ) & {
    /** The call that failed (method and redacted path), set by the client: the error's "Details". */
    call?: CallSummary;
  };

export type ApiResult<T> =
  { ok: true; value: T; status: number } | { ok: false; failure: ApiFailure };

export interface ListResult<T> {
  items: T[];
  /** Records that failed validation and were skipped rather than crashing the page. */
  skipped: number;
  pages: number;
  /** Set when `maxPages` stopped the walk: the URL of the next page, to continue from later. */
  next?: string;
}

export interface ListOptions extends RequestOptions {
  pageSize?: number;
  maxPages?: number;
  verbose?: boolean;
}

export interface DrchronoClient {
  /** Raw request: parsed JSON, or null for an empty (204) body. */
  request(req: ApiRequest): Promise<ApiResult<unknown>>;
  get<T>(
    path: string,
    schema: z.ZodType<T>,
    query?: Query,
    options?: RequestOptions,
  ): Promise<ApiResult<T>>;
  /** Follows `next` (same host only, loop-safe) through every page. */
  list<T>(
    path: string,
    item: z.ZodType<T>,
    query?: Query,
    options?: ListOptions,
  ): Promise<ApiResult<ListResult<T>>>;
  /** POST. Never retried automatically: a failure with `committed: 'unknown'` is the caller's to resolve. */
  create<T>(
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    options?: RequestOptions & { bodyKind?: BodyKind },
  ): Promise<ApiResult<T>>;
  patch(
    path: string,
    body: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<ApiResult<null>>;
  put(
    path: string,
    body: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<ApiResult<null>>;
  remove(path: string, options?: RequestOptions): Promise<ApiResult<null>>;
}

/** Every call, counted per clock hour and persisted; the practice's quota is shared by all workstations. */
export interface BudgetSnapshot {
  /** Calls this workstation made this clock hour. */
  used: number;
  /** This workstation's cap for the hour (its share of the practice's quota). */
  cap: number;
  hourStart: number;
  /** Epoch ms until which drchrono said it will refuse calls (after a 429), else null. */
  throttledUntil: number | null;
}

export interface CallBudget {
  /**
   * Waits for a turn (bursts are spaced to ≤ 10/s). Refuses when the hour's cap is spent for this
   * priority (background work keeps a reserve free for the desk's own clicks) or while throttled.
   */
  acquire(
    priority: Priority,
    signal?: AbortSignal,
  ): Promise<{ ok: true } | { ok: false; retryAfterMs: number }>;
  /** Called once per request actually sent. */
  record(): void;
  /** After a 429: drchrono's "Expected available in N seconds". */
  throttle(untilMs: number): void;
  snapshot(): BudgetSnapshot;
  /** 0..1 of this hour's cap still free; polling slows as it falls. */
  remainingShare(): number;
  onChange(listener: (snapshot: BudgetSnapshot) => void): () => void;
}

/** How the client gets bearer tokens without ever holding the refresh logic itself. */
export interface TokenSource {
  /** A valid access token, refreshed ahead of expiry; null when signed out. */
  accessToken(): Promise<string | null>;
  /**
   * drchrono refused `rejected` with 401: refresh once (single flight across concurrent callers)
   * and return the new token, or null when the session is over.
   */
  refreshAfterRejection(rejected: string): Promise<string | null>;
}
