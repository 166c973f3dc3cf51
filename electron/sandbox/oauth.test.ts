import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoClient } from './options';
import { call, testRedirect, testSandbox } from './testing';
import type { Sandbox } from './app';

const authorizeUrl = (extra: Record<string, string> = {}) =>
  `/o/authorize/?${new URLSearchParams({
    response_type: 'code',
    client_id: demoClient.clientId,
    redirect_uri: testRedirect,
    scope: 'calendar:read patients:read',
    state: 's t/a+te',
    ...extra,
  }).toString()}`;

async function decide(
  sb: Sandbox,
  action: 'authorize' | 'cancel',
  extra: Record<string, string> = {},
) {
  const r = await call(sb, 'POST', '/o/authorize/', {
    form: {
      response_type: 'code',
      client_id: demoClient.clientId,
      redirect_uri: testRedirect,
      scope: 'calendar:read',
      state: 's t/a+te',
      action,
      ...extra,
    },
  });
  expect(r.status).toBe(302);
  return new URL(r.headers.get('location') ?? '');
}

const exchange = (sb: Sandbox, form: Record<string, string>) =>
  call(sb, 'POST', '/o/token/', {
    form: {
      grant_type: 'authorization_code',
      client_id: demoClient.clientId,
      client_secret: demoClient.clientSecret,
      redirect_uri: testRedirect,
      ...form,
    },
  });

