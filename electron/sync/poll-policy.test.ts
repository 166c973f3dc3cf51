import { describe, expect, it } from 'vitest';
import { defaultPollPolicy, deskMode, pollDelay, probeDelay, type PollInput } from './poll-policy';

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
});
