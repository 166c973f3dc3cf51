import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomBooking } from './bookings';
import { findClashes, holdsRoom } from './bookings';
import { nearestFreeSlots, roomFreeTime } from './free-time';
import { missingWallSpans, officeDayBounds } from './office-hours';

const NY = 'America/New_York';
const office = { id: 1, start_time: '08:00:00', end_time: '17:00:00' };

let seq = 0;
function appt(time: string, duration: number, extra: Partial<RoomBooking> = {}): RoomBooking {
  seq += 1;
  return {
    id: String(seq),
    office: 1,
    exam_room: 2,
    scheduled_time: time,
    duration,
    status: '',
    ...extra,
  };
}

describe.each(['UTC', 'Asia/Tokyo', 'America/Los_Angeles'])('on a machine in %s', (machineZone) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = machineZone;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  it('finds the free intervals of a room: breaks count, cancelled and deleted do not', () => {
    const day = [
      appt('2026-11-23T09:00:00', 30),
      appt('2026-11-23T09:30:00', 15, { status: 'Arrived' }),
      appt('2026-11-23T12:00:00', 60), // a break is just an appointment without a patient
      appt('2026-11-23T10:00:00', 60, { status: 'Cancelled' }),
      appt('2026-11-23T14:00:00', 60, { deleted_flag: true }),
      appt('2026-11-23T15:00:00', 60, { exam_room: 3 }),
      appt('2026-11-23T15:00:00', 60, { office: 2 }),
    ];
    expect(
      roomFreeTime({ date: '2026-11-23', office, examRoom: 2, appointments: day, zone: NY }),
    ).toEqual([
      { start: '2026-11-23T08:00:00', end: '2026-11-23T09:00:00' },
      { start: '2026-11-23T09:45:00', end: '2026-11-23T12:00:00' },
      { start: '2026-11-23T13:00:00', end: '2026-11-23T17:00:00' },
    ]);
  });

  it('leaves the appointment being moved out of its own way', () => {
    const moving = appt('2026-11-23T09:00:00', 30);
    const free = roomFreeTime({
      date: '2026-11-23',
      office,
      examRoom: 2,
      appointments: [moving],
      excludeId: moving.id,
    });
    expect(free).toEqual([{ start: '2026-11-23T08:00:00', end: '2026-11-23T17:00:00' }]);
  });

  it('offers the nearest non-overlapping free slots around the requested time', () => {
    const day = [appt('2026-11-23T10:00:00', 30), appt('2026-11-23T10:45:00', 60)];
    const slots = nearestFreeSlots({
      date: '2026-11-23',
      office,
      examRoom: 2,
      appointments: day,
      around: '2026-11-23T10:00:00',
      duration: 30,
    });
    expect(slots.map((s) => s.start)).toEqual([
      '2026-11-23T09:30:00',
      '2026-11-23T09:00:00',
      '2026-11-23T11:45:00',
    ]);
    expect(slots[0]).toEqual({
      start: '2026-11-23T09:30:00',
      end: '2026-11-23T10:00:00',
      examRoom: 2,
    });
  });

  it('never offers slots before notBefore, nor ones that do not fit', () => {
    const day = [appt('2026-11-23T08:00:00', 470)]; // busy until 15:50
    const slots = nearestFreeSlots({
      date: '2026-11-23',
      office,
      examRoom: 2,
      appointments: day,
      around: '2026-11-23T09:00:00',
      duration: 45,
      count: 5,
      notBefore: '2026-11-23T16:00:00',
    });
    expect(slots.map((s) => s.start)).toEqual(['2026-11-23T16:00:00']);
  });

  it('detects overlaps in the same room only, touching is fine', () => {
    const day = [
      appt('2026-11-23T09:00:00', 30),
      appt('2026-11-23T09:30:00', 30),
      appt('2026-11-23T09:10:00', 30, { exam_room: 1 }),
      appt('2026-11-23T09:15:00', 10, { status: 'Cancelled' }),
    ];
    const clash = findClashes(
      { office: 1, exam_room: 2, scheduled_time: '2026-11-23T09:20:00', duration: 15 },
      day,
    );
    expect(clash.map((a) => a.scheduled_time)).toEqual([
      '2026-11-23T09:00:00',
      '2026-11-23T09:30:00',
    ]);
    expect(
      findClashes(
        { office: 1, exam_room: 2, scheduled_time: '2026-11-23T10:00:00', duration: 15 },
        day,
      ),
    ).toEqual([]);
    // An appointment never clashes with itself: a resize of 09:00 to 30 minutes is fine.
    expect(findClashes({ ...day[0]!, duration: 30 }, day)).toEqual([]);
    expect(holdsRoom({ ...day[0]!, allow_overlapping: true })).toBe(false);
  });
});

describe('office hours', () => {
  it("reads drchrono's defaults and 24:00", () => {
    expect(officeDayBounds({})).toEqual({ open: 0, close: 1440 });
    expect(officeDayBounds({ start_time: '07:00:00', end_time: '24:00' })).toEqual({
      open: 420,
      close: 1440,
    });
    expect(officeDayBounds({ start_time: '09:00:00', end_time: '09:00:00' })).toEqual({
      open: 540,
      close: 1440,
    });
  });
});

describe('DST change days in America/New_York', () => {
  it('never offers the skipped hour of 2026-03-08', () => {
    expect(missingWallSpans('2026-03-08', NY).map((s) => s.end - s.start)).toEqual([60]);
    const free = roomFreeTime({
      date: '2026-03-08',
      office: { id: 1 },
      examRoom: 2,
      appointments: [appt('2026-03-08T09:00:00', 60)],
      zone: NY,
    });
    expect(free).toEqual([
      { start: '2026-03-08T00:00:00', end: '2026-03-08T02:00:00' },
      { start: '2026-03-08T03:00:00', end: '2026-03-08T09:00:00' },
      { start: '2026-03-08T10:00:00', end: '2026-03-09T00:00:00' },
    ]);
    const slots = nearestFreeSlots({
      date: '2026-03-08',
      office: { id: 1 },
      examRoom: 2,
      appointments: [],
      around: '2026-03-08T02:30:00',
      duration: 30,
      count: 2,
      zone: NY,
    });
    expect(slots.map((s) => s.start)).toEqual(['2026-03-08T03:00:00', '2026-03-08T01:30:00']);
  });

  it('keeps the wall-clock day of 2026-11-01 (the repeated hour is shown once)', () => {
    expect(missingWallSpans('2026-11-01', NY)).toEqual([]);
    const free = roomFreeTime({
      date: '2026-11-01',
      office,
      examRoom: 2,
      appointments: [appt('2026-11-01T09:00:00', 90)],
      zone: NY,
    });
    // Office hours are wall-clock hours: 08:00 to 17:00 whatever the offset did at 02:00.
    expect(free).toEqual([
      { start: '2026-11-01T08:00:00', end: '2026-11-01T09:00:00' },
      { start: '2026-11-01T10:30:00', end: '2026-11-01T17:00:00' },
    ]);
  });
});
