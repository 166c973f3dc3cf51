import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, AuthStatus, Practice } from '../shared/contract';
import type { Result } from '../shared/result';
import { createMemoryLogger } from './app/log';
import { startWebHost, type WebHost } from './web-host';

/**
 * The browser host as `npm run web` starts it with no credentials: the demo practice, with the
 * sandbox embedded, signed into end to end over HTTP the way a browser would (no Chromium here).
 */

let host: WebHost;
const logger = createMemoryLogger();

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'frontdesk-web-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Frontdesk</title>');
  host = await startWebHost({
    port: 0,
    staticDir,
    logger,
    env: { FRONTDESK_DATA_DIR: mkdtempSync(join(tmpdir(), 'frontdesk-web-data-')) },
  });
});

afterAll(async () => {
  await host.close();
});

async function call<T>(channel: string, body: unknown = {}): Promise<Result<T>> {
  const response = await fetch(`${host.url}/ipc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: host.url,
      Cookie: `${host.cookie.name}=${host.cookie.value}`,
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Result<T>;
}

function value<T>(reply: Result<T>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

describe('browser host without credentials: the demo practice', () => {
  it('runs the embedded sandbox and says how the key is protected', async () => {
    expect(host.runtime.demoSandbox).not.toBeNull();
    const info = value(await call<AppInfo>('app:info'));
    expect(info).toMatchObject({ host: 'web', mode: 'demo' });
    expect(info.storage).toMatchObject({ keyProtection: 'keyfile', phiOnDisk: true });
    expect(info.storage.warning).toMatch(/Development mode/);
  });

  it('signs in through the sandbox consent page and the host callback', async () => {
    const started = value(await call<{ authorizeUrl: string; openedBy: string }>('auth:signIn'));
    expect(started.openedBy).toBe('renderer');
    const authorize = new URL(started.authorizeUrl);
    expect(authorize.origin).toBe(host.runtime.demoSandbox?.url);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${host.url}/oauth/callback`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');

    // The consent page, as a browser gets it, then its form posted with "Authorize".
    const page = await (await fetch(authorize)).text();
    const fields = new URLSearchParams();
    for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
      fields.set(match[1]!, match[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
    }
    fields.set('action', 'authorize');
    const decision = await fetch(new URL('/o/authorize/', authorize), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: fields,
      redirect: 'manual',
    });
    expect(decision.status).toBe(302);
    const callback = new URL(decision.headers.get('location') ?? '');
    expect(callback.origin + callback.pathname).toBe(`${host.url}/oauth/callback`);

    const back = await fetch(callback, { redirect: 'manual' });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/');
    const status = value(await call<AuthStatus>('auth:status'));
    expect(status).toMatchObject({ state: 'signed-in', mode: 'demo', lastError: null });
    expect(status.user?.username).toBe('frontdesk');

    const practice = value(await call<Practice>('practice:get'));
    expect(practice.timezone).toBe('America/New_York');
    expect(practice.doctors.length).toBeGreaterThanOrEqual(2);
    expect(practice.offices.every((o) => o.exam_rooms.length >= 3)).toBe(true);
  });

  it('the same callback replayed changes nothing', async () => {
    const before = host.runtime.demoSandbox?.control.counts().codeExchanges ?? 0;
    const replay = await fetch(`${host.url}/oauth/callback?code=x&state=forged`, {
      redirect: 'manual',
    });
    expect(replay.status).toBe(302);
    expect(host.runtime.demoSandbox?.control.counts().codeExchanges).toBe(before);
    expect(value(await call<AuthStatus>('auth:status')).state).toBe('signed-in');
  });

  it('logs no token, secret or patient data', () => {
    const log = logger.lines.join('\n');
    expect(log).not.toMatch(/frontdesk-demo-secret|Bearer|access_token/);
  });
});
