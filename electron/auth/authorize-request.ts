import type { ResolvedConnection } from '../app/services';
import { pkceChallenge, randomToken, type RandomBytes } from './pkce';
import { frontdeskScope } from './scopes';

export interface AuthorizeRequest {
  url: string;
  /** Single-use, compared in constant time when the callback arrives. */
  state: string;
  /** Stays in main; only its S256 challenge travels. */
  verifier: string;
}

/** drchrono's `/o/authorize/` URL with `state` and PKCE (harmless where a server ignores it). */
export function authorizeRequest(
  connection: ResolvedConnection,
  random: RandomBytes,
): AuthorizeRequest {
  const state = randomToken(random);
  const verifier = randomToken(random);
  const url = new URL('/o/authorize/', connection.baseUrl);
  url.search = new URLSearchParams({
    redirect_uri: connection.redirectUri,
    response_type: 'code',
    client_id: connection.clientId,
    scope: frontdeskScope,
    state,
    code_challenge: pkceChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  return { url: url.toString(), state, verifier };
}

/**
 * The desktop app receives the redirect itself, so the registered URI must point at this machine:
 * `http://127.0.0.1:PORT/path` (or `localhost`, still served on 127.0.0.1) with an explicit port.
 */
export function loopbackRedirect(redirectUri: string): URL | null {
  try {
    const url = new URL(redirectUri);
    const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    return url.protocol === 'http:' && local && url.port !== '' ? url : null;
  } catch {
    return null;
  }
}