describe('OAuth', () => {
  it('shows an accessible consent page that posts back to /o/authorize/', async () => {
    const { sb } = testSandbox();
    const r = await call(sb, 'GET', authorizeUrl());
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.text).toMatch(/<h1>Authorize Frontdesk \(demo\)<\/h1>/);
    expect(r.text).toMatch(
      /<button type="submit" name="action" value="authorize">Authorize<\/button>/,
    );
    expect(r.text).toMatch(/>Cancel<\/button>/);
    expect(r.text).toContain('(calendar:read)');
    expect(r.text).toContain('<form method="post" action="/o/authorize/">');
    expect(r.text).not.toMatch(/<(script|link|img)\b/);
  });

  it('refuses unknown clients and unregistered redirect URIs with a page, never a redirect', async () => {
    const { sb } = testSandbox();
    const unknown = await call(sb, 'GET', authorizeUrl({ client_id: 'nope' }));
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('location')).toBeNull();
    const wrongUri = await call(sb, 'GET', authorizeUrl({ redirect_uri: `${testRedirect}/` }));
    expect(wrongUri.status).toBe(400);
    expect(wrongUri.text).toContain('redirect');
    sb.control.registerRedirectUri(demoClient.clientId, `${testRedirect}/`);
    expect((await call(sb, 'GET', authorizeUrl({ redirect_uri: `${testRedirect}/` }))).status).toBe(
      200,
    );
  });

  it('redirects with the state on Authorize and access_denied on Cancel', async () => {
    const { sb } = testSandbox();
    const ok = await decide(sb, 'authorize');
    expect(`${ok.origin}${ok.pathname}`).toBe(testRedirect);
    expect(ok.searchParams.get('code')).toBeTruthy();
    expect(ok.searchParams.get('state')).toBe('s t/a+te');
    expect(ok.search).toContain('state=s%20t%2Fa%2Bte');
    const no = await decide(sb, 'cancel');
    expect(no.searchParams.get('error')).toBe('access_denied');
    expect(no.searchParams.get('code')).toBeNull();
    expect(no.searchParams.get('state')).toBe('s t/a+te');
  });

  it('exchanges a code once, for a Bearer token of 48 hours', async () => {
    const { sb } = testSandbox();
    const code = (await decide(sb, 'authorize')).searchParams.get('code') ?? '';
    const r = await exchange(sb, { code });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 172800,
      scope: 'calendar:read',
    });
    const tokens = r.body as { access_token: string; refresh_token: string };
    expect(tokens.access_token).toMatch(/^\S{20,}$/);
    expect(tokens.refresh_token).not.toBe(tokens.access_token);
    const reuse = await exchange(sb, { code });
    expect(reuse.status).toBe(400);
    expect(reuse.body).toEqual({ error: 'invalid_grant' });
    const me = await call(sb, 'GET', '/api/users/current', { token: tokens.access_token });
    expect(me.status).toBe(302);
  });

  it('wants form bodies, the right secret and the same redirect_uri', async () => {
    const { sb } = testSandbox();
    const code = (await decide(sb, 'authorize')).searchParams.get('code') ?? '';
    const asJson = await call(sb, 'POST', '/o/token/', {
      json: { grant_type: 'authorization_code', code, client_id: demoClient.clientId },
    });
    expect(asJson.status).toBe(400);
    expect(asJson.body).toMatchObject({ error: 'invalid_request' });
    expect((await exchange(sb, { code, client_secret: 'wrong' })).body).toEqual({
      error: 'invalid_client',
    });
    expect((await exchange(sb, { code, client_secret: 'wrong' })).status).toBe(401);
    const noSlash = await call(sb, 'POST', '/o/token', {
      form: { grant_type: 'authorization_code', code },
    });
    expect(noSlash.status).toBe(404);
    const mismatch = await exchange(sb, { code, redirect_uri: 'http://127.0.0.1:9/other' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('lets codes expire after codeTtlSeconds of the sandbox clock', async () => {
    const { sb, clock } = testSandbox();
    const code1 = (await decide(sb, 'authorize')).searchParams.get('code') ?? '';
    const code2 = (await decide(sb, 'authorize')).searchParams.get('code') ?? '';
    await clock.advance(59_000);
    expect((await exchange(sb, { code: code1 })).status).toBe(200);
    await clock.advance(2_000);
    const late = await exchange(sb, { code: code2 });
    expect(late.status).toBe(400);
    expect(late.body).toEqual({ error: 'invalid_grant' });
  });

  it('verifies PKCE when the authorize request carried a challenge', async () => {
    const { sb } = testSandbox();
    const verifier = 'a-long-random-verifier-of-at-least-43-characters-xyz';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };
    const page = await call(sb, 'GET', authorizeUrl(pkce));
    expect(page.text).toContain(challenge);
    const codeOf = async () => (await decide(sb, 'authorize', pkce)).searchParams.get('code') ?? '';
    expect((await exchange(sb, { code: await codeOf() })).status).toBe(400);
    expect(
      (await exchange(sb, { code: await codeOf(), code_verifier: 'wrong' })).body,
    ).toMatchObject({
      error: 'invalid_grant',
    });
    expect((await exchange(sb, { code: await codeOf(), code_verifier: verifier })).status).toBe(
      200,
    );
    const plain =
      (
        await decide(sb, 'authorize', {
          code_challenge: 'plain-verifier',
          code_challenge_method: 'plain',
        })
      ).searchParams.get('code') ?? '';
    expect((await exchange(sb, { code: plain, code_verifier: 'plain-verifier' })).status).toBe(200);
  });

  it('rotates refresh tokens: the old pair stops working, reuse is invalid_grant', async () => {
    const { sb } = testSandbox();
    const first = sb.control.issueTokens({ scope: 'user:read calendar:read' });
    const refresh = (token: string) =>
      call(sb, 'POST', '/o/token/', {
        form: {
          grant_type: 'refresh_token',
          refresh_token: token,
          client_id: demoClient.clientId,
          client_secret: demoClient.clientSecret,
        },
      });
    const r = await refresh(first.refresh_token);
    expect(r.status).toBe(200);
    const second = r.body as { access_token: string; refresh_token: string; scope: string };
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.scope).toBe('user:read calendar:read');
    expect((await refresh(first.refresh_token)).body).toEqual({ error: 'invalid_grant' });
    expect((await call(sb, 'GET', '/api/doctors', { token: first.access_token })).status).toBe(401);
    expect((await call(sb, 'GET', '/api/doctors', { token: second.access_token })).status).toBe(
      200,
    );
    expect(sb.control.counts().refreshes).toBe(1);
  });

  it('revokes tokens and tells missing, unknown and expired tokens apart', async () => {
    const { sb, clock } = testSandbox({ accessTokenTtlSeconds: 3600 });
    const t = sb.control.issueTokens();
    expect((await call(sb, 'GET', '/api/doctors')).body).toEqual({
      detail: 'Authentication credentials were not provided.',
    });
    expect((await call(sb, 'GET', '/api/doctors', { token: 'bogus' })).body).toEqual({
      detail: 'Invalid token.',
    });
    const revoke = await call(sb, 'POST', '/o/revoke_token/', {
      form: {
        client_id: demoClient.clientId,
        client_secret: demoClient.clientSecret,
        token: t.access_token,
      },
    });
    expect(revoke.status).toBe(200);
    expect((await call(sb, 'GET', '/api/doctors', { token: t.access_token })).status).toBe(401);
    const u = sb.control.issueTokens();
    await clock.advance(3600_000);
    const expired = await call(sb, 'GET', '/api/doctors', { token: u.access_token });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ detail: 'Token has expired.' });
    const v = sb.control.issueTokens();
    sb.control.expireAccessTokens();
    expect((await call(sb, 'GET', '/api/doctors', { token: v.access_token })).status).toBe(401);
  });
});
