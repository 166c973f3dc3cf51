import { z } from 'zod';
import type { AppError } from '../../shared/result';
import type { Clock } from '../../shared/time/clock';
import { describeIssues } from '../diagnostics/schema-issues';
import type { CallObserver, CallRecord } from '../drchrono/observer';
import type { FetchLike } from '../drchrono/transport';
import { authMessages, safeErrorName } from './messages';

/**
 * drchrono's OAuth endpoints: POST, form-encoded, trailing slash. Never redirected (a 3xx here
 * would carry the client secret somewhere else) and never counted against the API budget.
 */

const tokenResponse = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
});
const oauthErrorBody = z.looseObject({ error: z.string() });

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms by the service's clock. */
  expiresAt: number;
  scope: string | null;
}

export type TokenFailure = (
  | { kind: 'invalid_grant' }
  | { kind: 'invalid_client' }
  | { kind: 'network' }
  | { kind: 'server'; error: AppError }
) & {
  /** The error's Details line: `POST /o/token/ → 400 · invalid_grant` (no token, code or secret). */
  detail: string;
};

export interface TokenEndpointDeps {
  fetch: FetchLike;
  clock: Clock;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  /** Told about each call (grant, status, duration, drchrono's error word, scopes granted). */
  observer?: CallObserver | undefined;
}

type Grant = NonNullable<CallRecord['oauth']>['grant'];

/** The observer hears of it; the form (code, tokens, secret) never leaves this file. */
function observe(deps: TokenEndpointDeps, report: (o: CallObserver) => void): void {
  if (!deps.observer) return;
  try {
    report(deps.observer);
  } catch {
    // sign-in goes on whatever the log does
  }
}

function grantOf(fields: Record<string, string>): Grant {
  return fields.grant_type === 'refresh_token'
    ? 'refresh_token'
    : fields.grant_type === 'authorization_code'
      ? 'authorization_code'
      : 'revoke';
}

async function postForm(
  deps: TokenEndpointDeps,
  path: '/o/token/' | '/o/revoke_token/',
  fields: Record<string, string>,
): Promise<{ status: number; body: unknown } | null> {
  const started = deps.clock.now();
  const answer = await sendForm(deps, path, fields);
  const error = answer === null ? null : oauthErrorBody.safeParse(answer.body);
  const granted = answer?.status === 200 ? tokenResponse.safeParse(answer.body) : null;
  observe(deps, (o) => {
    o.call({
      method: 'POST',
      path,
      status: answer?.status ?? null,
      outcome: answer === null ? 'network' : answer.status < 300 ? 'ok' : 'http',
      durationMs: Math.max(0, deps.clock.now() - started),
      retries: 0,
      oauth: {
        grant: grantOf(fields),
        ...(error?.success ? { error: error.data.error } : {}),
        ...(granted?.success && granted.data.scope ? { scope: granted.data.scope } : {}),
      },
    });
  });
  return answer;
}

async function sendForm(
  deps: TokenEndpointDeps,
  path: '/o/token/' | '/o/revoke_token/',
  fields: Record<string, string>,
): Promise<{ status: number; body: unknown } | null> {
  const controller = new AbortController();
  const timer = new AbortController();
  deps.clock.sleep(deps.timeoutMs, timer.signal).then(
    () => {
      controller.abort();
    },
    () => undefined,
  );
  try {
    const response = await deps.fetch(
      new Request(new URL(path, deps.baseUrl), {
        method: 'POST',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
        },
        body: new URLSearchParams(fields),
        redirect: 'manual',
        signal: controller.signal,
      }),
    );
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      body = null;
    }
    return { status: response.status, body };
  } catch {
    return null;
  } finally {
    timer.abort();
  }
}

function tokenFailure(status: number, body: unknown): TokenFailure {
  const error = oauthErrorBody.safeParse(body);
  const name = error.success ? error.data.error : null;
  const detail = `POST /o/token/ → ${String(status)}${name ? ` · ${safeErrorName(name)}` : ''}`;
  if (name === 'invalid_client' || status === 401) return { kind: 'invalid_client', detail };
  if (name === 'invalid_grant') return { kind: 'invalid_grant', detail };
  return { kind: 'server', error: { ...authMessages.serverFailed(), detail }, detail };
}

async function grant(
  deps: TokenEndpointDeps,
  fields: Record<string, string>,
): Promise<{ ok: true; tokens: Tokens } | { ok: false; failure: TokenFailure }> {
  const answer = await postForm(deps, '/o/token/', {
    ...fields,
    client_id: deps.clientId,
    client_secret: deps.clientSecret,
  });
  if (answer === null) {
    return { ok: false, failure: { kind: 'network', detail: 'POST /o/token/ · no answer' } };
  }
  if (answer.status !== 200)
    return { ok: false, failure: tokenFailure(answer.status, answer.body) };
  const parsed = tokenResponse.safeParse(answer.body);
  if (!parsed.success) {
    // Types only: this answer holds tokens.
    for (const issue of describeIssues(parsed.error, answer.body)) {
      observe(deps, (o) => {
        o.schemaMismatch({ method: 'POST', path: '/o/token/', ...issue });
      });
    }
    const detail = 'POST /o/token/ → 200 · answer did not fit';
    return {
      ok: false,
      failure: { kind: 'server', error: { ...authMessages.serverFailed(), detail }, detail },
    };
  }
  return {
    ok: true,
    tokens: {
      accessToken: parsed.data.access_token,
      refreshToken: parsed.data.refresh_token,
      expiresAt: deps.clock.now() + parsed.data.expires_in * 1000,
      scope: parsed.data.scope ?? null,
    },
  };
}

export function exchangeCode(
  deps: TokenEndpointDeps,
  code: string,
  redirectUri: string,
  codeVerifier: string,
): ReturnType<typeof grant> {
  return grant(deps, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: codeVerifier,
  });
}

/** No `redirect_uri` on refresh, as drchrono's guide says. */
export function refreshTokens(
  deps: TokenEndpointDeps,
  refreshToken: string,
): ReturnType<typeof grant> {
  return grant(deps, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/** Best effort: sign-out goes ahead locally whatever drchrono answers. */
export async function revokeToken(deps: TokenEndpointDeps, token: string): Promise<boolean> {
  const answer = await postForm(deps, '/o/revoke_token/', {
    client_id: deps.clientId,
    client_secret: deps.clientSecret,
    token,
  });
  return answer !== null && answer.status >= 200 && answer.status < 300;
}
