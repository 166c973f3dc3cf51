import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from './event-inputs';
import { widenToVisits } from './visit-hours';

const block = (from: string, to: string): CalendarEvent => ({
  input: {
    id: from,
    start: Date.parse(`${from}Z`),
    end: Date.parse(`${to}Z`),
    extendedProps: { kind: 'template', profile: 'x' },
  },
  sig: from,
});
const day = { start: '2026-12-07', end: '2026-12-07' };
const office = { min: '07:00:00', max: '19:00:00' };

describe('widenToVisits', () => {
  it('keeps the office hours when every block is inside them (the same object: no re-render)', () => {
    expect(widenToVisits(office, [block('2026-12-07T08:00:00', '2026-12-07T18:30:00')], day)).toBe(
      office,
    );
  });

  it('takes in a visit booked after closing and one before opening, to whole hours', () => {
    const late = block('2026-12-07T19:40:00', '2026-12-07T19:55:00');
    const early = block('2026-12-07T06:30:00', '2026-12-07T07:00:00');
    expect(widenToVisits(office, [late, early], day)).toEqual({ min: '06:00:00', max: '20:00:00' });
    expect(
      widenToVisits(office, [block('2026-12-07T19:00:00', '2026-12-07T20:00:00')], day),
    ).toEqual({ min: '07:00:00', max: '20:00:00' });
  });

  it('ignores other dates (the previous day lingers while the next loads)', () => {
    expect(widenToVisits(office, [block('2026-12-06T21:00:00', '2026-12-06T22:00:00')], day)).toBe(
      office,
    );
  });
});
