import { describe, expect, it } from 'vitest';
import { AppointmentDays } from './appointment-days';
import type { StoredAppointment } from './desk-fields';

const base: StoredAppointment = {
  id: '1',
  doctor: 1,
  office: 10,
  exam_room: 1,
  patient: 5,
  scheduled_time: '2026-11-24T09:00:00',
  duration: 30,
  status: '',
  updated_at: '2026-11-24T08:00:00',
};
const at = (patch: Partial<StoredAppointment>): StoredAppointment => ({ ...base, ...patch });

describe('the loaded days', () => {
  it('takes a date_range answer as the whole truth for its days', () => {
    const days = new AppointmentDays();
    days.replaceDays(
      ['2026-11-24', '2026-11-25'],
      [base, at({ id: '2' })],
      1,
      '2026-11-24T08:00:00',
    );
    expect(days.day('2026-11-24')?.map((a) => a.id)).toEqual(['1', '2']);
    expect(days.day('2026-11-25')).toEqual([]);
    const changed = days.replaceDays(['2026-11-24'], [base], 2, '2026-11-24T08:00:00');
    expect([...changed]).toEqual(['2026-11-24']);
    expect(days.find('2')).toBeNull();
  });

  it('applies since changes: moves across days, deletions, days not held are ignored', () => {
    const days = new AppointmentDays();
    days.replaceDays(['2026-11-24', '2026-11-25'], [base], 1, '2026-11-24T08:00:00');
    days.mergeChanges(
      [at({ scheduled_time: '2026-11-25T10:00:00', updated_at: '2026-11-24T08:05:00' })],
      '2026-11-24T08:05:00',
    );
    expect(days.day('2026-11-24')).toEqual([]);
    expect(days.day('2026-11-25')?.[0]?.scheduled_time).toBe('2026-11-25T10:00:00');
    days.mergeChanges(
      [at({ id: '9', scheduled_time: '2026-12-30T10:00:00' })],
      '2026-11-24T08:06:00',
    );
    expect(days.find('9')).toBeNull();
    days.mergeChanges(
      [
        at({
          scheduled_time: '2026-11-25T10:00:00',
          deleted_flag: true,
          updated_at: '2026-11-24T08:07:00',
        }),
      ],
      '2026-11-24T08:07:00',
    );
    expect(days.find('1')).toBeNull();
  });

  it('never lets an older copy undo a newer one, nor undo our own edit', () => {
    const days = new AppointmentDays();
    days.replaceDays(
      ['2026-11-24'],
      [at({ updated_at: '2026-11-24T08:10:00' })],
      1,
      '2026-11-24T08:10:00',
    );
    days.mergeChanges(
      [at({ status: 'No Show', updated_at: '2026-11-24T08:00:00' })],
      '2026-11-24T08:11:00',
    );
    expect(days.find('1')?.status).toBe('');
    days.applyOwn(
      at({ status: 'Arrived', updated_at: '2026-11-24T08:10:00' }),
      '2026-11-24T08:12:00',
    );
    // A poll that started before our PATCH brings the old version with the same stamp: ignored.
    days.mergeChanges(
      [at({ status: '', updated_at: '2026-11-24T08:10:00' })],
      '2026-11-24T08:12:00',
    );
    expect(days.find('1')?.status).toBe('Arrived');
    days.mergeChanges(
      [at({ status: 'In Room', updated_at: '2026-11-24T08:13:00' })],
      '2026-11-24T08:13:00',
    );
    expect(days.find('1')?.status).toBe('In Room');
  });

  it("notes since when an appointment has its status, for ours and others' changes", () => {
    const days = new AppointmentDays();
    days.replaceDays(['2026-11-24'], [base], 1, '2026-11-24T08:00:00');
    expect(days.statusSinceOf('1', '')).toBeNull();
    days.mergeChanges(
      [at({ status: 'Arrived', updated_at: '2026-11-24T08:58:30' })],
      '2026-11-24T08:59:00',
    );
    expect(days.statusSinceOf('1', 'Arrived')).toBe('2026-11-24T08:58:30');
    expect(days.statusSinceOf('1', 'In Room')).toBeNull();
  });

  it('keeps only the window on disk and purges old days from memory', () => {
    const days = new AppointmentDays();
    days.replaceDays(['2026-11-20', '2026-11-24'], [], 1, '2026-11-24T08:00:00');
    const doc = days.toDocument((d) => d >= '2026-11-23');
    expect(doc.days.map((d) => d.date)).toEqual(['2026-11-24']);
    days.purge((d) => d >= '2026-11-23', 0);
    expect(days.loadedDates()).toEqual(['2026-11-24']);
  });
});
