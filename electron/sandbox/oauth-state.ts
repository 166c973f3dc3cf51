import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Registered applications, authorization codes and tokens. Tokens are random (they cross real
 * sockets in server mode); everything time-related compares against the sandbox's clock.
 */

export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  /** Compared as exact strings, as drchrono does. */
  redirectUris: string[];
  name: string;
}

interface AuthCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  userId: number;
  expiresAt: number;
  used: boolean;
  challenge?: { value: string; method: 'S256' | 'plain' };
}

export interface AccessToken {
  token: string;
  clientId: string;
  userId: number;
  scope: string;
  expiresAt: number;
  revoked: boolean;
  refreshToken: string;
}

interface RefreshToken {
  token: string;
  clientId: string;
  userId: number;
  scope: string;
  revoked: boolean;
  accessToken: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  scope: string;
}

export type AuthResult = { ok: true; token: AccessToken } | { ok: false; detail: string };

const secret = (): string => randomBytes(24).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function pkceMatches(
  verifier: string,
  challenge: { value: string; method: string },
): boolean {
  const derived =
    challenge.method === 'S256'
      ? createHash('sha256').update(verifier).digest('base64url')
      : verifier;
  return safeEqual(derived, challenge.value);
}

export class OAuthState {
  readonly clients = new Map<string, SandboxClient>();
  private readonly codes = new Map<string, AuthCode>();
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();

  constructor(
    clients: readonly SandboxClient[],
    private readonly ttl: { accessSeconds: number; codeSeconds: number },
  ) {
    for (const c of clients)
      this.clients.set(c.clientId, { ...c, redirectUris: [...c.redirectUris] });
  }

  registerRedirectUri(clientId: string, uri: string): void {
    const client = this.clients.get(clientId);
    if (!client) throw new Error(`unknown client ${clientId}`);
    if (!/^https?:\/\//.test(uri))
      throw new Error('redirect URIs must start with http:// or https://');
    if (!client.redirectUris.includes(uri)) client.redirectUris.push(uri);
  }

  /** The client if the id is known and the secret matches. */
  authenticateClient(clientId: string, clientSecret: string): SandboxClient | undefined {
    const client = this.clients.get(clientId);
    return client && safeEqual(client.clientSecret, clientSecret) ? client : undefined;
  }

  issueCode(grant: Omit<AuthCode, 'expiresAt' | 'used'>, now: number): string {
    const code = secret();
    this.codes.set(code, { ...grant, expiresAt: now + this.ttl.codeSeconds * 1000, used: false });
    return code;
  }

  /** Single use: the code is spent even when the exchange then fails on a later check. */
  takeCode(code: string, now: number): AuthCode | undefined {
    const grant = this.codes.get(code);
    if (!grant || grant.used || grant.expiresAt <= now) return undefined;
    grant.used = true;
    return grant;
  }

  issueTokens(clientId: string, userId: number, scope: string, now: number): TokenResponse {
    const access: AccessToken = {
      token: secret(),
      clientId,
      userId,
      scope,
      expiresAt: now + this.ttl.accessSeconds * 1000,
      revoked: false,
      refreshToken: secret(),
    };
    this.access.set(access.token, access);
    this.refresh.set(access.refreshToken, {
      token: access.refreshToken,
      clientId,
      userId,
      scope,
      revoked: false,
      accessToken: access.token,
    });
    return {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: this.ttl.accessSeconds,
      refresh_token: access.refreshToken,
      scope,
    };
  }

  /**
   * Rotation as django-oauth-toolkit does it: the old refresh token and the access token issued
   * with it stop working, and a second use of the old refresh token is invalid_grant.
   */
  rotate(refreshToken: string, clientId: string, now: number): TokenResponse | undefined {
    const old = this.refresh.get(refreshToken);
    if (!old || old.revoked || old.clientId !== clientId) return undefined;
    old.revoked = true;
    const oldAccess = this.access.get(old.accessToken);
    if (oldAccess) oldAccess.revoked = true;
    return this.issueTokens(clientId, old.userId, old.scope, now);
  }

  /** RFC 7009: revoking either token of a pair revokes both; unknown tokens are ignored. */
  revoke(token: string, clientId: string): void {
    const access = this.access.get(token);
    const refresh =
      this.refresh.get(token) ?? (access ? this.refresh.get(access.refreshToken) : undefined);
    if (access && access.clientId === clientId) access.revoked = true;
    if (refresh && refresh.clientId === clientId) {
      refresh.revoked = true;
      const paired = this.access.get(refresh.accessToken);
      if (paired) paired.revoked = true;
    }
  }

  authenticate(header: string | null, now: number): AuthResult {
    if (!header) return { ok: false, detail: 'Authentication credentials were not provided.' };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) return { ok: false, detail: 'Invalid token header. No credentials provided.' };
    const token = this.access.get(match[1]);
    if (!token || token.revoked) return { ok: false, detail: 'Invalid token.' };
    if (token.expiresAt <= now) return { ok: false, detail: 'Token has expired.' };
    return { ok: true, token };
  }

  /** Makes every live access token expired now (refresh tokens keep working). */
  expireAccessTokens(now: number): number {
    let n = 0;
    for (const t of this.access.values())
      if (!t.revoked && t.expiresAt > now) {
        t.expiresAt = now;
        n++;
      }
    return n;
  }

  revokeAll(): void {
    for (const t of this.access.values()) t.revoked = true;
    for (const t of this.refresh.values()) t.revoked = true;
  }
}
