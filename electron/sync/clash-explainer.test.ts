import { describe, expect, it } from 'vitest';
import { ok, type AppError } from '../../shared/result';
import { createCalendarService } from './calendar-service';
import { appointment, calendarSetup, callerOf } from './testing/calendar-fixture';

/** Through the calendar service: the book refuses, the explainer says why. */
function setup() {
  const fixture = calendarSetup();
  return { ...fixture, call: callerOf(createCalendarService(fixture.services)) };
}

const overlap: AppError = { code: 'conflict', message: 'Overlap', status: 409 };

describe('a refused booking or move', () => {
  it('names the clash of a refused booking and offers the nearest free slots, from the cache', async () => {
    const { call, book, client } = setup();
    book.days.set('2026-11-23', [
      appointment({ id: '100', scheduled_time: '2026-11-23T10:00:00', duration: 30 }),
      appointment({
        id: '101',
        scheduled_time: '2026-11-23T10:30:00',
        duration: 60,
        patient: null,
      }),
    ]);
    book.answer = { ok: false, error: overlap };
    const reply = await call('appointments:create', {
      appointment: {
        doctor: 7,
        office: 1,
        exam_room: 2,
        patient: 43,
        scheduled_time: '2026-11-23T10:10:00',
        duration: 30,
      },
    });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('conflict');
    expect(reply.error.conflict?.label).toBe('10:00 AM Dale Whitaker, Exam 2');
    expect(reply.error.conflict?.appointmentId).toBe('100');
    expect(reply.error.conflict?.nearestFree.map((s) => s.start)).toEqual([
      '2026-11-23T09:30:00',
      '2026-11-23T09:00:00',
      '2026-11-23T11:30:00',
    ]);
    expect(reply.error.message).toContain('10:00 AM Dale Whitaker, Exam 2');
    expect(client.calls).toEqual([]);
  });

  it('explains a refused move without counting the moved appointment as its own clash', async () => {
    const { call, book } = setup();
    book.days.set('2026-11-23', [
      appointment({ id: '100', scheduled_time: '2026-11-23T09:00:00', exam_room: 1 }),
      appointment({ id: '200', scheduled_time: '2026-11-23T11:00:00', patient: null }),
    ]);
    book.answer = { ok: false, error: overlap };
    const reply = await call('appointments:update', {
      id: '100',
      changes: { scheduled_time: '2026-11-23T11:15:00', exam_room: 2 },
      base: { scheduled_time: '2026-11-23T09:00:00', exam_room: 1 },
    });
    expect(book.updates).toHaveLength(1);
    expect(!reply.ok && reply.error.conflict?.label).toBe('11:00 AM Break, Exam 2');
    expect(!reply.ok && reply.error.conflict?.nearestFree[0]?.start).toBe('2026-11-23T11:30:00');
  });

  it('names the clash on the desk’s clock: 24-hour when Settings says so', async () => {
    const { call, book, prefs } = setup();
    prefs.set({ calendar: { clock: '24h' } });
    book.days.set('2026-11-23', [
      appointment({ id: '100', scheduled_time: '2026-11-23T09:00:00', exam_room: 1 }),
      appointment({ id: '200', scheduled_time: '2026-11-23T14:00:00', patient: null }),
    ]);
    book.answer = { ok: false, error: overlap };
    const reply = await call('appointments:update', {
      id: '100',
      changes: { scheduled_time: '2026-11-23T14:15:00', exam_room: 2 },
      base: { scheduled_time: '2026-11-23T09:00:00', exam_room: 1 },
    });
    expect(!reply.ok && reply.error.conflict?.label).toBe('14:00 Break, Exam 2');
    expect(!reply.ok && reply.error.message).toContain('clashes with 14:00 Break, Exam 2');
  });

  it('passes through a conflict that is someone else’s field change, not a room clash', async () => {
    const { call, book } = setup();
    book.days.set('2026-11-23', [appointment({ id: '100' })]);
    const fieldConflict: AppError = { code: 'conflict', message: 'Someone else changed it.' };
    book.answer = { ok: false, error: fieldConflict };
    const reply = await call('appointments:update', {
      id: '100',
      changes: { status: 'Arrived' },
      base: { status: '' },
    });
    expect(!reply.ok && reply.error).toEqual(fieldConflict);
  });
});

describe('a clash with an appointment booked elsewhere since the day was cached', () => {
  it('looks it up once to name it, and keeps it out of the free slots offered', async () => {
    const { call, book } = setup();
    book.days.set('2026-11-23', [
      appointment({ id: '100', scheduled_time: '2026-11-23T09:00:00' }),
    ]);
    const unseen = appointment({ id: '555', scheduled_time: '2026-11-23T11:00:00', duration: 60 });
    const getCalls: string[] = [];
    book.get = (id: string) => {
      getCalls.push(id);
      return Promise.resolve(
        ok({
          appointments: id === '555' ? [unseen] : [],
          patients: {},
          fetchedAt: 1,
          source: 'server',
        }),
      );
    };
    book.answer = {
      ok: false,
      error: {
        code: 'conflict',
        message: 'This appointment would overlap appointment 555. conflicting appointment: 555',
        status: 409,
        fields: { conflicting_appointment: '555' },
      },
    };
    const reply = await call('appointments:update', {
      id: '100',
      changes: { scheduled_time: '2026-11-23T11:15:00' },
      base: { scheduled_time: '2026-11-23T09:00:00' },
    });
    expect(!reply.ok && reply.error.conflict?.label).toBe('11:00 AM Dale Whitaker, Exam 2');
    expect(!reply.ok && reply.error.fields).toBeUndefined();
    expect(getCalls).toEqual(['555']);
    // Nothing offered inside 11:00–12:00.
    const starts = !reply.ok ? (reply.error.conflict?.nearestFree.map((f) => f.start) ?? []) : [];
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.every((t) => t < '2026-11-23T10:31:00' || t >= '2026-11-23T12:00:00')).toBe(true);
  });
});
