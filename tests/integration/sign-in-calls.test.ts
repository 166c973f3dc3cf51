import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type AppRuntime } from '../../electron/app/create-services';
import { createMemoryLogger } from '../../electron/app/log';
import { demoClient, startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { createTestKeyWrapper } from '../../electron/store';
import { consent, freePort } from './auth-helpers';

/**
 * What a sign-in costs: the profile (who signed in, the practice name) and the practice reference
 * both need `/api/users/current`, which drchrono charges twice for (it redirects). Read once.
 */

let sandbox: SandboxServer;
let runtime: AppRuntime;
let dataDir: string;
const sent: { method: string; path: string }[] = [];

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function signIn(): Promise<void> {
  const { services } = runtime;
  const started = await services.auth.beginSignIn();
  if (!started.ok) throw new Error(started.error.message);
  const location = await consent(started.value.authorizeUrl, 'authorize');
  const done = await services.auth.completeSignIn(new URL(location));
  if (!done.ok) throw new Error(done.error.message);
}

const currentUserCalls = () =>
  sent.filter((s) => s.method === 'GET' && s.path === '/api/users/current').length;

beforeAll(async () => {
  sandbox = await startSandboxServer({});
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${String(port)}/oauth/callback`;
  sandbox.control.registerRedirectUri(demoClient.clientId, redirectUri);
  dataDir = await mkdtemp(join(tmpdir(), 'frontdesk-sign-in-calls-'));
  runtime = await createServices({
    host: 'web',
    version: 'test',
    dataDir,
    platform: {
      keyWrapper: createTestKeyWrapper(),
      openAuthorizePage: () => Promise.resolve('renderer'),
      callback: 'host-route',
    },
    env: {},
    defaultRedirectUri: redirectUri,
    logger: createMemoryLogger(),
    demo: 'off',
    fetch: (request) => {
      const url = new URL(request.url);
      sent.push({ method: request.method, path: url.pathname });
      return fetch(request);
    },
  });
  await runtime.start();
  const saved = await runtime.dispatch(
    'settings:saveConnection',
    {
      clientId: demoClient.clientId,
      clientSecret: demoClient.clientSecret,
      redirectUri,
      baseUrl: sandbox.url,
    },
    { trusted: true },
  );
  if (!saved.ok) throw new Error(saved.error.message);
}, 60_000);

afterAll(async () => {
  await runtime.stop();
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a sign-in reads the signed-in user once', () => {
  it('gives the profile and the practice reference the same answer from one call', async () => {
    const { services } = runtime;
    await signIn();
    const practice = await services.practice.get();
    await until(() => services.auth.status().user !== null, 'the profile');
    expect(practice.ok).toBe(true);
    if (!practice.ok) return;
    // Both keep what they did: the status bar's user, the practice's user and zone.
    expect(services.auth.status().user?.username).toBe(practice.value.user.username);
    expect(practice.value.user.id).toBe(services.auth.status().user?.id);
    const calls = currentUserCalls();
    console.log(`[figure] /api/users/current calls at sign-in: ${String(calls)} (was 2)`);
    expect(calls).toBe(1);

    // A refresh in the same minute reuses the answer too (see current-user.test.ts for later).
    await services.practice.get({ refresh: true });
    expect(currentUserCalls()).toBe(1);
  });
});
