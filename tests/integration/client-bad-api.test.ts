import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VirtualClock } from '../../shared/time/clock';
import {
  createCallBudget,
  createDrchronoClient,
  failureToAppError,
  type ApiResult,
} from '../../electron/drchrono';
import { createJsonFileStore } from '../../electron/store';
import { drive, spyFetch } from './client-helpers';

/**
 * A deliberately bad drchrono: malformed pages and records, loops, foreign links and redirects.
 * Nothing it sends may be accepted as valid data or followed off the configured host.
 */
const base = 'http://127.0.0.1:5999';
type Answer = { status: number; body?: unknown; text?: string; headers?: Record<string, string> };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'frontdesk-badapi-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function badServer(routes: Record<string, Answer>) {
  const clock = new VirtualClock(Date.UTC(2026, 10, 18, 15, 30, 0));
  const spy = spyFetch((request) => {
    const url = new URL(request.url);
    const answer = routes[url.pathname + url.search] ??
      routes[url.pathname] ?? { status: 404, body: { detail: 'Not found.' } };
    const text = answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    return Promise.resolve(
      new Response(answer.status === 204 ? null : text, {
        status: answer.status,
        headers: answer.headers,
      }),
    );
  });
  const budget = createCallBudget({
    store: createJsonFileStore(join(dir, `s-${String(Math.random())}.json`)),
    clock,
    hourlyQuota: 5000,
    share: 1,
  });
  const client = createDrchronoClient({
    baseUrl: base,
    fetch: spy.fetch,
    tokens: {
      accessToken: () => Promise.resolve('t0k3n'),
      refreshAfterRejection: () => Promise.resolve(null),
    },
    budget,
    clock,
    random: () => 0,
  });
  return { clock, client, sent: spy.sent, budget };
}

const item = z.looseObject({ id: z.int(), name: z.string() });
const accepted = (result: ApiResult<unknown>): boolean => result.ok;

describe('a misbehaving server', () => {
  it('accepts none of the bad inputs', async () => {
    const { clock, client, sent } = badServer({
      '/api/records': {
        status: 200,
        body: {
          next: `${base}/api/records?page=2`,
          results: [
            { id: 1, name: 'good' },
            { id: 'x', name: 'bad id' },
            null,
            7,
            'text',
            { id: 2, name: { nested: true } },
            JSON.parse('{"__proto__": {"polluted": true}, "id": 3}') as unknown,
            { id: 4.5, name: 'fractional' },
          ],
        },
      },
      '/api/records?page=2': {
        status: 200,
        body: { next: `${base}/api/records`, data: [{ id: 5, name: 'from data' }] },
      },
      '/api/foreign-next': {
        status: 200,
        body: { next: 'https://evil.example/api/records?page=2', results: [] },
      },
      '/api/scheme-next': {
        status: 200,
        body: { next: `https://127.0.0.1:5999/api/records`, results: [] },
      },
      '/api/not-json': { status: 200, text: '<html>Maintenance</html>' },
      '/api/no-results': { status: 200, body: { next: null, count: 3 } },
      '/api/results-not-array': { status: 200, body: { next: null, results: { id: 1 } } },
      '/api/redirect-no-location': { status: 302 },
      '/api/redirect-userinfo': {
        status: 302,
        headers: { location: 'http://127.0.0.1:5999@evil.example/x' },
      },
      '/api/redirect-protocol-relative': { status: 302, headers: { location: '//evil.example/x' } },
      '/api/redirect-https': {
        status: 302,
        headers: { location: 'https://127.0.0.1:5999/api/records' },
      },
      '/api/redirect-javascript': { status: 302, headers: { location: 'javascript:alert(1)' } },
      '/api/huge': { status: 200, body: { id: 1, name: 'x'.repeat(2_000_000), extra: [1, 2, 3] } },
    });
    const run = <T>(work: Promise<T>) => drive(clock, work);

    const list = await run(client.list('/api/records', item));
    expect(list).toMatchObject({ ok: true, value: { pages: 2, skipped: 7 } });
    expect(list.ok && list.value.items.map((r) => r.id)).toEqual([1, 5]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const bad = [
      await run(client.list('/api/foreign-next', item)),
      await run(client.list('/api/scheme-next', item)),
      await run(client.get('/api/not-json', item)),
      await run(client.list('/api/not-json', item)),
      await run(client.list('/api/no-results', item)),
      await run(client.list('/api/results-not-array', item)),
      await run(client.get('/api/redirect-no-location', item)),
      await run(client.get('/api/redirect-userinfo', item)),
      await run(client.get('/api/redirect-protocol-relative', item)),
      await run(client.get('/api/redirect-https', item)),
      await run(client.get('/api/redirect-javascript', item)),
      await run(client.get('https://evil.example/api/records', item)),
      await run(
        client.get('/api/huge', z.looseObject({ id: z.int(), name: z.string().max(10_000) })),
      ),
    ];
    const malformedRecords = 7;
    const tried = bad.length + malformedRecords;
    const acceptedCount = bad.filter(accepted).length + (list.ok ? list.value.items.length - 2 : 0);
    console.log(
      `[figure] bad API inputs tried: ${String(tried)}, accepted: ${String(acceptedCount)}`,
    );
    expect(acceptedCount).toBe(0);
    expect(sent.every((r) => r.url.startsWith(`${base}/`))).toBe(true);
    for (const result of bad) {
      if (!result.ok) expect(failureToAppError(result.failure).message).not.toMatch(/x{50}/);
    }
  });

  it('falls back to the top of the hour when a 429 does not say how long', async () => {
    const { clock, client, budget } = badServer({ '/api/x': { status: 429, text: 'Too many' } });
    const result = await drive(clock, client.get('/api/x', z.unknown()));
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'rate_limited', retryAfterSeconds: 1800 },
    });
    expect(budget.snapshot().throttledUntil).toBe(Date.UTC(2026, 10, 18, 16, 0, 0));
  });

  it('stops a pagination loop after reading each distinct page once', async () => {
    const { clock, client, sent } = badServer({
      '/api/loop': {
        status: 200,
        body: { next: `${base}/api/loop?page=2`, results: [{ id: 1, name: 'a' }] },
      },
      '/api/loop?page=2': {
        status: 200,
        body: { next: '/api/loop', results: [{ id: 2, name: 'b' }] },
      },
    });
    const result = await drive(clock, client.list('/api/loop', item));
    expect(result).toMatchObject({ ok: true, value: { pages: 2 } });
    expect(sent).toHaveLength(2);
  });
});
