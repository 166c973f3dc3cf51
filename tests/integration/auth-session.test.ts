import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VirtualClock } from '../../shared/time/clock';
import { authMessages, createAuthService } from '../../electron/auth';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import type { SecureStore } from '../../electron/store';
import { consent, visit } from './auth-helpers';
import { authRig, type AuthRig } from './auth-rig';
import { drive, type SentRequest } from './client-helpers';

let server: SandboxServer;
let clock: VirtualClock;
let rig: AuthRig | null = null;

beforeAll(async () => {
  clock = new VirtualClock(Date.UTC(2026, 10, 18, 14, 0, 0));
  server = await startSandboxServer({ clock, patientCount: 30, hourlyQuota: 0 });
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await rig?.dispose();
  rig = null;
});

async function signedIn(options: Parameters<typeof authRig>[2] = {}): Promise<AuthRig> {
  rig = await authRig(server, clock, options);
  const started = await rig.auth.beginSignIn();
  if (!started.ok) throw new Error(started.error.message);
  await drive(clock, visit(await consent(started.value.authorizeUrl, 'authorize')));
  expect(rig.auth.status().state).toBe('signed-in');
  return rig;
}

const anyPage = z.looseObject({ results: z.array(z.unknown()) });
const tokenDoc = z.looseObject({ accessToken: z.string(), refreshToken: z.string() });
const bearer = (s: SentRequest) => s.authorization?.replace(/^Bearer /, '') ?? null;
const issued = (r: AuthRig) =>
  r.sent
    .filter((s) => s.url.endsWith('/o/token/') && s.status === 200)
    .map((s) => JSON.parse(s.answer!) as { access_token: string; refresh_token: string });

describe('refresh: single flight, rotation saved before use', () => {
  it('20 concurrent calls when the token is about to expire → 1 refresh', async () => {
    const r = await signedIn();
    await clock.advance(48 * 3_600_000 - 5 * 60_000); // inside the 10-minute lead
    const firstCall = r.sent.length;
    const results = await drive(
      clock,
      Promise.all(Array.from({ length: 20 }, () => r.client.get('/api/doctors', anyPage))),
    );
    expect(results.every((x) => x.ok)).toBe(true);
    const refreshes = r.sent.slice(firstCall).filter((s) => s.url.endsWith('/o/token/')).length;
    console.log(`[figure] refreshes per expiry under 20 concurrent calls: ${String(refreshes)}`);
    expect(refreshes).toBe(1);
    const [, fresh] = issued(r);
    const calls = r.sent.slice(firstCall).filter((s) => s.url.includes('/api/'));
    expect(calls).toHaveLength(20);
    expect(new Set(calls.map(bearer))).toEqual(new Set([fresh!.access_token]));
  });

  it('20 concurrent calls rejected with 401 (expired at drchrono) → 1 refresh, each call retried once', async () => {
    // No spacing: all 20 are in flight together, so their 401s race for the refresh.
    const r = await signedIn({ maxPerSecond: Infinity });
    server.control.expireAccessTokens();
    const before = server.control.counts();
    const firstCall = r.sent.length;
    const results = await drive(
      clock,
      Promise.all(Array.from({ length: 20 }, () => r.client.get('/api/doctors', anyPage))),
    );
    expect(results.every((x) => x.ok)).toBe(true);
    const after = server.control.counts();
    const refreshRequests = r.sent
      .slice(firstCall)
      .filter((s) => s.url.endsWith('/o/token/')).length;
    console.log(`[figure] refresh requests after 20 concurrent 401s: ${String(refreshRequests)}`);
    expect(refreshRequests).toBe(1);
    expect(after.refreshes - before.refreshes).toBe(1);
    expect(after.unauthorized401 - before.unauthorized401).toBe(20);
  });

  it('the rotated refresh token is on disk before the new access token is first used', async () => {
    let onDiskAtFirstUse: string | null = null;
    let latest: SentRequest | null = null;
    const r = await signedIn({
      onSend: async (request) => {
        latest = request;
        const token = bearer(request);
        const refreshed = rig ? issued(rig)[1] : undefined;
        if (onDiskAtFirstUse === null && refreshed && token === refreshed.access_token) {
          // What a process killed at this instant would find on restart.
          const doc = await rig!.reopen().read('tokens', tokenDoc);
          onDiskAtFirstUse = doc?.refreshToken ?? 'none';
        }
      },
    });
    server.control.expireAccessTokens();
    expect((await drive(clock, r.client.get('/api/doctors', anyPage))).ok).toBe(true);
    const rotated = issued(r)[1]!;
    expect(latest).not.toBeNull();
    expect(onDiskAtFirstUse).toBe(rotated.refresh_token);
    expect(issued(r)[0]!.refresh_token).not.toBe(rotated.refresh_token);
  });

  it('while the rotated tokens are not yet durable, the new access token is not used', async () => {
    let release: (() => void) | null = null;
    let hold = false;
    const holding = (store: SecureStore): SecureStore => ({
      ...store,
      write: async (name, value) => {
        if (hold && name === 'tokens') await new Promise<void>((resolve) => (release = resolve));
        return store.write(name, value);
      },
    });
    const r = await signedIn({ secure: holding });
    hold = true;
    server.control.expireAccessTokens();
    const pending = r.client.get('/api/doctors', anyPage);
    await drive(clock, clock.sleep(2_000));
    const rotated = issued(r)[1]!;
    expect(release).not.toBeNull();
    expect(r.sent.filter((s) => bearer(s) === rotated.access_token)).toHaveLength(0);
    release!();
    expect((await drive(clock, pending)).ok).toBe(true);
    expect(r.sent.filter((s) => bearer(s) === rotated.access_token)).toHaveLength(1);
  });

  it('offline past expiry the session is kept: calls fail as offline, and work again once back', async () => {
    const r = await signedIn();
    await clock.advance(49 * 3_600_000);
    server.control.setOffline(true);
    const offline = await drive(clock, r.client.get('/api/doctors', anyPage));
    expect(offline).toMatchObject({ ok: false, failure: { kind: 'network' } });
    expect(r.auth.status()).toMatchObject({ state: 'signed-in', lastError: null });
    server.control.setOffline(false);
    expect((await drive(clock, r.client.get('/api/doctors', anyPage))).ok).toBe(true);
  });

  it('invalid_grant on refresh: signed out with a clear message, other documents untouched', async () => {
    const r = await signedIn();
    await r.secure.write('outbox', { edits: ['move 09:30 to Exam 2'] });
    server.control.revokeAllTokens();
    const result = await drive(clock, r.client.get('/api/doctors', anyPage));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'unauthenticated' } });
    expect(r.auth.status()).toMatchObject({
      state: 'signed-out',
      lastError: authMessages.sessionEnded(),
    });
    expect(r.auth.status().lastError?.message).toBe(
      'Your drchrono session ended; sign in again — unsent edits are kept.',
    );
    expect(await r.secure.read('outbox', z.unknown())).toEqual({ edits: ['move 09:30 to Exam 2'] });
    expect(await r.secure.read('tokens', z.unknown())).toBeUndefined();
  });
});

