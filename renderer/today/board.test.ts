import { describe, expect, it } from 'vitest';
import type { AppointmentItem } from '../../shared/contract';
import { testAppointment } from '../calendar/testing/calendar-fixtures';
import { buildBoard, columnOf, doctorsOnDay, nextStep, statusSince, withLocalMarks } from './board';

const zone = 'America/New_York';
const now = '2026-11-23T10:00:00';

function appt(id: string, time: string, over: Partial<AppointmentItem> = {}): AppointmentItem {
  return testAppointment({
    id,
    scheduled_time: `2026-11-23T${time}:00`,
    status: '',
    status_since: null,
    updated_at: null,
    ...over,
  });
}

const ids = (entries: { appointment: AppointmentItem }[]) => entries.map((e) => e.appointment.id);

describe('the Today board', () => {
  it('puts each status in its column and leaves breaks, cancelled and rescheduled visits off', () => {
    const board = buildBoard(
      [
        appt('a', '10:15', { status: 'Confirmed' }),
        appt('b', '09:30', { status: 'Arrived', status_since: '2026-11-23T09:40:00' }),
        appt('c', '09:00', { status: 'In Session', status_since: '2026-11-23T09:05:00' }),
        appt('d', '08:30', { status: 'Complete' }),
        appt('e', '08:45', { status: 'No Show' }),
        appt('f', '10:20', { status: 'Cancelled' }),
        appt('g', '10:30', { status: 'Rescheduled' }),
        appt('h', '10:40', { patient: null }),
      ],
      { now, zone, doctorId: null },
    );
    expect(ids(board.columns.next)).toEqual(['a']);
    expect(ids(board.columns.waiting)).toEqual(['b']);
    expect(ids(board.columns.inRoom)).toEqual(['c']);
    expect(ids(board.columns.done)).toEqual(['d']);
    expect(ids(board.columns.noShow)).toEqual(['e']);
    expect(board.columns.waiting[0]?.minutes).toBe(20);
    expect(board.columns.inRoom[0]?.minutes).toBe(55);
  });

  it('next arriving: the coming hour by time, late ones first and marked; later and long-missed ones counted', () => {
    const board = buildBoard(
      [
        appt('soon', '10:45'),
        appt('late', '09:50', { status: 'Not Confirmed' }),
        appt('edge', '10:59'),
        appt('after', '11:00'),
        appt('evening', '16:00', { status: 'Confirmed' }),
        appt('morning', '08:30'),
      ],
      { now, zone, doctorId: null },
    );
    expect(ids(board.columns.next)).toEqual(['late', 'soon', 'edge']);
    expect(board.columns.next[0]?.minutes).toBe(10);
    expect(board.columns.next[1]?.minutes).toBeNull();
    expect(board.laterToday).toBe(2);
    expect(board.unmarkedEarlier).toBe(1);
  });

  it('waiting: longest first, whatever the appointment times; unknown times last', () => {
    const board = buildBoard(
      [
        appt('short', '09:00', { status: 'Checked In', status_since: '2026-11-23T09:55:00' }),
        appt('unknown', '08:00', { status: 'Arrived' }),
        appt('long', '09:45', { status: 'Arrived', status_since: '2026-11-23T09:20:00' }),
        appt('mid', '09:30', { status: 'Arrived', status_since: '2026-11-23T09:31:00' }),
      ],
      { now, zone, doctorId: null },
    );
    expect(ids(board.columns.waiting)).toEqual(['long', 'mid', 'short', 'unknown']);
    expect(board.columns.waiting.map((e) => e.minutes)).toEqual([40, 29, 5, null]);
  });

  it("falls back to drchrono's updated_at, the same on every workstation, when main never saw the change", () => {
    const a = appt('x', '09:30', { status: 'Arrived', updated_at: '2026-11-23T09:48:00' });
    expect(statusSince(a)).toBe('2026-11-23T09:48:00');
    expect(statusSince({ ...a, status_since: '2026-11-23T09:41:00' })).toBe('2026-11-23T09:41:00');
    const board = buildBoard([a], { now, zone, doctorId: null });
    expect(board.columns.waiting[0]?.minutes).toBe(12);
    // A stamp from before the visit's day, or hours before its time, is some older edit: unknown.
    expect(statusSince({ ...a, updated_at: '2026-11-22T16:00:00' })).toBeNull();
    expect(statusSince({ ...a, updated_at: '2026-11-23T07:29:00' })).toBeNull();
    expect(statusSince({ ...a, updated_at: '2026-11-23T07:30:00' })).toBe('2026-11-23T07:30:00');
  });

  it('counts real minutes across the autumn clock change (00:50 EDT to 02:10 EST is 140 min)', () => {
    const board = buildBoard(
      [
        testAppointment({
          id: 'dst',
          scheduled_time: '2026-11-01T01:00:00',
          status: 'Arrived',
          status_since: '2026-11-01T00:50:00',
        }),
      ],
      { now: '2026-11-01T02:10:00', zone, doctorId: null, lateMinutes: 600 },
    );
    expect(board.columns.waiting[0]?.minutes).toBe(140);
  });

  it('shows one doctor when asked, and lists only the doctors with visits that day', () => {
    const list = [
      appt('a', '10:10', { doctor: 7 }),
      appt('b', '10:20', { doctor: 8 }),
      appt('c', '10:30', { doctor: 9, patient: null }),
    ];
    expect(ids(buildBoard(list, { now, zone, doctorId: 8 }).columns.next)).toEqual(['b']);
    const doctors = [{ id: 7 }, { id: 8 }, { id: 9 }];
    expect(doctorsOnDay(doctors, list).map((d) => d.id)).toEqual([7, 8]);
  });

  it('maps statuses to columns and to the next one-click step of a visit', () => {
    expect(columnOf('')).toBe('next');
    expect(columnOf(null)).toBe('next');
    expect(columnOf('Checked In')).toBe('waiting');
    expect(nextStep('')).toBe('Arrived');
    expect(nextStep('Confirmed')).toBe('Arrived');
    expect(nextStep('Arrived')).toBe('Checked In');
    expect(nextStep('Checked In')).toBe('In Room');
    expect(nextStep('In Session')).toBe('Complete');
    expect(nextStep('Complete')).toBeNull();
  });

  it("counts from this desk's click until main says since when, never from the visit's last edit", () => {
    const a = appt('m', '10:10', { status: 'Arrived', updated_at: '2026-11-23T07:00:00' });
    const marks = new Map([['m', { status: 'Arrived', since: '2026-11-23T09:58:00' }]]);
    const [marked] = withLocalMarks([a], marks);
    expect(
      buildBoard([marked as AppointmentItem], { now, zone, doctorId: null }).columns.waiting[0]
        ?.minutes,
    ).toBe(2);
    // Main's own stamp wins, and a mark for another status is ignored.
    expect(
      withLocalMarks([{ ...a, status_since: '2026-11-23T09:59:00' }], marks)[0]?.status_since,
    ).toBe('2026-11-23T09:59:00');
    expect(withLocalMarks([{ ...a, status: 'In Room' }], marks)[0]?.status_since).toBeNull();
  });
});
