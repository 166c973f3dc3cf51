import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authStatusSchema, connectionSettingsSchema } from '../../shared/contract';
import { VirtualClock } from '../../shared/time/clock';
import { authMessages } from '../../electron/auth';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { consent, freePort, refusesConnection, visit } from './auth-helpers';
import { authRig, type AuthRig } from './auth-rig';
import { drive } from './client-helpers';

let server: SandboxServer;
let clock: VirtualClock;
let rig: AuthRig | null = null;

beforeAll(async () => {
  clock = new VirtualClock(Date.UTC(2026, 10, 18, 14, 0, 0));
  server = await startSandboxServer({ clock, patientCount: 30 });
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await rig?.dispose();
  rig = null;
});

async function setup(options: Parameters<typeof authRig>[2] = {}): Promise<AuthRig> {
  rig = await authRig(server, clock, options);
  return rig;
}

async function begin(r: AuthRig): Promise<string> {
  const started = await r.auth.beginSignIn();
  if (!started.ok) throw new Error(started.error.message);
  return started.value.authorizeUrl;
}

const exchanges = () => server.control.counts().codeExchanges;
const tokenRequests = () => server.control.counts().tokenRequests;

describe('OAuth code flow through the loopback listener', () => {
  it('signs in end to end: authorize page, Authorize, callback, exchange, who is signed in', async () => {
    const r = await setup();
    const authorizeUrl = await begin(r);
    const url = new URL(authorizeUrl);
    expect(r.opened).toEqual([authorizeUrl]);
    expect(url.pathname).toBe('/o/authorize/');
    expect(url.searchParams.get('redirect_uri')).toBe(r.redirectUri);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('scope')).toContain('calendar:write');
    expect(r.auth.status().state).toBe('signing-in');

    const callback = await consent(authorizeUrl, 'authorize');
    const page = await drive(clock, visit(callback));
    expect(page.status).toBe(200);
    expect(page.text).toContain('You can close this tab and return to Frontdesk');

    const status = r.auth.status();
    expect(status).toMatchObject({
      state: 'signed-in',
      mode: 'drchrono',
      configured: true,
      lastError: null,
    });
    expect(status.user?.username).toBe('frontdesk');
    expect(status.practiceName).toEqual(expect.any(String));
    // The token exchange carried the PKCE verifier, form-encoded, to /o/token/ with its slash.
    const exchange = r.sent.find((s) => s.url.endsWith('/o/token/'));
    expect(exchange?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(new URLSearchParams(exchange?.body).get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Closed after the first valid callback.
    expect(r.auth.listening()).toBeNull();
    expect(await refusesConnection(callback)).toBe(true);
    expect(r.statuses.map((s) => s.state)).toContain('signed-in');
    // What crosses to the renderer matches the contract exactly (strict schemas: no extra keys).
    for (const s of [status, ...r.statuses]) expect(authStatusSchema.parse(s)).toEqual(s);
    expect(connectionSettingsSchema.parse(await r.connection.view())).toBeDefined();
  });

  it('ignores forged, missing and replayed state: exactly one code exchange, for the real callback', async () => {
    const r = await setup();
    // A first sign-in whose callback an attacker captured.
    const first = await consent(await begin(r), 'authorize');
    await drive(clock, visit(first));
    const firstState = new URL(first).searchParams.get('state')!;

    const authorizeUrl = await begin(r);
    const real = await consent(authorizeUrl, 'authorize');
    const realState = new URL(real).searchParams.get('state')!;
    const code = new URL(real).searchParams.get('code')!;
    const base = `${r.redirectUri}?code=${encodeURIComponent(code)}`;
    const forged = [
      base, // missing state
      `${base}&state=`,
      `${base}&state=${'A'.repeat(43)}`,
      `${base}&state=${realState.slice(0, -1)}`,
      `${base}&state=${realState}x`,
      `${base}&state=${realState.toLowerCase()}`,
      `${base}&state=forged&state=${realState}`,
      first, // replay of the earlier, already used callback
      `${r.redirectUri}?code=${encodeURIComponent(code)}&state=${firstState}`,
      `${r.redirectUri}?error=access_denied&state=forged`,
    ];
    const before = { exchanges: exchanges(), tokenRequests: tokenRequests() };
    let accepted = 0;
    for (const url of forged) {
      const answer = await drive(clock, visit(url));
      if (answer.status !== 400) accepted++;
      expect(r.auth.status().state).toBe('signing-in');
    }
    expect(tokenRequests() - before.tokenRequests).toBe(0);
    const done = await drive(clock, visit(real));
    expect(done.status).toBe(200);
    expect(exchanges() - before.exchanges).toBe(1);
    expect(r.auth.status().state).toBe('signed-in');
    console.log(
      `[figure] forged OAuth callbacks accepted: ${String(accepted)} of ${String(forged.length)}`,
    );
    expect(accepted).toBe(0);
  });

  it('binds 127.0.0.1 only and closes after 5 minutes without a callback', async () => {
    const r = await setup();
    await begin(r);
    const address = r.auth.listening();
    expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: r.port });
    const elsewhere = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!.address);
    for (const host of ['::1', ...elsewhere]) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: r.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => {
          resolve(false);
        });
      });
      expect({ host, reached }).toEqual({ host, reached: false });
    }
    await clock.advance(5 * 60_000 - 1);
    expect(r.auth.listening()).not.toBeNull();
    await clock.advance(1);
    expect(r.auth.listening()).toBeNull();
    expect(await refusesConnection(r.redirectUri)).toBe(true);
    expect(r.auth.status()).toMatchObject({
      state: 'signed-out',
      lastError: authMessages.timedOut(),
    });
  });
});

