import { describe, expect, it } from 'vitest';
import type { AppointmentTemplate } from '../../shared/drchrono';
import { createCalendarService } from './calendar-service';
import { maxOpeningCalls } from './opening-finder';
import { appointment, calendarSetup, callerOf, practice } from './testing/calendar-fixture';

function setup(options: { remaining?: number } = {}) {
  const fixture = calendarSetup(options);
  return { ...fixture, call: callerOf(createCalendarService(fixture.services)) };
}

describe('schedule:findOpening', () => {
  it('answers cached days from templates without a call', async () => {
    const { call, book, client } = setup();
    book.days.set('2026-11-23', [
      appointment({ id: '1', exam_room: 1, scheduled_time: '2026-11-23T08:00:00', duration: 120 }),
      appointment({ id: '2', exam_room: 2, scheduled_time: '2026-11-23T08:00:00', duration: 540 }),
    ]);
    const reply = await call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
    });
    expect(reply.ok && reply.value).toEqual({
      opening: {
        start: '2026-11-23T10:00:00',
        end: '2026-11-23T10:30:00',
        examRoom: 1,
        templateId: 11,
      },
      searchedThrough: '2026-11-23',
    });
    expect(client.calls).toEqual([]);
  });

  it('spends one call per uncached day that has a template, and none on the days between', async () => {
    const { call, book, client } = setup();
    // Monday is full; Tuesday has no template; Wednesday is not cached.
    book.days.set('2026-11-23', [
      appointment({ id: '1', exam_room: 1, scheduled_time: '2026-11-23T08:00:00', duration: 540 }),
      appointment({ id: '2', exam_room: 2, scheduled_time: '2026-11-23T08:00:00', duration: 540 }),
    ]);
    const template: AppointmentTemplate = {
      ...practice.templates[0]!,
      open_slots: [{ start: '2026-11-25T11:00:00', end: '2026-11-25T12:00:00' }],
    };
    client.answers.set('LIST /api/appointment_templates', () => [template]);
    const reply = await call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
    });
    expect(reply.ok && reply.value.opening?.start).toBe('2026-11-25T11:00:00');
    expect(client.calls).toEqual([
      {
        method: 'LIST',
        path: '/api/appointment_templates',
        query: { available: '2026-11-25', office: 1, profile: 5 },
      },
    ]);
  });

  it('offers free time in a room without a template today before a template slot later', async () => {
    const { call, book, client } = setup();
    // Exam 1 (the template's room) is full today; Exam 2 has no template and is free from 13:00.
    book.days.set('2026-11-23', [
      appointment({ id: '1', exam_room: 1, scheduled_time: '2026-11-23T08:00:00', duration: 540 }),
      appointment({ id: '2', exam_room: 2, scheduled_time: '2026-11-23T08:00:00', duration: 300 }),
    ]);
    const reply = await call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
    });
    expect(reply.ok && reply.value.opening).toEqual({
      start: '2026-11-23T13:00:00',
      end: '2026-11-23T13:30:00',
      examRoom: 2,
      templateId: null,
    });
    expect(client.calls).toEqual([]);
    // Not after closing (17:00): a 30-minute visit cannot start at 16:45.
    book.days.set('2026-11-23', [
      appointment({ id: '1', exam_room: 1, scheduled_time: '2026-11-23T08:00:00', duration: 540 }),
      appointment({ id: '2', exam_room: 2, scheduled_time: '2026-11-23T08:00:00', duration: 525 }),
    ]);
    const late = await call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
      days: 1,
    });
    expect(late.ok && late.value.opening).toBeNull();
  });

  it('stops after the call cap and after `days`, saying how far it looked', async () => {
    const { call, client } = setup();
    client.answers.set('LIST /api/appointment_templates', () => [
      { ...practice.templates[0]!, open_slots: [] },
    ]);
    const reply = await call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
      days: 60,
    });
    expect(reply.ok && reply.value.opening).toBeNull();
    expect(client.calls).toHaveLength(maxOpeningCalls);
    const short = setup();
    short.client.answers.set('LIST /api/appointment_templates', () => []);
    const two = await short.call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
      days: 2,
    });
    expect(two.ok && two.value).toEqual({ opening: null, searchedThrough: '2026-11-24' });
    expect(short.client.calls).toHaveLength(1);
  });

  it('spends nothing when the budget is nearly gone, and reports drchrono failures', async () => {
    const poor = setup({ remaining: 0.05 });
    const reply = await poor.call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
    });
    expect(reply.ok && reply.value.opening).toBeNull();
    expect(poor.client.calls).toEqual([]);

    const offline = setup();
    offline.client.answers.set('LIST /api/appointment_templates', () => ({
      kind: 'network',
      committed: 'no',
      message: 'Cannot reach drchrono',
    }));
    const failed = await offline.call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
    });
    expect(!failed.ok && failed.error.code).toBe('offline');
  });
});
