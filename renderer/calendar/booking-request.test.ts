import { describe, expect, it } from 'vitest';
import { clickToSlot, newBookingRequest } from './booking-request';
import { testPractice } from './testing/calendar-fixtures';

const practice = {
  ...testPractice,
  templates: [
    {
      id: 11,
      office: 1,
      exam_room: 2,
      profile: 6, // Flu shot, 10 minutes
      doctor: 8,
      duration: 120,
      scheduled_time: '13:00:00',
      week_days: [0],
    },
  ],
};
const office = practice.offices[0]!;
const profiles = new Map(practice.profiles.map((p) => [p.id, p]));
const base = { practice, office, profiles, date: '2026-11-23', doctorId: null, slotMinutes: 15 };

describe('what the booking dialog opens with', () => {
  it('takes the slot clicked in, not the 5-minute snap under the pointer', () => {
    expect(
      clickToSlot({ start: '2026-11-23T10:05:00', end: '2026-11-23T10:10:00', examRoom: 2 }, 15),
    ).toEqual({ start: '2026-11-23T10:00:00', end: '2026-11-23T10:15:00', examRoom: 2 });
    const dragged = { start: '2026-11-23T10:05:00', end: '2026-11-23T10:50:00', examRoom: 2 };
    expect(clickToSlot(dragged, 15)).toBe(dragged);
  });

  it("inside a template block, proposes the block's profile (its length and reason) and doctor", () => {
    const request = newBookingRequest(
      { start: '2026-11-23T13:30:00', end: '2026-11-23T13:45:00', examRoom: 2 },
      null,
      { ...base, now: '2026-11-23T08:00:00' },
    );
    expect(request.initial).toMatchObject({
      exam_room: 2,
      scheduled_time: '2026-11-23T13:30',
      profile: 6,
      duration: 10,
      reason: 'Flu shot',
      doctor: 8,
    });
  });

  it('keeps a dragged length, and without a slot starts at the next five minutes today', () => {
    const dragged = newBookingRequest(
      { start: '2026-11-23T09:00:00', end: '2026-11-23T10:00:00', examRoom: 1 },
      null,
      { ...base, now: '2026-11-23T08:00:00' },
    );
    expect(dragged.initial).toMatchObject({ duration: 60, profile: null, doctor: 7 });
    const now = newBookingRequest(null, { id: 42 }, { ...base, now: '2026-11-23T09:41:10' });
    expect(now.initial).toMatchObject({ scheduled_time: '2026-11-23T09:45', patient: 42 });
    const otherDay = newBookingRequest(null, null, { ...base, now: '2026-11-22T21:00:00' });
    expect(otherDay.initial.scheduled_time).toBe('2026-11-23T08:00');
    const beforeOpening = newBookingRequest(null, null, { ...base, now: '2026-11-23T02:55:00' });
    expect(beforeOpening.initial.scheduled_time).toBe('2026-11-23T08:00');
  });
});
