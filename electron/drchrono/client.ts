import type { z } from 'zod';
import type { Clock } from '../../shared/time/clock';
import { pathTemplate } from '../diagnostics/path-template';
import { describeIssues } from '../diagnostics/schema-issues';
import { encodeBody, type EncodedBody } from './body';
import type { CallObserver, CallSummary } from './observer';
import { listAll } from './pagination';
import { retryAfterSecondsFrom } from './rate-limit';
import { isAuthRejection } from './auth-rejection';
import { exchange, type ExchangeOutcome, type FetchLike } from './transport';
import type {
  ApiFailure,
  ApiRequest,
  ApiResult,
  CallBudget,
  DrchronoClient,
  Method,
  TokenSource,
} from './types';
import { onConfiguredHost, withQuery } from './urls';

export interface DrchronoClientOptions {
  /** `https://drchrono.com`, or the sandbox. Requests, redirects and `next` stay on this origin. */
  baseUrl: string;
  fetch: FetchLike;
  tokens: TokenSource;
  budget: CallBudget;
  clock: Clock;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /** For idempotent requests. Default 3. */
  maxAttempts?: number;
  /** 0..1, for backoff jitter; inject a seeded one in tests. */
  random?: () => number;
  /** Backoff before retry n is uniform in [0, min(maxBackoffMs, baseBackoffMs · 2^(n-1))). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Told about every call and every answer that failed its schema, already redacted. */
  observer?: CallObserver;
  /** Names why a 403 was refused (see `CallSummary.refusal`), from what is known of the account. */
  explainRefusal?: (call: CallSummary) => string | undefined;
}

/** What one logical request went through, for the observer. */
interface Tracking {
  status: number | null;
  retries: number;
  transport?: string;
}

// Connection error codes are constants (ECONNREFUSED, UND_ERR_SOCKET); anything else is not kept.
const transportName = (detail: string): string =>
  /^[A-Z][A-Z0-9_]{1,39}$/.test(detail) ? detail : 'network';

// Our PATCHes set absolute values, so sending one twice leaves the same record: safe to retry.
const idempotent = new Set<Method>(['GET', 'PUT', 'PATCH', 'DELETE']);

function failure(f: ApiFailure): { ok: false; failure: ApiFailure } {
  return { ok: false, failure: f };
}

function describe(body: unknown, status: number): string {
  if (body !== null && typeof body === 'object' && 'detail' in body) {
    const detail = body.detail;
    if (typeof detail === 'string') return detail;
  }
  return `drchrono answered ${String(status)}.`;
}

