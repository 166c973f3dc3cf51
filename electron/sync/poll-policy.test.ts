import { describe, expect, it } from 'vitest';
import {
  defaultPollPolicy,
  deskMode,
  pollDelay,
  probeDelay,
  reconcileDays,
  type PollInput,
  type ReconcileInput,
} from './poll-policy';

const HOUR = 3_600_000;
const start = 10 * HOUR;

function input(over: Partial<PollInput> = {}): PollInput {
  return {
    now: start + 60_000,
    lastActivityAt: start + 50_000,
    lastChangeAt: start + 40_000,
    locked: false,
    budget: { used: 10, cap: 150, hourStart: start, throttledUntil: null },
    ...over,
  };
}

describe('poll policy', () => {
  it('polls within a minute while the desk is in use, slower after, nearly never when away', () => {
    expect(pollDelay(input())).toBeLessThanOrEqual(60_000);
    expect(deskMode(input())).toBe('active');
    const idle = input({ lastActivityAt: start + 60_000 - 10 * 60_000 });
    expect(deskMode(idle)).toBe('idle');
    expect(pollDelay(idle)).toBe(defaultPollPolicy.idleMs);
    const away = input({ lastActivityAt: start - 2 * HOUR });
    expect(deskMode(away)).toBe('away');
    expect(pollDelay(away)).toBe(defaultPollPolicy.awayMs);
    expect(deskMode(input({ locked: true }))).toBe('away');
  });

  it('stretches when nothing has changed for a while', () => {
    const busy = pollDelay(input());
    const quiet = pollDelay(input({ lastChangeAt: start - HOUR }));
    expect(quiet).toBeGreaterThan(busy);
    expect(quiet).toBeLessThanOrEqual(60_000);
  });

  it('paces polls to what is left of the hour, and keeps the reserve for the desk', () => {
    const plenty = pollDelay(
      input({ now: start + 30 * 60_000, lastActivityAt: start + 30 * 60_000 }),
    );
    const low = pollDelay(
      input({
        now: start + 30 * 60_000,
        lastActivityAt: start + 30 * 60_000,
        budget: { used: 120, cap: 150, hourStart: start, throttledUntil: null },
      }),
    );
    expect(low).toBeGreaterThan(plenty);
    const spent = pollDelay(
      input({ budget: { used: 140, cap: 150, hourStart: start, throttledUntil: null } }),
    );
    // Below the reserve: background polling waits for the next hour.
    expect(spent).toBeGreaterThanOrEqual(start + HOUR - (start + 60_000));
  });

  it('never polls while drchrono asked to wait (429)', () => {
    const until = start + 60_000 + 5 * 60_000;
    const delay = pollDelay(
      input({ budget: { used: 10, cap: 150, hourStart: start, throttledUntil: until } }),
    );
    expect(start + 60_000 + delay).toBeGreaterThan(until);
  });

  it('probes offline further apart each time, at most a minute', () => {
    expect([0, 1, 2, 3, 4, 10].map(probeDelay)).toEqual([
      5_000, 10_000, 20_000, 40_000, 60_000, 60_000,
    ]);
  });

  it('reconciles today first, and one other day on screen when due and the budget has room', () => {
    const fetched: Record<string, number> = {
      '2026-11-24': start,
      '2026-11-25': start - 5 * 60_000,
      '2026-11-26': start - 9 * 60_000,
    };
    const at = (over: Partial<ReconcileInput> = {}): ReconcileInput => ({
      now: start + 61_000,
      today: '2026-11-24',
      onScreen: ['2026-11-24'],
      loaded: (d) => d in fetched,
      fetchedAt: (d) => fetched[d] ?? null,
      budgetLeft: 0.9,
      ...over,
    });
    expect(reconcileDays(at())).toEqual(['2026-11-24']);
    // Fetched whole a moment ago: nothing to do.
    expect(reconcileDays(at({ now: start + 30_000 }))).toEqual([]);
    // Looking at a week: today, and the day longest without a whole fetch.
    const week = ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
    expect(reconcileDays(at({ onScreen: week }))).toEqual(['2026-11-24', '2026-11-26']);
    // A day not loaded is the book's to load, not a reconciliation's.
    expect(reconcileDays(at({ onScreen: ['2026-11-27'] }))).toEqual(['2026-11-24']);
    // Little budget left: today only.
    expect(reconcileDays(at({ onScreen: week, budgetLeft: 0.2 }))).toEqual(['2026-11-24']);
    // Today fresh: no turn (it would leave today's changes to wait for the next poll).
    expect(reconcileDays(at({ now: start + 30_000, onScreen: week }))).toEqual([]);
    // Today not loaded (looking far ahead): the day on screen alone.
    expect(
      reconcileDays(at({ onScreen: week, loaded: (d) => d in fetched && d !== '2026-11-24' })),
    ).toEqual(['2026-11-26']);
  });
});
