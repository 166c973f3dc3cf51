import { describe, expect, it } from 'vitest';
import type { AppointmentTemplate } from '../../shared/drchrono';
import { AppointmentEvents, backgroundEvents, EventMemo } from './event-inputs';
import { testAppointment, testPatients, testPractice } from './testing/calendar-fixtures';

const ctx = {
  patients: Object.fromEntries(testPatients.map((p) => [String(p.id), p])),
  profiles: new Map(testPractice.profiles.map((p) => [p.id, p])),
  offices: new Map(testPractice.offices.map((o) => [o.id, o])),
};

describe('calendar events', () => {
  it('feeds FullCalendar practice wall times as if they were UTC, in the room column', () => {
    const [event] = new AppointmentEvents().build([testAppointment()], ctx, true);
    expect(event?.input.start).toBe(Date.UTC(2026, 10, 23, 9, 30));
    expect(event?.input.end).toBe(Date.UTC(2026, 10, 23, 10, 0));
    expect(event?.input.resourceId).toBe('2');
    expect(event?.input.extendedProps).toMatchObject({
      kind: 'appointment',
      view: { colour: '#3a87ad' },
    });
  });

  it('builds an unchanged appointment once, and keeps equal events identical across reloads', () => {
    const builder = new AppointmentEvents();
    const memo = new EventMemo();
    const a = testAppointment();
    const first = memo.reuse(builder.build([a], ctx, true));
    expect(builder.build([a], ctx, true)[0]).toBe(first[0]);
    // The same appointment from a fresh answer (a new object): equal signature, same event.
    const again = memo.reuse(builder.build([{ ...a }], ctx, true));
    expect(again[0]).toBe(first[0]);
    const moved = memo.reuse(builder.build([{ ...a, exam_room: 3 }], ctx, true));
    expect(moved[0]).not.toBe(first[0]);
  });

  it('labels template blocks with their profile and marks the open parts long enough to book', () => {
    const template: AppointmentTemplate = {
      id: 11,
      office: 1,
      exam_room: 2,
      profile: 5, // Annual physical, 30 minutes
      doctor: 7,
      duration: 120,
      scheduled_time: '09:00:00',
      week_days: [0],
    };
    const events = backgroundEvents({
      templates: [template],
      profiles: ctx.profiles,
      range: { start: '2026-11-23', end: '2026-11-23' },
      officeId: 1,
      doctorId: null,
      appointments: [testAppointment({ scheduled_time: '2026-11-23T09:30:00', duration: 30 })],
      withRooms: true,
    });
    expect(events.map((e) => [e.input.title, e.input.start, e.input.end])).toEqual([
      ['Open · Annual physical', Date.UTC(2026, 10, 23, 9, 0), Date.UTC(2026, 10, 23, 9, 30)],
      ['Open · Annual physical', Date.UTC(2026, 10, 23, 10, 0), Date.UTC(2026, 10, 23, 11, 0)],
      ['Annual physical', Date.UTC(2026, 10, 23, 9, 30), Date.UTC(2026, 10, 23, 10, 0)],
    ]);
    expect(
      events.every((e) => e.input.display === 'background' && e.input.resourceId === '2'),
    ).toBe(true);
  });
});
