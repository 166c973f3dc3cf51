import { describe, expect, it } from 'vitest';
import { createCalendarService } from './calendar-service';
import { appointment, calendarSetup, callerOf } from './testing/calendar-fixture';

function setup() {
  const fixture = calendarSetup();
  return { ...fixture, call: callerOf(createCalendarService(fixture.services)) };
}

describe('appointments', () => {
  it('lists a range from the book and tells sync which dates are on screen', async () => {
    const { call, book, watched } = setup();
    book.days.set('2026-11-23', [appointment({})]);
    const reply = await call('appointments:list', {
      start: '2026-11-23',
      end: '2026-11-23',
      officeId: 1,
    });
    expect(reply.ok && reply.value.appointments).toHaveLength(1);
    expect(watched).toEqual([{ start: '2026-11-23', end: '2026-11-23', officeId: 1 }]);
  });
});
