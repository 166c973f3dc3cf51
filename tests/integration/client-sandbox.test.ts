import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allergySchema, patientSummarySchema, userSchema } from '../../shared/drchrono';
import { systemClock } from '../../shared/time/clock';
import {
  createCallBudget,
  createDrchronoClient,
  failureToAppError,
  type DrchronoClient,
} from '../../electron/drchrono';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { createJsonFileStore } from '../../electron/store';
import { sandboxTokens, spyFetch, type SentRequest } from './client-helpers';

/** Real sockets: the sandbox on 127.0.0.1, Node's fetch, the production client. */
let server: SandboxServer;
let other: Server;
let otherUrl: string;
const otherHits: string[] = [];
let dir: string;
let client: DrchronoClient;
let sent: SentRequest[];
let tokens: ReturnType<typeof sandboxTokens>;
let budget: ReturnType<typeof createCallBudget>;

beforeAll(async () => {
  server = await startSandboxServer({ patientCount: 300 });
  // A second host that must never hear from the client, whatever drchrono's redirects say.
  other = createServer((req, res) => {
    otherHits.push(
      `${req.method ?? ''} ${req.url ?? ''} auth=${String(req.headers.authorization)}`,
    );
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"results": [], "next": null}');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherUrl = `http://127.0.0.1:${String((other.address() as AddressInfo).port)}`;
  dir = await mkdtemp(join(tmpdir(), 'frontdesk-client-'));
});

afterAll(async () => {
  await server.close();
  await new Promise<void>((resolve) =>
    other.close(() => {
      resolve();
    }),
  );
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  server.control.clearRedirects();
  server.control.clearFaults();
  server.control.denyScopes([]);
  const spy = spyFetch((request) => fetch(request));
  sent = spy.sent;
  tokens = sandboxTokens(server.control);
  budget = createCallBudget({
    store: createJsonFileStore(join(dir, `settings-${String(Math.random())}.json`)),
    clock: systemClock,
    hourlyQuota: 100_000,
    share: 1,
    maxPerSecond: 1000,
  });
  client = createDrchronoClient({
    baseUrl: server.url,
    fetch: spy.fetch,
    tokens,
    budget,
    clock: systemClock,
  });
});

describe('302 replayed by hand', () => {
  it('GET /api/users/current follows to /api/users/:id with the same Authorization', async () => {
    const result = await client.get('/api/users/current', userSchema);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual([
      '/api/users/current',
      `/api/users/${String(result.value.id)}`,
    ]);
    expect(sent[1]!.authorization).toBe(sent[0]!.authorization);
    expect(sent[1]!.authorization).toMatch(/^Bearer \S+$/);
    expect(budget.snapshot().used).toBe(2);
  });

  it('POST /api/iframe_integration is replayed as a POST with the same body and headers', async () => {
    const result = await client.create(
      '/api/iframe_integration',
      { enabled: true },
      z.looseObject({ doctor: z.int(), iframe_integration: z.literal(true) }),
    );
    expect(result).toMatchObject({ ok: true, status: 201 });
    expect(sent).toHaveLength(2);
    const [first, second] = sent as [SentRequest, SentRequest];
    expect(second.method).toBe('POST');
    expect(new URL(second.url).pathname).toMatch(/^\/api\/iframe_integration\/\d+$/);
    expect(second.body).toBe(first.body);
    expect(second.body).toBe('{"enabled":true}');
    expect(second.authorization).toBe(first.authorization);
    expect(second.contentType).toBe('application/json');
  });

  it('replays a form-encoded POST through a redirect set up with addRedirect', async () => {
    const patient = (await client.list('/api/patients', patientSummarySchema, {}, { maxPages: 1 }))
      .ok;
    expect(patient).toBe(true);
    server.control.addRedirect('POST', '/api/legacy_allergies', `${server.url}/api/allergies`);
    const doctor = server.sandbox.db.doctors.all()[0]!.id;
    const patientId = server.sandbox.db.patients.all()[0]!.id;
    sent.length = 0;
    const result = await client.create(
      '/api/legacy_allergies',
      { patient: patientId, doctor, description: 'Penicillin', reaction: 'Hives' },
      allergySchema,
      { bodyKind: 'form' },
    );
    expect(result).toMatchObject({ ok: true, status: 201, value: { patient: patientId } });
    const id = result.ok ? result.value.id : -1;
    expect(server.sandbox.db.allergies.get(id)?.data).toMatchObject({ reaction: 'Hives' });
    expect(sent.map((r) => [r.method, new URL(r.url).pathname])).toEqual([
      ['POST', '/api/legacy_allergies'],
      ['POST', '/api/allergies'],
    ]);
    expect(sent[1]!.body).toBe(sent[0]!.body);
    expect(sent[1]!.contentType).toMatch(/^application\/x-www-form-urlencoded/);
  });

  it('does not follow a redirect to another host, and sends it nothing', async () => {
    server.control.addRedirect('GET', '/api/doctors', `${otherUrl}/api/doctors`);
    server.control.addRedirect('POST', '/api/allergies', `${otherUrl}/collect`);
    const hitsBefore = otherHits.length;
    const get = await client.list('/api/doctors', z.unknown());
    const post = await client.create('/api/allergies', { description: 'x' }, z.unknown());
    expect(get).toMatchObject({ ok: false, failure: { kind: 'redirect_refused' } });
    expect(post).toMatchObject({ ok: false, failure: { kind: 'redirect_refused' } });
    expect(otherHits.length - hitsBefore).toBe(0);
    expect(sent.every((r) => r.url.startsWith(server.url))).toBe(true);
    console.log(
      `[figure] requests (and credentials) sent to another host after cross-host 302s: ${String(otherHits.length - hitsBefore)}`,
    );
  });

  it('gives up after five hops', async () => {
    server.control.addRedirect('GET', '/api/a', `${server.url}/api/b`);
    server.control.addRedirect('GET', '/api/b', '/api/a');
    const result = await client.request({ method: 'GET', path: '/api/a' });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'redirect_refused' } });
    expect(sent).toHaveLength(6);
  });
});

