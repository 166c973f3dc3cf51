import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allergySchema } from '../../shared/drchrono';
import { VirtualClock } from '../../shared/time/clock';
import { createCallBudget, createDrchronoClient } from '../../electron/drchrono';
import { createSandbox, type Sandbox } from '../../electron/sandbox';
import { createJsonFileStore } from '../../electron/store';
import { drive, sandboxTokens, spyFetch } from './client-helpers';

/** Time-dependent behaviour on one VirtualClock shared by the client and an in-process sandbox. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'frontdesk-timing-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const anyPage = z.looseObject({ results: z.array(z.unknown()) });

function setup(options: { random?: () => number; quota?: number; start?: number } = {}) {
  const clock = new VirtualClock(options.start ?? Date.UTC(2026, 10, 18, 15, 0, 0));
  const sandbox: Sandbox = createSandbox({
    clock,
    patientCount: 40,
    hourlyQuota: options.quota ?? 500,
  });
  const spy = spyFetch((request) => sandbox.handle(request));
  const budget = createCallBudget({
    store: createJsonFileStore(join(dir, `s-${String(Math.random())}.json`)),
    clock,
    hourlyQuota: 5000,
    share: 1,
  });
  const client = createDrchronoClient({
    baseUrl: 'http://127.0.0.1:5999',
    fetch: spy.fetch,
    tokens: sandboxTokens(sandbox.control),
    budget,
    clock,
    ...(options.random ? { random: options.random } : {}),
  });
  const apiLog = () => sandbox.control.requests().filter((r) => r.path.startsWith('/api/'));
  return { clock, sandbox, client, budget, sent: spy.sent, apiLog };
}

describe('429: wait as drchrono says, never hammer', () => {
  it('sends nothing until the time drchrono gave, then succeeds', async () => {
    // 10:59:00 in drchrono's hour: the quota of 3 resets in 60 seconds.
    const { clock, client, apiLog } = setup({ quota: 3, start: Date.UTC(2026, 10, 18, 15, 59, 0) });
    for (let i = 0; i < 3; i++)
      expect((await drive(clock, client.get('/api/doctors', anyPage))).ok).toBe(true);
    const limited = await drive(clock, client.get('/api/doctors', anyPage));
    expect(limited).toMatchObject({
      ok: false,
      failure: { kind: 'rate_limited', retryAfterSeconds: 60 },
    });
    const throttledAt = clock.now();
    expect(apiLog()).toHaveLength(4);

    // A caller that tries again and again meanwhile gets refusals; none reaches drchrono.
    let refusals = 0;
    while (clock.now() < throttledAt + 59_000) {
      const again = await drive(clock, client.get('/api/doctors', anyPage));
      expect(again).toMatchObject({ ok: false, failure: { kind: 'rate_limited' } });
      refusals++;
      await clock.advance(5_000);
    }
    expect(apiLog()).toHaveLength(4);

    // A well-behaved caller sleeps the time it was given and then gets through.
    if (!limited.ok && limited.failure.kind === 'rate_limited') {
      await clock.advanceTo(throttledAt + limited.failure.retryAfterSeconds * 1000);
    }
    const after = await drive(clock, client.get('/api/doctors', anyPage));
    expect(after.ok).toBe(true);
    expect(apiLog()).toHaveLength(5);
    expect(apiLog()[4]!.time).toBeGreaterThanOrEqual(throttledAt + 60_000);
    console.log(
      `[figure] calls sent while throttled after a 429: 0 (of ${String(refusals)} attempts refused locally)`,
    );
  });
});

describe('retries', () => {
  it('retries idempotent requests with full-jitter backoff, at most 3 attempts', async () => {
    const draws = [0.5, 0.25, 0.9, 0.1];
    const { clock, client, sandbox, apiLog } = setup({ random: () => draws.shift() ?? 0 });
    sandbox.control.setFaults({ errorRate: 1 });
    const result = await drive(clock, client.get('/api/doctors', anyPage));
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'http', status: expect.any(Number) },
    });
    const times = apiLog().map((r) => r.time);
    expect(times).toHaveLength(3);
    // Backoff before retry n is uniform in [0, 500 · 2^(n-1)): draws 0.5 and 0.25 → 250 ms and 250 ms.
    expect(times[1]! - times[0]!).toBe(250);
    expect(times[2]! - times[1]!).toBe(250);
  });

  it('retries PUT, PATCH and DELETE after dropped connections and gets through', async () => {
    const { clock, client, sandbox, apiLog } = setup({ random: () => 0.5 });
    const allergy = sandbox.db.allergies.all()[0]!;
    sandbox.control.setFaults({ dropBeforeRate: 1 });
    const pending = drive(
      clock,
      client.patch(`/api/allergies/${String(allergy.id)}`, { notes: 'seen 2026-11-18' }),
    );
    // Two attempts fail; the third finds the network back.
    await drive(clock, clock.sleep(300));
    sandbox.control.clearFaults();
    expect(await pending).toMatchObject({ ok: true, status: 204 });
    expect(apiLog().filter((r) => r.method === 'PATCH').length).toBeGreaterThanOrEqual(2);

    sandbox.control.setFaults({ errorRate: 1 });
    const path = `/api/allergies/${String(allergy.id)}`;
    await drive(clock, client.put(path, { ...allergy.data, patient: allergy.data.patient }));
    await drive(clock, client.remove(path));
    expect(apiLog().filter((r) => r.method === 'PUT')).toHaveLength(3);
    expect(apiLog().filter((r) => r.method === 'DELETE')).toHaveLength(3);
  });

  it('never retries a POST: a 5xx is returned after one attempt', async () => {
    const { clock, client, sandbox, apiLog } = setup();
    sandbox.control.setFaults({ errorRate: 1 });
    const result = await drive(
      clock,
      client.create('/api/allergies', { description: 'x' }, allergySchema),
    );
    expect(result).toMatchObject({ ok: false, failure: { kind: 'http' } });
    expect(apiLog().filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('times out each attempt: a GET is retried, a hanging POST is committed: unknown', async () => {
    const { clock, client, sandbox, sent } = setup({ random: () => 0 });
    sandbox.control.setFaults({ latencyMs: 120_000 });
    const get = await drive(clock, client.get('/api/doctors', anyPage), { jumpMs: 200_000 });
    expect(get).toMatchObject({ ok: false, failure: { kind: 'network', committed: 'unknown' } });
    const post = await drive(clock, client.create('/api/allergies', {}, allergySchema), {
      jumpMs: 200_000,
    });
    expect(post).toMatchObject({ ok: false, failure: { kind: 'network', committed: 'unknown' } });
    // What went out (the sandbox drops requests whose connection was given up before it answered).
    expect(sent.filter((r) => r.method === 'GET')).toHaveLength(3);
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(sandbox.control.counts().requests).toBe(4);
  });
});

describe('spacing', () => {
  it('sends a burst of 25 calls at no more than 10 a second', async () => {
    const { clock, client, apiLog } = setup();
    await drive(
      clock,
      Promise.all(Array.from({ length: 25 }, () => client.get('/api/doctors', anyPage))),
    );
    const times = apiLog().map((r) => r.time);
    let worst = 0;
    for (const t of times)
      worst = Math.max(worst, times.filter((u) => u >= t && u < t + 1000).length);
    expect(times).toHaveLength(25);
    expect(worst).toBeLessThanOrEqual(10);
    console.log(`[figure] most API calls sent in any one second (burst of 25): ${String(worst)}`);
  });
});
