import type { Clock } from '../../shared/time/clock';
import type { EncodedBody } from './body';
import type { CallBudget, Method, Priority, TransportCause } from './types';
import { onConfiguredHost } from './urls';

/** The injectable network: the global fetch, or the sandbox's in-process `handle`. */
export type FetchLike = (request: Request) => Promise<Response>;

/** Redirects followed for one request; the sixth is refused. */
export const MAX_REDIRECT_HOPS = 5;

export interface Exchange {
  method: Method;
  url: URL;
  token: string;
  body: EncodedBody;
  priority: Priority;
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

export type ExchangeOutcome =
  | { kind: 'response'; status: number; body: unknown; url: URL }
  /** The budget refused: nothing was sent. */
  | { kind: 'refused'; retryAfterMs: number }
  /** `sent`: false only when the connection surely never carried the request. */
  | {
      kind: 'transport';
      sent: boolean;
      reason: 'timeout' | 'cancelled' | 'network';
      /** How it failed, from the error's codes (undici's and Node's). */
      cause: TransportCause;
      detail: string;
    }
  | { kind: 'redirect_refused'; location: string; reason: 'host' | 'hops' | 'missing' };

// Failures at connect time: the request never left this machine.
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
]);

const causeByCode: Record<string, TransportCause> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  ECONNABORTED: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  ENOTFOUND: 'unresolvable',
  EAI_AGAIN: 'unresolvable',
  EAI_NONAME: 'unresolvable',
  ENETUNREACH: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETDOWN: 'unreachable',
  EHOSTDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
};

/** The first code that says how a request failed; `other` when none does. */
export function transportCause(codes: readonly string[]): TransportCause {
  for (const code of codes) {
    const cause = causeByCode[code];
    if (cause) return cause;
  }
  return 'other';
}

function errorCodes(error: unknown, depth = 0): string[] {
  if (depth > 4 || error === null || typeof error !== 'object') return [];
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof e.code === 'string' ? [e.code] : [];
  const nested = Array.isArray(e.errors) ? e.errors.flatMap((x) => errorCodes(x, depth + 1)) : [];
  return [...own, ...nested, ...errorCodes(e.cause, depth + 1)];
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // An HTML error page from a gateway: kept as text for the message, never shown raw.
    return text;
  }
}

const redirectStatuses = new Set([301, 302, 307, 308]);

/**
 * One logical request: sends it and replays 3xx by hand (same method, body and headers; drchrono
 * asks for exactly that, and fetch's own redirect handling would turn POST into GET and drop the
 * Authorization header), only within the configured origin, at most five hops. Every hop is a
 * call: it waits for the budget and is recorded.
 */
export async function exchange(
  deps: { fetch: FetchLike; clock: Clock; budget: CallBudget; base: URL },
  ex: Exchange,
): Promise<ExchangeOutcome> {
  let url = ex.url;
  for (let hop = 0; ; hop++) {
    let turn: Awaited<ReturnType<CallBudget['acquire']>>;
    try {
      turn = await deps.budget.acquire(ex.priority, ex.signal);
    } catch {
      return cancelled(false);
    }
    if (!turn.ok) return { kind: 'refused', retryAfterMs: turn.retryAfterMs };
    deps.budget.record();
    const outcome = await sendOnce(deps, ex, url);
    if (outcome.kind !== 'response' || !redirectStatuses.has(outcome.status)) return outcome;
    const location = outcome.location;
    if (location === null) return { kind: 'redirect_refused', location: '', reason: 'missing' };
    const next = onConfiguredHost(deps.base, location, url);
    if (next === null) return { kind: 'redirect_refused', location, reason: 'host' };
    if (hop >= MAX_REDIRECT_HOPS) return { kind: 'redirect_refused', location, reason: 'hops' };
    url = next;
  }
}

function cancelled(sent: boolean): Extract<ExchangeOutcome, { kind: 'transport' }> {
  return { kind: 'transport', sent, reason: 'cancelled', cause: 'other', detail: 'cancelled' };
}

/** Settles when the signal aborts even if an injected fetch ignores it: a timeout must end the wait. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(new DOMException('Aborted', 'AbortError'));
    };
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

async function sendOnce(
  deps: { fetch: FetchLike; clock: Clock },
  ex: Exchange,
  url: URL,
): Promise<
  | { kind: 'response'; status: number; body: unknown; url: URL; location: string | null }
  | Extract<ExchangeOutcome, { kind: 'transport' }>
> {
  if (ex.signal?.aborted) return cancelled(false);
  const controller = new AbortController();
  const headers = new Headers({ Authorization: `Bearer ${ex.token}`, Accept: 'application/json' });
  if (ex.body.contentType) headers.set('Content-Type', ex.body.contentType);
  let request: Request;
  try {
    request = new Request(url, {
      method: ex.method,
      headers,
      body: ex.body.body ?? null,
      redirect: 'manual',
      signal: controller.signal,
    });
  } catch {
    // A request that cannot even be built never left this machine.
    return {
      kind: 'transport',
      sent: false,
      reason: 'network',
      cause: 'other',
      detail: 'request not buildable',
    };
  }
  const timer = new AbortController();
  const attempt = { timedOut: false };
  const onCallerAbort = (): void => {
    controller.abort();
  };
  ex.signal?.addEventListener('abort', onCallerAbort, { once: true });
  deps.clock.sleep(ex.timeoutMs, timer.signal).then(
    () => {
      attempt.timedOut = true;
      controller.abort();
    },
    () => undefined, // the attempt finished first
  );
  try {
    const response = await untilAborted(deps.fetch(request), controller.signal);
    const text = await untilAborted(response.text(), controller.signal);
    return {
      kind: 'response',
      status: response.status,
      body: parseBody(text),
      url,
      location: response.headers.get('location'),
    };
  } catch (error) {
    if (attempt.timedOut)
      return {
        kind: 'transport',
        sent: true,
        reason: 'timeout',
        cause: 'timeout',
        detail: 'timeout',
      };
    if (ex.signal?.aborted) return cancelled(true);
    const codes = errorCodes(error);
    const sent = !codes.some((code) => notSentCodes.has(code));
    return {
      kind: 'transport',
      sent,
      reason: 'network',
      cause: transportCause(codes),
      detail: codes[0] ?? 'network error',
    };
  } finally {
    timer.abort();
    ex.signal?.removeEventListener('abort', onCallerAbort);
  }
}