describe('pagination', () => {
  it('walks every page by following next exactly as given', async () => {
    const result = await client.list('/api/patients', patientSummarySchema, {}, { pageSize: 50 });
    const reference = await client.list('/api/patients', patientSummarySchema);
    expect(result.ok && reference.ok).toBe(true);
    if (!result.ok || !reference.ok) return;
    const all = reference.value.items.length;
    expect(all).toBeGreaterThan(250);
    expect(result.value.items.map((p) => p.id)).toEqual(reference.value.items.map((p) => p.id));
    expect(new Set(result.value.items.map((p) => p.id)).size).toBe(all);
    expect(result.value.pages).toBe(Math.ceil(all / 50));
    expect(result.value.pages).toBeGreaterThanOrEqual(3);
    expect(result.value.skipped).toBe(0);
    expect(new URL(sent[0]!.url).searchParams.get('page_size')).toBe('50');
    // Each page after the first is exactly the previous page's `next`.
    const pages = sent.slice(0, result.value.pages);
    for (let i = 1; i < pages.length; i++) {
      expect(pages[i]!.url).toBe((JSON.parse(pages[i - 1]!.answer!) as { next: string }).next);
    }
    expect((JSON.parse(pages[pages.length - 1]!.answer!) as { next: unknown }).next).toBeNull();
    console.log(
      `[figure] pagination: ${String(all)} patients over ${String(result.value.pages)} pages`,
    );
  });

  it('reads a next written on another origin as the same list on this server, never sending there', async () => {
    // A drchrono behind a proxy writing its inner scheme and host: the other reading of `next`.
    server.control.setPageLinkOrigin('http://drchrono.internal:8080');
    try {
      const result = await client.list(
        '/api/patients',
        patientSummarySchema,
        {},
        { pageSize: 100 },
      );
      if (!result.ok) throw new Error(result.failure.message);
      expect(result.value.pages).toBeGreaterThanOrEqual(3);
      expect(new Set(result.value.items.map((p) => p.id)).size).toBe(result.value.items.length);
      expect(sent.length).toBe(result.value.pages);
      expect(sent.every((r) => r.url.startsWith(server.url))).toBe(true);
      expect(new URL(sent[1]!.url).searchParams.get('page')).toBe('2');
    } finally {
      server.control.setPageLinkOrigin(null);
    }
  });

  it('does not follow a next that names another list', async () => {
    const page = { next: 'http://drchrono.internal/api/users?page=2', previous: null, results: [] };
    const fake = createDrchronoClient({
      baseUrl: server.url,
      fetch: () =>
        Promise.resolve(
          new Response(JSON.stringify(page), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
        ),
      tokens,
      budget,
      clock: systemClock,
    });
    const result = await fake.list('/api/patients', patientSummarySchema);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'redirect_refused' } });
  });

  it('stops at maxPages and says where to continue', async () => {
    const result = await client.list(
      '/api/patients',
      patientSummarySchema,
      {},
      { pageSize: 100, maxPages: 2 },
    );
    expect(result.ok && result.value.items.length).toBe(200);
    expect(result.ok && result.value.next).toMatch(/page=3/);
  });
});

