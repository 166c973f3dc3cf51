import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from './app/log';
import { createSessionService } from './app/session-service';
import { createFakeServices } from './app/testing/fake-services';
import { traversalAttempts } from './app/testing/traversal-attempts';
import { createDispatcher } from './handlers/dispatch';
import { createWebServer, type WebServer } from './web-host-server';

const staticDir = mkdtempSync(join(tmpdir(), 'frontdesk-web-'));
mkdirSync(join(staticDir, 'assets'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Frontdesk</title>');
writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
// A file next to the bundle that a traversal would try to reach.
writeFileSync(join(staticDir, '..', 'frontdesk-web-secret.txt'), 'TOP-SECRET');

let web: WebServer;
let port: number;
let origin: string;
/** The run key's cookie, as the browser holds it after opening the printed address. */
let cookie: string;
const fakes = createFakeServices();
let handlerRuns = 0;
const callbacks: string[] = [];

beforeAll(async () => {
  const handlers = createSessionService(fakes.services, createMemoryLogger());
  const counted = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      (request: never, services: never) => {
        handlerRuns += 1;
        return (handler as (r: never, s: never) => Promise<unknown>)(request, services);
      },
    ]),
  );
  web = createWebServer({
    staticDir,
    callbackPaths: ['/oauth/callback'],
    keepAliveSeconds: 3600,
    maxStreams: 4,
  });
  web.setRuntime({
    dispatch: createDispatcher({
      handlers: counted,
      isLocked: () => fakes.lock.isLocked(),
    }),
    events: fakes.services.events,
    completeSignIn: (url) => {
      callbacks.push(url.pathname + url.search);
      return fakes.auth.completeSignIn(url);
    },
  });
  await new Promise<void>((resolve) => web.server.listen(0, '127.0.0.1', resolve));
  port = (web.server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  cookie = `${web.cookieName()}=${web.runKey}`;
});

afterAll(async () => {
  web.closeStreams();
  await new Promise((resolve) => web.server.close(resolve));
});

