import { describe, expect, it } from 'vitest';
import { formatClock, formatClockRange } from './clock-format';

describe('formatClock', () => {
  it('reads 12-hour time with AM/PM, noon and midnight included', () => {
    expect(formatClock('2026-11-23T09:05:00', true)).toBe('9:05 AM');
    expect(formatClock('2026-11-23T12:00:00', true)).toBe('12:00 PM');
    expect(formatClock('2026-11-23T00:30:00', true)).toBe('12:30 AM');
    expect(formatClock('2026-11-23T17:45:00', true)).toBe('5:45 PM');
  });

  it('reads 24-hour time with two-digit hours', () => {
    expect(formatClock('2026-11-23T09:05:00', false)).toBe('09:05');
    expect(formatClock('2026-11-23T17:45:00', false)).toBe('17:45');
  });

  it('writes the half of day once when a span stays in it', () => {
    expect(formatClockRange('2026-11-23T09:30:00', '2026-11-23T10:00:00', true)).toBe(
      '9:30–10:00 AM',
    );
    expect(formatClockRange('2026-11-23T11:30:00', '2026-11-23T12:15:00', true)).toBe(
      '11:30 AM–12:15 PM',
    );
    expect(formatClockRange('2026-11-23T11:30:00', '2026-11-23T12:15:00', false)).toBe(
      '11:30–12:15',
    );
  });
});