describe('clear messages, and a way to retry', () => {
  it('Cancel on the consent page: signed out, “You chose Cancel…”, then signs in on retry', async () => {
    const r = await setup();
    const page = await drive(clock, visit(await consent(await begin(r), 'cancel')));
    expect(page.status).toBe(200);
    expect(r.auth.status()).toMatchObject({
      state: 'signed-out',
      lastError: { code: 'cancelled' },
    });
    expect(r.auth.status().lastError?.message).toMatch(/^You chose Cancel on drchrono’s page/);
    await drive(clock, visit(await consent(await begin(r), 'authorize')));
    expect(r.auth.status()).toMatchObject({ state: 'signed-in', lastError: null });
  });

  it('a Cancel answered without state (error=access_denied only) says “cancelled” at once', async () => {
    const r = await setup();
    await begin(r);
    const before = tokenRequests();
    const page = await drive(clock, visit(`${r.redirectUri}?error=access_denied`));
    expect(page.status).toBe(200);
    // No clock moved: the sign-in ended on the answer, not after its 5 minutes.
    expect(r.auth.status()).toMatchObject({
      state: 'signed-out',
      lastError: authMessages.accessDenied(),
    });
    expect(r.auth.listening()).toBeNull();
    expect(tokenRequests() - before).toBe(0);
    // The browser host's own callback route settles the same way.
    await begin(r);
    const hostRoute = await r.auth.completeSignIn(new URL(`${r.redirectUri}?error=access_denied`));
    expect(hostRoute).toEqual({ ok: false, error: authMessages.accessDenied() });
    expect(r.auth.status().state).toBe('signed-out');
  });

  it('a wrong client secret says so', async () => {
    const r = await setup({ secret: 'not-the-secret' });
    await drive(clock, visit(await consent(await begin(r), 'authorize')));
    expect(r.auth.status()).toMatchObject({
      state: 'signed-out',
      lastError: authMessages.wrongClient(),
    });
  });

  it('an expired code (the browser came back after more than a minute) says so', async () => {
    const r = await setup();
    const callback = await consent(await begin(r), 'authorize');
    await clock.advance(61_000);
    await drive(clock, visit(callback));
    expect(r.auth.status()).toMatchObject({
      state: 'signed-out',
      lastError: authMessages.codeExpired(),
    });
  });

  it('an unreachable drchrono says so (browser host route)', async () => {
    const closedPort = await freePort();
    const r = await setup({
      callback: 'host-route',
      baseUrl: `http://127.0.0.1:${String(closedPort)}`,
    });
    const authorizeUrl = await begin(r);
    const state = new URL(authorizeUrl).searchParams.get('state')!;
    const result = await drive(
      clock,
      r.auth.completeSignIn(new URL(`${r.redirectUri}?code=abc&state=${state}`)),
    );
    expect(result).toEqual({
      ok: false,
      error: {
        ...authMessages.unreachable(`127.0.0.1:${String(closedPort)}`),
        detail: 'POST /o/token/ · no answer',
      },
    });
    expect(r.auth.status().state).toBe('signed-out');
  });

  it('the browser host completes sign-in itself, once', async () => {
    const r = await setup({ callback: 'host-route' });
    const callback = await consent(await begin(r), 'authorize');
    expect(r.auth.listening()).toBeNull();
    const done = await drive(clock, r.auth.completeSignIn(new URL(callback)));
    expect(done).toMatchObject({ ok: true, value: { state: 'signed-in' } });
    const replay = await drive(clock, r.auth.completeSignIn(new URL(callback)));
    expect(replay).toEqual({ ok: false, error: authMessages.noSignInWaiting() });
  });
});
