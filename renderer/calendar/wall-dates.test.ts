import { describe, expect, it } from 'vitest';
import { calendarDateToWall, practiceNowMs, wallToCalendarMs } from './wall-dates';

const NY = 'America/New_York';

describe('practice wall time for FullCalendar (timeZone: UTC)', () => {
  it('round-trips wall times, whatever the machine zone', () => {
    const ms = wallToCalendarMs('2026-11-01T01:30:00');
    expect(ms).toBe(Date.UTC(2026, 10, 1, 1, 30));
    expect(calendarDateToWall(new Date(ms))).toBe('2026-11-01T01:30:00');
  });

  it("puts the now line at the practice's wall clock across both DST changes", () => {
    // 2026-11-01 05:30Z is 01:30 EDT (first pass), 06:30Z is 01:30 EST (the repeated hour).
    expect(
      calendarDateToWall(new Date(practiceNowMs(NY, Date.parse('2026-11-01T05:30:00Z')))),
    ).toBe('2026-11-01T01:30:00');
    expect(
      calendarDateToWall(new Date(practiceNowMs(NY, Date.parse('2026-11-01T06:30:00Z')))),
    ).toBe('2026-11-01T01:30:00');
    // 2026-03-08 07:00Z is 03:00 EDT: the clock jumped over 02:00–03:00.
    expect(
      calendarDateToWall(new Date(practiceNowMs(NY, Date.parse('2026-03-08T07:00:00Z')))),
    ).toBe('2026-03-08T03:00:00');
    // A desk in Tokyo at 09:00 on the 24th still sees the 23rd in New York.
    expect(
      calendarDateToWall(new Date(practiceNowMs(NY, Date.parse('2026-11-24T00:00:00Z')))),
    ).toBe('2026-11-23T19:00:00');
  });
});
