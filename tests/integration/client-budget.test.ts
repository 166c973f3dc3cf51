import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../shared/time/clock';
import { createCallBudget } from '../../electron/drchrono';
import { createJsonFileStore } from '../../electron/store';
import type { PlainStore } from '../../electron/store';
import { drive } from './client-helpers';

// 10:59:58 UTC: two seconds before the top of the hour.
const start = Date.UTC(2026, 10, 22, 10, 59, 58);
let dir: string;
let store: PlainStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'frontdesk-budget-'));
  store = createJsonFileStore(join(dir, 'settings.json'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function spend(budget: ReturnType<typeof createCallBudget>, clock: VirtualClock, n: number) {
  let granted = 0;
  for (let i = 0; i < n; i++) {
    const turn = await drive(clock, budget.acquire('user'));
    if (!turn.ok) break;
    budget.record();
    granted++;
  }
  return granted;
}

describe('hourly call budget', () => {
  it('counts calls per clock hour, persists them, and resets at the top of the hour', async () => {
    const clock = new VirtualClock(start);
    const budget = createCallBudget({ store, clock, hourlyQuota: 500, share: 0.3 });
    expect(await spend(budget, clock, 7)).toBe(7);
    expect(budget.snapshot()).toMatchObject({ used: 7, cap: 150, throttledUntil: null });

    // A restart in the same hour keeps the count (read back from the settings file).
    const again = createCallBudget({
      store: createJsonFileStore(join(dir, 'settings.json')),
      clock,
      hourlyQuota: 500,
      share: 0.3,
    });
    expect(again.snapshot().used).toBe(7);
    console.log(
      `[figure] calls counted before restart: 7, after restart: ${again.snapshot().used}`,
    );

    await clock.advanceTo(Date.UTC(2026, 10, 22, 11, 0, 0));
    expect(again.snapshot()).toMatchObject({ used: 0, hourStart: Date.UTC(2026, 10, 22, 11) });
  });

  it('refuses past the cap, background first, keeping a reserve for the desk', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 10, 22, 10, 0, 0));
    // cap = floor(100 × 0.2) = 20; background stops at floor(20 × 0.85) = 17.
    const budget = createCallBudget({ store, clock, hourlyQuota: 100, share: 0.2 });
    let background = 0;
    for (;;) {
      const turn = await drive(clock, budget.acquire('background'));
      if (!turn.ok) {
        expect(turn.retryAfterMs).toBe(Date.UTC(2026, 10, 22, 11) - clock.now());
        break;
      }
      budget.record();
      background++;
    }
    expect(background).toBe(17);
    expect(await spend(budget, clock, 10)).toBe(3);
    expect(budget.remainingShare()).toBe(0);
    budget.setLimits(100, 0.3);
    expect(budget.snapshot().cap).toBe(30);
    expect(budget.remainingShare()).toBeCloseTo(10 / 30);
  });

  it('lets concurrent callers through only up to the cap', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 10, 22, 10, 0, 0));
    const budget = createCallBudget({ store, clock, hourlyQuota: 50, share: 0.1 });
    const turns = await drive(
      clock,
      Promise.all(
        Array.from({ length: 12 }, async () => {
          const turn = await budget.acquire('user');
          if (turn.ok) budget.record();
          return turn.ok;
        }),
      ),
    );
    expect(turns.filter(Boolean)).toHaveLength(5);
  });

  it('spaces bursts to at most 10 a second', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 10, 22, 10, 0, 0));
    const budget = createCallBudget({ store, clock, hourlyQuota: 5000, share: 1 });
    const grantedAt: number[] = [];
    await drive(
      clock,
      Promise.all(
        Array.from({ length: 35 }, async () => {
          const turn = await budget.acquire('user');
          if (turn.ok) {
            budget.record();
            grantedAt.push(clock.now());
          }
        }),
      ),
    );
    let worst = 0;
    for (const t of grantedAt)
      worst = Math.max(worst, grantedAt.filter((u) => u >= t && u < t + 1000).length);
    console.log(`[figure] most calls in any one second of a 35-call burst: ${worst}`);
    expect(grantedAt).toHaveLength(35);
    expect(worst).toBeLessThanOrEqual(10);
  });

  it('refuses every call while throttled after a 429, until the time drchrono gave', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 10, 22, 10, 0, 0));
    const budget = createCallBudget({ store, clock, hourlyQuota: 500, share: 0.3 });
    const seen: (number | null)[] = [];
    budget.onChange((s) => seen.push(s.throttledUntil));
    budget.throttle(clock.now() + 42_000);
    expect(await budget.acquire('user')).toEqual({ ok: false, retryAfterMs: 42_000 });
    await clock.advance(41_999);
    expect((await budget.acquire('user')).ok).toBe(false);
    await clock.advance(1);
    expect((await drive(clock, budget.acquire('user'))).ok).toBe(true);
    expect(seen).toContain(Date.UTC(2026, 10, 22, 10, 0, 42));
  });
});