/** A request written by hand, so the path reaches the server exactly as given. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET', body = '') {
  return new Promise<{ status: number; headers: string; body: string }>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('end', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body: rest.join('\r\n\r\n') });
    });
    socket.on('error', reject);
    const lines = [
      `${method} ${path} HTTP/1.1`,
      `Host: ${headers.Host ?? `127.0.0.1:${port}`}`,
      'Connection: close',
      ...Object.entries(headers)
        .filter(([k]) => k !== 'Host')
        .map(([k, v]) => `${k}: ${v}`),
      ...(headers['Content-Length'] ? [] : [`Content-Length: ${Buffer.byteLength(body)}`]),
      '',
      body,
    ];
    socket.write(lines.join('\r\n'));
  });
}

function ipc(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${origin}/ipc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin, Cookie: cookie, ...headers },
    body: JSON.stringify(body),
  });
}

describe('browser host: HTTP surface', () => {
  it('serves the app with a strict CSP and security headers', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it.each(traversalAttempts)('refuses the path %s', async (attempt) => {
    const response = await raw(attempt);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain('TOP-SECRET');
  });

  it('refuses other hosts (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.2:${port}`]) {
      const response = await raw('/', { Host: host });
      expect(response.status, host).toBe(421);
    }
  });

  it('answers a call from its own page', async () => {
    const response = await ipc('app:info', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { host: 'web' } });
  });

  it('accepts an empty body for calls without a request', async () => {
    const response = await fetch(`${origin}/ipc/lock%3Astatus`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, Cookie: cookie },
    });
    expect(await response.json()).toMatchObject({ ok: true });
  });

  it('refuses cross-site and malformed calls before any handler runs', async () => {
    const before = handlerRuns;
    const refused = [
      await ipc('app:info', {}, { Origin: 'http://evil.example' }),
      await ipc('app:info', {}, { Origin: 'null' }),
      await ipc('app:info', {}, { Origin: `http://localhost:${port}` }),
      await ipc('app:info', {}, { 'Sec-Fetch-Site': 'cross-site' }),
      await fetch(`${origin}/ipc/app%3Ainfo`, {
        method: 'POST',
        headers: { Cookie: cookie },
        body: '{}',
      }),
      await fetch(`${origin}/ipc/app%3Ainfo`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', Origin: origin, Cookie: cookie },
        body: '{}',
      }),
      await fetch(`${origin}/ipc/app%3Ainfo`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin, Cookie: cookie },
        body: '{not json',
      }),
      await fetch(`${origin}/ipc/app%3Alog`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin, Cookie: cookie },
        body: JSON.stringify({ level: 'info', message: 'x'.repeat(2_000_000) }),
      }),
      await ipc('__proto__', {}),
      await ipc('app:log', JSON.parse('{"level":"info","message":"x","__proto__":{"a":1}}')),
      await fetch(`${origin}/ipc/app%3Ainfo`, { method: 'GET', headers: { Cookie: cookie } }),
    ];
    const statuses = refused.map((r) => r.status);
    expect(statuses).toEqual([403, 403, 403, 403, 415, 415, 400, 413, 404, 200, 405]);
    const last = (await refused[9]!.json()) as { ok: boolean };
    expect(last.ok).toBe(false);
    expect(handlerRuns).toBe(before);
  });

  it('forwards the OAuth callback to the auth service and returns to the app', async () => {
    const response = await fetch(`${origin}/oauth/callback?code=abc&state=xyz`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
    expect(callbacks).toContain('/oauth/callback?code=abc&state=xyz');
  });

  it('streams the contract events to the page', async () => {
    const controller = new AbortController();
    const response = await fetch(`${origin}/events`, {
      signal: controller.signal,
      headers: { Cookie: cookie },
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    await reader.read(); // ": connected"
    await ipc('lock:lock', {});
    let text = '';
    while (!text.includes('\n\n') || !text.includes('lock:changed')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain('event: lock:changed');
    expect(text).toContain('"locked":true');
    controller.abort();
    await ipc('lock:unlock', { pin: '1234' });
  });
});

describe('browser host: the run key', () => {
  it('the printed address sets an HttpOnly, SameSite=Strict cookie for this port and leaves the URL', async () => {
    const response = await fetch(`${origin}/?key=${encodeURIComponent(web.runKey)}`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
    const set = response.headers.get('set-cookie') ?? '';
    expect(set).toContain(`frontdesk_key_${String(port)}=`);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    const wrong = await fetch(`${origin}/?key=not-the-key`, { redirect: 'manual' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('answers no /ipc or /events request without the key, whatever else it says', async () => {
    const before = handlerRuns;
    const forged = {
      'Content-Type': 'application/json',
      Origin: origin,
      'Sec-Fetch-Site': 'same-origin',
    };
    const wrongCookies = [
      undefined,
      `${web.cookieName()}=`,
      `${web.cookieName()}=${web.runKey.slice(0, -1)}x`,
      `frontdesk_key_1=${web.runKey}x`,
      `other=1; ${web.cookieName()}=${'A'.repeat(43)}`,
    ];
    const answers: number[] = [];
    for (const channel of [
      'app:info',
      'practice:get',
      'lock:unlock',
      'auth:signOut',
      'settings:getConnection',
    ]) {
      for (const wrongCookie of wrongCookies) {
        const response = await fetch(`${origin}/ipc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: wrongCookie === undefined ? forged : { ...forged, Cookie: wrongCookie },
          body: '{}',
        });
        answers.push(response.status);
        expect(await response.text()).not.toContain('"ok":true');
      }
    }
    for (const wrongCookie of wrongCookies) {
      const response = await fetch(`${origin}/events`, {
        headers: wrongCookie === undefined ? {} : { Cookie: wrongCookie },
      });
      answers.push(response.status);
      await response.body?.cancel();
    }
    const served = answers.filter((status) => status !== 401 && status !== 403).length;
    console.log(
      `[figure] /ipc and /events answers without the run secret: ${String(served)} of ${String(answers.length)}`,
    );
    expect(served).toBe(0);
    expect(handlerRuns).toBe(before);
  });

  it('refuses an oversized body by its declared length, without reading it, whatever its type', async () => {
    for (const type of ['text/plain', 'application/json', 'multipart/form-data; boundary=x']) {
      const response = await raw(
        '/ipc/app%3Ainfo',
        { 'Content-Type': type, Origin: origin, Cookie: cookie, 'Content-Length': '50000000' },
        'POST',
      );
      expect(response.status, type).toBe(413);
    }
  });

  it('checks the event stream’s Origin and caps the open streams', async () => {
    const foreign = await fetch(`${origin}/events`, {
      headers: { Cookie: cookie, Origin: 'http://127.0.0.1:1' },
    });
    expect(foreign.status).toBe(403);
    const controllers: AbortController[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const controller = new AbortController();
      controllers.push(controller);
      const response = await fetch(`${origin}/events`, {
        headers: { Cookie: cookie },
        signal: controller.signal,
      });
      statuses.push(response.status);
      if (response.status !== 200) await response.body?.cancel();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    for (const controller of controllers) controller.abort();
  });
});
