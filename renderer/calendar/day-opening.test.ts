import { describe, expect, it } from 'vitest';
import { dayOpening } from './day-opening';
import type { CalendarEvent } from './event-inputs';

const at = (iso: string): CalendarEvent => ({
  input: {
    id: iso,
    start: Date.parse(`${iso}Z`),
    extendedProps: { kind: 'template', profile: 'x' },
  },
  sig: iso,
});
const day = { start: '2026-12-07', end: '2026-12-07' };

describe('dayOpening', () => {
  it('opens on the hour of the first block of the day, not on an empty hour', () => {
    const events = [at('2026-12-07T09:15:00'), at('2026-12-07T08:20:00')];
    expect(dayOpening(events, day, '07:00:00', '19:00:00')).toBe('07:55:00');
  });

  it('never opens before the office does, and opens at the opening on an empty day', () => {
    expect(dayOpening([at('2026-12-07T06:30:00')], day, '07:00:00', '19:00:00')).toBe('07:00:00');
    expect(dayOpening([], day, '07:00:00', '19:00:00')).toBe('07:00:00');
  });

  it('ignores the day still on screen while another one loads', () => {
    expect(dayOpening([at('2026-12-04T08:00:00')], day, '07:00:00', '19:00:00')).toBe('07:00:00');
  });
});
