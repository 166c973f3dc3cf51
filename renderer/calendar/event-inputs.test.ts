import { describe, expect, it } from 'vitest';
import type { AppointmentTemplate } from '../../shared/drchrono';
import { doctorMarks } from './doctor-marks';
import { AppointmentEvents, backgroundEvents, EventMemo } from './event-inputs';
import { testAppointment, testPatients, testPractice } from './testing/calendar-fixtures';

const ctx = {
  patients: Object.fromEntries(testPatients.map((p) => [String(p.id), p])),
  profiles: new Map(testPractice.profiles.map((p) => [p.id, p])),
  offices: new Map(testPractice.offices.map((o) => [o.id, o])),
  doctors: doctorMarks(testPractice.doctors),
  hour12: true,
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

  it('gives every appointment a status signal, its doctor and the patient flags', () => {
    const patients = {
      ...ctx.patients,
      '501': {
        id: 501,
        first_name: 'Rae',
        last_name: 'Lind',
        flags: [
          { name: 'Fall risk', color: '#E53935', priority: 30 },
          { name: 'Balance in collections', color: '#6D4C41', priority: 40 },
        ],
      },
    };
    const [unset, arrived] = new AppointmentEvents().build(
      [
        testAppointment({ id: '1', status: '', patient: 501 }),
        testAppointment({ id: '2', status: 'Arrived' }),
      ],
      { ...ctx, patients },
      true,
    );
    const view = (e: typeof unset) => {
      const extras = e?.input.extendedProps;
      if (extras?.kind !== 'appointment') throw new Error('not an appointment');
      return extras.view;
    };
    expect(view(unset).signal).toEqual({ tone: 'none', icon: '○', label: 'no status' });
    expect(view(arrived).signal).toMatchObject({ tone: 'arrived', label: 'Arrived' });
    expect(view(arrived).doctor).toMatchObject({ initials: 'AO', name: 'Dr. Amara Okafor' });
    expect(view(unset).flags.map((f) => f.name)).toEqual(['Balance in collections', 'Fall risk']);
    expect(view(unset).label).toMatch(
      /, Dr\. Amara Okafor, flag: Balance in collections, flag: Fall risk, no status$/,
    );
    expect(view(arrived).time).toBe('9:30 AM');
    expect(view(arrived).timeRange).toBe('9:30–10:00 AM');
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

  it('keeps a short form of the name for narrow blocks: first initial and last name', () => {
    const patients = {
      ...ctx.patients,
      '601': { id: 601, first_name: 'daniela', last_name: 'Cohen' },
      '602': { id: 602, first_name: '', last_name: 'Cohen' },
    };
    const events = new AppointmentEvents().build(
      [
        testAppointment({ id: '1', patient: 601 }),
        testAppointment({ id: '2', patient: 602 }),
        testAppointment({ id: '3', patient: null }),
      ],
      { ...ctx, patients },
      true,
    );
    const short = events.map((e) => {
      const extras = e.input.extendedProps;
      return extras.kind === 'appointment' ? extras.view.shortName : undefined;
    });
    // No shorter form without a first name, and none for a break.
    expect(short).toEqual(['D. Cohen', null, null]);
  });
});
