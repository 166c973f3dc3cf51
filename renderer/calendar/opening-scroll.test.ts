import { afterEach, describe, expect, it, vi } from 'vitest';
import { openingScroll } from './BookCalendar';

const zone = 'America/New_York';

afterEach(() => {
  vi.useRealTimers();
});

describe('openingScroll', () => {
  it('opens today half an hour before now while the office is open', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-07T15:40:00Z'), toFake: ['Date'] }); // 10:40 in New York
    expect(openingScroll('2026-12-07', zone, '07:55:00', '19:00:00')).toBe('10:10:00');
  });

  it('opens today at its first hour before the first visits, and any other day there too', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-07T12:10:00Z'), toFake: ['Date'] }); // 07:10
    expect(openingScroll('2026-12-07', zone, '07:55:00', '19:00:00')).toBe('07:55:00');
    expect(openingScroll('2026-12-08', zone, '07:55:00', '19:00:00')).toBe('07:55:00');
  });
});