export function createDrchronoClient(options: DrchronoClientOptions): DrchronoClient {
  const base = new URL(options.baseUrl);
  const { fetch, tokens, budget, clock } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const random = options.random ?? Math.random;
  const baseBackoffMs = options.baseBackoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 8_000;
  const { observer } = options;

  /** An observer that throws must never fail the call it watched. */
  function observe(report: (o: CallObserver) => void): void {
    if (!observer) return;
    try {
      report(observer);
    } catch {
      // the call's result stands
    }
  }

  function explained(call: CallSummary): string | undefined {
    try {
      return options.explainRefusal?.(call);
    } catch {
      return undefined;
    }
  }

  /** The request as the observer and the error's details may name it: a template, never values. */
  function summaryOf(req: Pick<ApiRequest, 'method' | 'path' | 'query'>): CallSummary {
    const target = onConfiguredHost(base, req.path);
    return {
      method: req.method,
      path: pathTemplate(target ? withQuery(target, req.query) : req.path),
    };
  }

  async function request(req: ApiRequest): Promise<ApiResult<unknown>> {
    const started = clock.now();
    const track: Tracking = { status: null, retries: 0 };
    const result = await send(req, track);
    const summary: CallSummary = {
      ...summaryOf(req),
      ...(track.transport === undefined ? {} : { transport: track.transport }),
    };
    const refusal =
      !result.ok && result.failure.kind === 'http' && result.failure.status === 403
        ? explained(summary)
        : undefined;
    const call: CallSummary = refusal === undefined ? summary : { ...summary, refusal };
    observe((o) => {
      o.call({
        ...call,
        status: track.status,
        outcome: result.ok ? 'ok' : result.failure.kind,
        durationMs: Math.max(0, clock.now() - started),
        retries: track.retries,
      });
    });
    return result.ok ? result : failure({ ...result.failure, call });
  }

  async function backoff(attempt: number, signal: AbortSignal | undefined): Promise<boolean> {
    const ceiling = Math.min(maxBackoffMs, baseBackoffMs * 2 ** (attempt - 1));
    try {
      await clock.sleep(random() * ceiling, signal);
      return true;
    } catch {
      return false;
    }
  }

  function refusal(retryAfterMs: number): { ok: false; failure: ApiFailure } {
    if (budget.snapshot().throttledUntil !== null) {
      const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      return failure({
        kind: 'rate_limited',
        retryAfterSeconds: seconds,
        message: `drchrono asked us to wait; calls resume in ${String(seconds)} seconds.`,
      });
    }
    return failure({
      kind: 'budget',
      retryAfterMs,
      message: "This workstation's share of the practice's hourly drchrono calls is used up.",
    });
  }

  function transportFailure(outcome: Extract<ExchangeOutcome, { kind: 'transport' }>): {
    ok: false;
    failure: ApiFailure;
  } {
    // A request that may have reached drchrono may have taken effect; for a POST only a look at the
    // server can tell (an idempotent one may simply be sent again).
    const committed = outcome.sent ? 'unknown' : 'no';
    const messages = {
      timeout: 'drchrono did not answer in time.',
      cancelled: 'The request was cancelled.',
      network: 'drchrono could not be reached.',
    };
    return failure({
      kind: 'network',
      committed,
      message: messages[outcome.reason],
      cause: outcome.cause,
    });
  }

  async function send(req: ApiRequest, track: Tracking): Promise<ApiResult<unknown>> {
    const target = onConfiguredHost(base, req.path);
    if (target === null) {
      return failure({
        kind: 'redirect_refused',
        location: req.path,
        message: 'Frontdesk sends requests only to the configured drchrono server.',
      });
    }
    let body: EncodedBody;
    try {
      // drchrono reads no body on GET or DELETE, and fetch refuses one on GET.
      const carriesBody = req.method !== 'GET' && req.method !== 'DELETE';
      body = encodeBody(carriesBody ? req.body : undefined, req.bodyKind ?? 'json');
    } catch (error) {
      return failure({ kind: 'invalid_response', message: (error as Error).message });
    }
    let token = await tokens.accessToken();
    if (token === null) return failure({ kind: 'unauthenticated', message: 'Not signed in.' });
    const canRetry = idempotent.has(req.method);
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const outcome = await exchange(
        { fetch, clock, budget, base },
        {
          method: req.method,
          url: withQuery(target, req.query),
          token,
          body,
          priority: req.priority ?? 'user',
          timeoutMs: req.timeoutMs ?? timeoutMs,
          signal: req.signal,
        },
      );
      if (outcome.kind === 'refused') return refusal(outcome.retryAfterMs);
      if (outcome.kind === 'redirect_refused') {
        return failure({
          kind: 'redirect_refused',
          location: outcome.location,
          message:
            outcome.reason === 'hops'
              ? 'drchrono redirected too many times.'
              : 'drchrono redirected to another server; Frontdesk did not follow it.',
        });
      }
      if (outcome.kind === 'transport') {
        track.status = null;
        track.transport =
          outcome.reason === 'network' ? transportName(outcome.detail) : outcome.reason;
        const retry = canRetry && outcome.reason !== 'cancelled' && attempt < maxAttempts;
        if (retry && (await backoff(attempt, req.signal))) {
          track.retries++;
          continue;
        }
        return transportFailure(outcome);
      }
      const { status, body: answer } = outcome;
      track.status = status;
      delete track.transport;
      if (isAuthRejection(status, answer)) {
        if (refreshed) {
          return failure({ kind: 'unauthenticated', message: describe(answer, status) });
        }
        refreshed = true;
        const next = await tokens.refreshAfterRejection(token);
        if (next === null) {
          return failure({ kind: 'unauthenticated', message: 'The drchrono session has ended.' });
        }
        token = next;
        attempt--; // a refreshed retry is not a failed attempt
        track.retries++;
        continue;
      }
      if (status === 429) {
        // Never retried: hammering a spent quota only pushes the reset further for everyone.
        const seconds = retryAfterSecondsFrom(answer, clock.now());
        budget.throttle(clock.now() + seconds * 1000);
        return failure({
          kind: 'rate_limited',
          retryAfterSeconds: seconds,
          message: describe(answer, 429),
        });
      }
      if (status >= 500 && canRetry && attempt < maxAttempts) {
        if (await backoff(attempt, req.signal)) {
          track.retries++;
          continue;
        }
      }
      if (status >= 200 && status < 300) return { ok: true, value: answer, status };
      return failure({ kind: 'http', status, body: answer, message: describe(answer, status) });
    }
  }

  function validated<T>(
    result: ApiResult<unknown>,
    schema: z.ZodType<T>,
    call: CallSummary,
  ): ApiResult<T> {
    if (!result.ok) return result;
    const parsed = schema.safeParse(result.value);
    if (parsed.success) return { ok: true, value: parsed.data, status: result.status };
    // Where and what type, never the values, which may be patient data.
    const issues = describeIssues(parsed.error, result.value);
    for (const issue of issues) {
      observe((o) => {
        o.schemaMismatch({ ...call, ...issue });
      });
    }
    const first = issues[0];
    return failure({
      kind: 'invalid_response',
      message: `drchrono's answer for ${call.path} was not what Frontdesk expects${
        first ? ` (${first.schemaPath}: expected ${first.expected}, found ${first.seen})` : ''
      }.`,
      ...(first ? { mismatch: first } : {}),
      call,
    });
  }

  const emptyOk = (result: ApiResult<unknown>): ApiResult<null> =>
    result.ok ? { ok: true, value: null, status: result.status } : result;

  const client: DrchronoClient = {
    request,
    async get(path, schema, query, opts) {
      const req: ApiRequest = { ...opts, method: 'GET', path, query };
      return validated(await request(req), schema, summaryOf(req));
    },
    async list(path, item, query, opts) {
      const listed = await listAll({ base, request, observer }, path, item, query, opts);
      // A failure of the walk itself (not pages, a `next` elsewhere) names the list it walked.
      if (listed.ok || listed.failure.call) return listed;
      return failure({ ...listed.failure, call: summaryOf({ method: 'GET', path, query }) });
    },
    async create(path, body, schema, opts) {
      const { bodyKind, ...rest } = opts ?? {};
      const req: ApiRequest = { ...rest, method: 'POST', path, body, bodyKind: bodyKind ?? 'json' };
      return validated(await request(req), schema, summaryOf(req));
    },
    async patch(path, body, opts) {
      return emptyOk(await request({ ...opts, method: 'PATCH', path, body }));
    },
    async put(path, body, opts) {
      return emptyOk(await request({ ...opts, method: 'PUT', path, body }));
    },
    async remove(path, opts) {
      return emptyOk(await request({ ...opts, method: 'DELETE', path }));
    },
  };
  return client;
}