describe('sessions, permissions, faults', () => {
  it('refreshes once on 401 and retries; a refused refresh is unauthenticated', async () => {
    server.control.expireAccessTokens();
    const ok = await client.get('/api/doctors', z.looseObject({ results: z.array(z.unknown()) }));
    expect(ok.ok).toBe(true);
    expect(tokens.refreshes).toBe(1);
    server.control.expireAccessTokens();
    tokens.endSession();
    const ended = await client.get('/api/doctors', z.unknown());
    expect(ended).toMatchObject({ ok: false, failure: { kind: 'unauthenticated' } });
  });

  it('reads a 403 that says the token was not accepted as a 401: refreshes once, never a permission', async () => {
    // The REST framework's other answer for an expired token (no scheme named): 403.
    server.control.setAuthRejectedStatus(403);
    try {
      server.control.expireAccessTokens();
      const ok = await client.get('/api/doctors', z.looseObject({ results: z.array(z.unknown()) }));
      expect(ok.ok).toBe(true);
      expect(tokens.refreshes).toBe(1);
      server.control.expireAccessTokens();
      tokens.endSession();
      const ended = await client.get('/api/doctors', z.unknown());
      expect(ended).toMatchObject({ ok: false, failure: { kind: 'unauthenticated' } });
      // A real permission refusal is still one.
      server.control.denyScopes(['billing']);
      tokens = sandboxTokens(server.control);
      const fresh = createDrchronoClient({
        baseUrl: server.url,
        fetch,
        tokens,
        budget,
        clock: systemClock,
      });
      const refused = await fresh.list('/api/line_items', z.unknown(), { appointment: 1 });
      expect(refused).toMatchObject({ ok: false, failure: { kind: 'http', status: 403 } });
      expect(tokens.refreshes).toBe(0);
    } finally {
      server.control.setAuthRejectedStatus(401);
    }
  });

  it('explains a 403 with the drchrono permission to ask for', async () => {
    server.control.denyScopes(['billing']);
    const result = await client.list('/api/line_items', z.unknown(), { appointment: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = failureToAppError(result.failure, { path: '/api/line_items' });
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
    expect(error.message).toBe(
      'drchrono refused this: your account lacks the “Access Billing” and “Show Billing Tab” permissions. Ask your practice admin to grant it.',
    );
  });

  it('reports a dropped connection after commit as committed: unknown, and sends a POST once', async () => {
    const doctor = server.sandbox.db.doctors.all()[0]!.id;
    const patient = server.sandbox.db.patients.all()[1]!.id;
    const before = server.sandbox.db.allergies.all().length;
    server.control.setFaults({ dropAfterRate: 1 });
    const result = await client.create(
      '/api/allergies',
      { patient, doctor, description: 'Latex' },
      allergySchema,
    );
    server.control.clearFaults();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network', committed: 'unknown' } });
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(server.sandbox.db.allergies.all().length).toBe(before + 1);
  });

  it('says committed: no when the server cannot be reached at all', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) =>
      closed.close(() => {
        resolve();
      }),
    );
    const offline = createDrchronoClient({
      baseUrl: `http://127.0.0.1:${String(port)}`,
      fetch: (r) => fetch(r),
      tokens,
      budget,
      clock: systemClock,
      maxAttempts: 1,
    });
    const result = await offline.create('/api/allergies', {}, z.unknown());
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network', committed: 'no' } });
    if (!result.ok) expect(failureToAppError(result.failure).code).toBe('offline');
  });
});