describe('sign-out, restart, secrets', () => {
  it('sign-out revokes at drchrono (the token is dead there) and wipes the tokens document', async () => {
    const r = await signedIn();
    const token = issued(r)[0]!.access_token;
    const before = server.control.counts().revocations;
    const status = await drive(clock, r.auth.signOut());
    expect(status).toMatchObject({ state: 'signed-out', user: null, lastError: null });
    expect(server.control.counts().revocations - before).toBe(1);
    const revoke = r.sent.find((s) => s.url.endsWith('/o/revoke_token/'));
    expect(revoke?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    const probe = await fetch(`${server.url}/api/doctors`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(probe.status).toBe(401);
    expect(await r.reopen().read('tokens', z.unknown())).toBeUndefined();
    expect(await r.auth.accessToken()).toBeNull();
  });

  it('a restart finds the session (and who signed in) without any call', async () => {
    const r = await signedIn();
    const sentBefore = r.sent.length;
    const again = await createAuthService({
      connection: r.connection,
      secure: r.reopen(),
      platform: { callback: 'loopback', openAuthorizePage: () => Promise.resolve('main') },
      fetch: () => Promise.reject(new Error('no network needed')),
      clock,
    });
    expect(again.status()).toMatchObject({ state: 'signed-in', user: { username: 'frontdesk' } });
    expect(await again.accessToken()).toBe(issued(r)[0]!.access_token);
    expect(r.sent.length).toBe(sentBefore);
  });

  it('no token and no client secret in status, settings view or events', async () => {
    const r = await signedIn();
    server.control.expireAccessTokens();
    await drive(clock, r.client.get('/api/doctors', anyPage));
    await drive(clock, r.auth.signOut());
    const secrets = [
      'frontdesk-demo-secret',
      ...issued(r).flatMap((t) => [t.access_token, t.refresh_token]),
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    const exposed = JSON.stringify([r.auth.status(), await r.connection.view(), r.statuses]);
    const hits = secrets.filter((s) => exposed.includes(s)).length;
    console.log(
      `[figure] tokens or secrets found in status, settings view and auth events: ${String(hits)}`,
    );
    expect(hits).toBe(0);
    expect((await r.connection.view()).hasSecret).toBe(true);
  });
});
