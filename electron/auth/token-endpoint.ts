import { z } from 'zod';
import type { AppError } from '../../shared/result';
import type { Clock } from '../../shared/time/clock';
import type { FetchLike } from '../drchrono/transport';
import { authMessages } from './messages';

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

export type TokenFailure =
  | { kind: 'invalid_grant' }
  | { kind: 'invalid_client' }
  | { kind: 'network' }
  | { kind: 'server'; error: AppError };

export interface TokenEndpointDeps {
  fetch: FetchLike;
  clock: Clock;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
}

async function postForm(
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
  if (name === 'invalid_client' || status === 401) return { kind: 'invalid_client' };
  if (name === 'invalid_grant') return { kind: 'invalid_grant' };
  return { kind: 'server', error: authMessages.serverFailed() };
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
  if (answer === null) return { ok: false, failure: { kind: 'network' } };
  if (answer.status !== 200)
    return { ok: false, failure: tokenFailure(answer.status, answer.body) };
  const parsed = tokenResponse.safeParse(answer.body);
  if (!parsed.success) {
    return { ok: false, failure: { kind: 'server', error: authMessages.serverFailed() } };
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
