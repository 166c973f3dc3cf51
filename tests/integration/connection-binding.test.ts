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
 * Issue 11, finding 1: the connection settings must not send the client secret or the outbox
 * wherever the window says. A second drchrono (a sandbox on another port, with its own
 * application) stands in for the "listener on another port".
 */

const other = {
  clientId: 'other-app',
  clientSecret: 'other-app-secret',
  name: 'Other',
  redirectUris: [] as string[],
};

interface Sent {
  origin: string;
  method: string;
  path: string;
  body: string;
}

let home: SandboxServer;
let elsewhere: SandboxServer;
let runtime: AppRuntime;
let dataDir: string;
let redirectUri: string;
const sent: Sent[] = [];

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function signInAt(): Promise<void> {
  const { services } = runtime;
  const started = await services.auth.beginSignIn();
  if (!started.ok) throw new Error(started.error.message);
  const location = await consent(started.value.authorizeUrl, 'authorize');
  const done = await services.auth.completeSignIn(new URL(location));
  if (!done.ok) throw new Error(done.error.message);
  const auth = services.auth as unknown as {
    connectionOwner(): { practiceGroup: unknown } | null;
  };
  await until(() => auth.connectionOwner()?.practiceGroup !== undefined, 'the profile');
}

beforeAll(async () => {
  home = await startSandboxServer({});
  elsewhere = await startSandboxServer({ clients: [other] });
  const port = await freePort();
  redirectUri = `http://127.0.0.1:${String(port)}/oauth/callback`;
  home.control.registerRedirectUri(demoClient.clientId, redirectUri);
  elsewhere.control.registerRedirectUri(other.clientId, redirectUri);
  dataDir = await mkdtemp(join(tmpdir(), 'frontdesk-binding-'));
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
    fetch: async (request) => {
      const url = new URL(request.url);
      const body = request.body ? await request.clone().text() : '';
      sent.push({ origin: url.origin, method: request.method, path: url.pathname, body });
      return fetch(request);
    },
  });
  await runtime.start();
}, 60_000);

afterAll(async () => {
  await runtime.stop();
  await home.close();
  await elsewhere.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the outbox and the secret belong to one connection', () => {
  it('never sends the saved secret or queued edits to another server', async () => {
    const { dispatch, services } = runtime;
    const ctx = { trusted: true };
    const saved = await dispatch(
      'settings:saveConnection',
      {
        clientId: demoClient.clientId,
        clientSecret: demoClient.clientSecret,
        redirectUri,
        baseUrl: home.url,
      },
      ctx,
    );
    expect(saved.ok).toBe(true);
    await signInAt();

    // Three patient edits queued while the practice's drchrono is unreachable.
    const listed = await home.control.asOtherWorkstation('GET', '/api/patients?page_size=3');
    const patients = (listed.body as { results: { id: number }[] }).results.slice(0, 3);
    home.control.setOffline(true);
    for (const [i, patient] of patients.entries()) {
      const queued = await services.edits.submit({
        resource: 'patients',
        op: 'update',
        targetId: String(patient.id),
        body: { cell_phone: `(555) 010-00${String(i)}` },
        summary: `Phone of patient ${String(patient.id)}`,
      });
      expect(queued.ok && queued.value.state).toBe('queued');
    }
    expect(services.edits.unsentCount()).toBe(3);

    // The window asks to move the connection elsewhere, keeping the saved secret: refused.
    for (const [baseUrl, field] of [
      [elsewhere.url, 'clientSecret'],
      ['http://192.0.2.10:8080', 'baseUrl'],
      ['http://evil.example', 'baseUrl'],
    ] as const) {
      const moved = await dispatch(
        'settings:saveConnection',
        { clientId: demoClient.clientId, redirectUri, baseUrl },
        ctx,
      );
      expect(moved.ok).toBe(false);
      if (!moved.ok) expect(moved.error.fields).toHaveProperty(field);
    }
    const otherApp = await dispatch(
      'settings:saveConnection',
      { clientId: 'someone-else', redirectUri, baseUrl: home.url },
      ctx,
    );
    expect(!otherApp.ok && otherApp.error.fields?.clientSecret).toMatch(/again/);
    expect((await services.connection.resolve()).baseUrl).toBe(home.url);

    // A deliberate switch to another drchrono, with that application's own secret.
    const switched = await dispatch(
      'settings:saveConnection',
      {
        clientId: other.clientId,
        clientSecret: other.clientSecret,
        redirectUri,
        baseUrl: elsewhere.url,
      },
      ctx,
    );
    expect(switched.ok).toBe(true);
    await signInAt();
    await services.sync.syncNow();
    expect(services.edits.unsentCount()).toBe(0);
    expect(services.sync.status().message ?? '').toMatch(/3 unsent changes .* kept aside/);

    const toOther = sent.filter((r) => r.origin === elsewhere.url);
    const secretsElsewhere = toOther.filter((r) => r.body.includes(demoClient.clientSecret));
    const editsElsewhere = toOther.filter((r) => r.method === 'PATCH' || r.method === 'POST');
    const editsOnServer = elsewhere.control
      .requests()
      .filter((r) => r.method === 'PATCH' && r.path.startsWith('/api/patients'));
    console.log(
      `[figure] secrets and edits sent to a host other than the saved connection: ` +
        `${String(secretsElsewhere.length + editsOnServer.length)} ` +
        `(secrets ${String(secretsElsewhere.length)}, edits ${String(editsOnServer.length)} of 3)`,
    );
    expect(secretsElsewhere).toEqual([]);
    expect(editsOnServer).toEqual([]);
    expect(editsElsewhere.filter((r) => r.path.startsWith('/api/'))).toEqual([]);

    // Back to the practice's own drchrono: its three edits come back and are delivered there.
    home.control.setOffline(false);
    const back = await dispatch(
      'settings:saveConnection',
      {
        clientId: demoClient.clientId,
        clientSecret: demoClient.clientSecret,
        redirectUri,
        baseUrl: home.url,
      },
      ctx,
    );
    expect(back.ok).toBe(true);
    await signInAt();
    await until(() => services.edits.unsentCount() === 0, 'the edits to reach home');
    const delivered = home.control
      .requests()
      .filter((r) => r.method === 'PATCH' && r.path.startsWith('/api/patients'));
    expect(delivered.length).toBeGreaterThanOrEqual(3);
  }, 90_000);
});
