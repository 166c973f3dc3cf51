import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { systemClock } from '../../shared/time/clock';
import { createDrchronoClient } from '../../electron/drchrono/client';
import { transportCause } from '../../electron/drchrono/transport';
import type { CallBudget } from '../../electron/drchrono/types';
import { createWorld, TUESDAY_0830, type World, type Workstation } from './sync-harness';

/**
 * Faster truth about the connection (issue 9, section 5): a refused, reset or unresolvable
 * connection is confirmed by one probe and said within seconds of the first failed request; a
 * slow network is not called unreachable, but the status says it is slow after 10 s.
 */

const freeBudget: CallBudget = {
  acquire: () => Promise.resolve({ ok: true }),
  record: () => undefined,
  throttle: () => undefined,
  snapshot: () => ({ used: 0, cap: 500, hourStart: 0, throttledUntil: null }),
  remainingShare: () => 1,
  onChange: () => () => undefined,
};

function realClient(baseUrl: string) {
  return createDrchronoClient({
    baseUrl,
    fetch: (request) => fetch(request),
    tokens: {
      accessToken: () => Promise.resolve('t'),
      refreshAfterRejection: () => Promise.resolve(null),
    },
    budget: freeBudget,
    clock: systemClock,
    maxAttempts: 1,
    timeoutMs: 5_000,
  });
}

describe('how a request failed, from real sockets', () => {
  let resetter: Server;
  let closedPort = 0;
  beforeAll(async () => {
    resetter = createServer((request) => {
      request.socket.destroy();
    });
    await new Promise<void>((resolve) => resetter.listen(0, '127.0.0.1', resolve));
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) =>
      probe.close(() => {
        resolve();
      }),
    );
  });
  afterAll(async () => {
    await new Promise<void>((resolve) =>
      resetter.close(() => {
        resolve();
      }),
    );
  });

  it('tells refused, reset and unresolvable apart', { timeout: 60_000 }, async () => {
    const refused = await realClient(`http://127.0.0.1:${String(closedPort)}`).get(
      '/api/doctors',
      z.unknown(),
    );
    expect(refused).toMatchObject({
      ok: false,
      failure: { kind: 'network', committed: 'no', cause: 'refused' },
    });
    const port = (resetter.address() as AddressInfo).port;
    const reset = await realClient(`http://127.0.0.1:${String(port)}`).get(
      '/api/doctors',
      z.unknown(),
    );
    expect(reset).toMatchObject({ ok: false, failure: { kind: 'network', cause: 'reset' } });
    // DNS may not be reachable here: the codes Node and undici give, as they give them.
    expect(transportCause(['ENOTFOUND'])).toBe('unresolvable');
    expect(transportCause(['EAI_AGAIN'])).toBe('unresolvable');
    expect(transportCause(['UND_ERR_SOCKET'])).toBe('reset');
    expect(transportCause(['UND_ERR_CONNECT_TIMEOUT'])).toBe('timeout');
    expect(transportCause([])).toBe('other');
  });
});

/** Opens the desk on today, engine running and in use. */
async function openDesk(world: World, ws: Workstation): Promise<void> {
  const practice = await world.drive(ws.services.practice.get());
  if (!practice.ok) throw new Error(practice.error.message);
  const range = { start: practice.value.today, end: practice.value.today };
  await world.drive(ws.services.book.range(range));
  ws.services.sync.watch(range);
  ws.services.sync.start();
  ws.services.sync.activity();
}

describe('the status the desk sees', () => {
  it(
    'says drchrono cannot be reached within seconds of a refused connection',
    { timeout: 60_000 },
    async () => {
      const world = createWorld({ start: TUESDAY_0830 });
      const ws = world.workstation('desk');
      await openDesk(world, ws);
      const worst: number[] = [];
      // Cut at moments spread over the polls' rhythm; the figure is the slowest.
      for (const wait of [7_000, 21_000, 38_000, 52_000]) {
        ws.services.sync.activity();
        await world.advance(wait);
        ws.setNetwork(false, 'refused');
        const cutAt = world.clock.now();
        const logFrom = ws.log.length;
        let shownAt: number | null = null;
        for (let t = 0; t < 180 && shownAt === null; t++) {
          await world.advance(500);
          if (ws.services.sync.status().connection === 'offline') shownAt = world.clock.now();
        }
        const firstFailed = ws.log.slice(logFrom).find((c) => c.status === 0)?.at ?? cutAt;
        expect(shownAt).not.toBeNull();
        expect(ws.services.sync.status().message).toMatch(/drchrono cannot be reached/);
        worst.push(((shownAt ?? Infinity) - firstFailed) / 1000);
        ws.setNetwork(true);
        for (let t = 0; t < 120 && ws.services.sync.status().connection !== 'online'; t++)
          await world.advance(1_000);
        expect(ws.services.sync.status().connection).toBe('online');
      }
      await world.drive(ws.services.sync.stop());
      const seconds = Math.max(...worst);
      expect(seconds).toBeLessThanOrEqual(10);
      console.log(
        `[figure] unreachable shown after ${seconds.toFixed(1)} s (of the first failed request, worst of ${String(worst.length)} cuts: ${worst.map((s) => s.toFixed(1)).join(', ')} s)`,
      );
    },
  );

  it(
    'does not call one reset a lost connection when the probe gets through',
    { timeout: 60_000 },
    async () => {
      const world = createWorld({ start: TUESDAY_0830 });
      const ws = world.workstation('desk');
      await openDesk(world, ws);
      await world.advance(10_000);
      const probes = ws.log.length;
      ws.services.connectivity.reportFailure({
        kind: 'network',
        committed: 'unknown',
        message: 'reset',
        cause: 'reset',
      });
      await world.advance(2_000);
      expect(ws.log.slice(probes).some((c) => c.url.includes('/api/doctors'))).toBe(true);
      expect(ws.services.sync.status().connection).toBe('online');
      await world.drive(ws.services.sync.stop());
    },
  );

  it(
    'says "slow" after 10 s of waiting on a slow network, without calling it unreachable',
    { timeout: 60_000 },
    async () => {
      const world = createWorld({ start: TUESDAY_0830 });
      const ws = world.workstation('desk');
      await openDesk(world, ws);
      await world.advance(20_000);
      ws.setNetwork(false, 'slow');
      const logFrom = ws.log.length;
      let slowAt: number | null = null;
      for (let t = 0; t < 240 && slowAt === null; t++) {
        await world.advance(500);
        if (ws.services.sync.status().slowSince != null) slowAt = world.clock.now();
      }
      const firstWaiting = ws.log[logFrom]?.at ?? 0;
      expect(slowAt).not.toBeNull();
      expect(((slowAt ?? 0) - firstWaiting) / 1000).toBeLessThanOrEqual(10.5);
      expect(ws.services.sync.status().connection).toBe('online');
      // Answers in time again: the status says so.
      ws.setNetwork(true);
      for (let t = 0; t < 240 && ws.services.sync.status().slowSince != null; t++)
        await world.advance(1_000);
      expect(ws.services.sync.status()).toMatchObject({ connection: 'online', slowSince: null });
      await world.drive(ws.services.sync.stop());
      console.log(
        `[figure] slow connection shown after ${(((slowAt ?? 0) - firstWaiting) / 1000).toFixed(1)} s of waiting on drchrono`,
      );
    },
  );
});
