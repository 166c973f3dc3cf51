import { describe, expect, it } from 'vitest';
import type { Book } from '../../shared/contract';
import { eligibilityVerdict } from '../../shared/drchrono';
import { testAppointment, testPatients, testPractice } from '../calendar/testing/calendar-fixtures';
import { callList, lastCall, nextWorkingDay, withCallNote } from './call-outcomes';
import { callRow } from './call-rows';
import { buildDaySheet } from './day-sheet';
import { summarizeEligibility } from './eligibility-words';
import { lastReminderState } from './reminder-words';
import { shortDayTime } from './short-day';

const book = (appointments: Book['appointments']): Book => ({
  appointments,
  patients: Object.fromEntries(testPatients.map((p) => [String(p.id), p])),
  fetchedAt: 1,
  source: 'cache',
});

describe('confirmation calls', () => {
  it('lists unconfirmed visits to call, called ones apart, and leaves out breaks and the rest', () => {
    const noted = withCallNote('Bring x-rays', '2026-11-22T14:05:00', 'Left message');
    expect(noted).toBe('Bring x-rays\n[Confirmation call 2026-11-22 14:05] Left message');
    expect(lastCall(noted)).toEqual({ at: '2026-11-22 14:05', outcome: 'Left message' });
    const list = callList([
      testAppointment({ id: '1', status: 'Not Confirmed', scheduled_time: '2026-11-23T10:00:00' }),
      testAppointment({ id: '2', status: '', scheduled_time: '2026-11-23T09:00:00' }),
      testAppointment({ id: '3', status: 'Confirmed' }),
      testAppointment({ id: '4', status: 'Not Confirmed', notes: noted }),
      testAppointment({ id: '5', status: '', patient: null }),
      testAppointment({ id: '6', status: 'Cancelled' }),
    ]);
    expect(list.toCall.map((a) => a.id)).toEqual(['2', '1']);
    expect(list.called.map((c) => [c.appointment.id, c.call.outcome])).toEqual([
      ['4', 'Left message'],
    ]);
    expect(list.confirmed).toBe(1);
  });

  it('calls ahead for the next weekday', () => {
    expect(nextWorkingDay('2026-12-04')).toBe('2026-12-07'); // Friday → Monday
    expect(nextWorkingDay('2026-12-06')).toBe('2026-12-07'); // Sunday → Monday
    expect(nextWorkingDay('2026-12-07')).toBe('2026-12-08');
  });

  it('says which reminder went out last, or the next one due, on the desk’s clock', () => {
    const reminders = [
      { id: 1, scheduled_time: '2026-11-21T09:00:00', type: 'email' },
      { id: 2, scheduled_time: '2026-11-22T14:30:00', type: 'sms' },
    ];
    expect(lastReminderState(reminders, '2026-11-22T15:00:00', true)).toBe(
      'Text Nov 22 2:30 PM (sent)',
    );
    expect(lastReminderState(reminders, '2026-11-22T15:00:00', false)).toBe(
      'Text Nov 22 14:30 (sent)',
    );
    expect(lastReminderState(reminders, '2026-11-20T10:00:00', true)).toBe(
      'Email Nov 21 9:00 AM (due)',
    );
    expect(lastReminderState(reminders, '2026-11-20T10:00:00', false)).toBe(
      'Email Nov 21 09:00 (due)',
    );
    expect(lastReminderState([], '2026-11-20T10:00:00', true)).toBe('No reminders');
  });

  it('writes the call list’s times and the call notes’ times the desk’s way', () => {
    const a = testAppointment({ id: '1', scheduled_time: '2026-11-23T13:15:00' });
    const reminders = { '1': [{ id: 1, scheduled_time: '2026-11-22T09:00:00', type: 'sms' }] };
    const twelve = callRow(a, book([a]), testPractice, reminders, '2026-11-22T10:00:00', true);
    expect([twelve.time, twelve.reminder]).toEqual(['1:15 PM', 'Text Nov 22 9:00 AM (sent)']);
    const day = callRow(a, book([a]), testPractice, reminders, '2026-11-22T10:00:00', false);
    expect([day.time, day.reminder]).toEqual(['13:15', 'Text Nov 22 09:00 (sent)']);
    // A call noted as "[Confirmation call 2026-11-22 14:05]" and the sheet's "printed" time.
    expect(shortDayTime('2026-11-22 14:05', true)).toBe('Nov 22 2:05 PM');
    expect(shortDayTime('2026-11-22T14:05:09', false)).toBe('Nov 22 14:05');
    expect(shortDayTime('yesterday', true)).toBe('yesterday');
  });
});

describe('day sheet', () => {
  it('makes a page per room with the visits of that room only, flags and balances', () => {
    const pages = buildDaySheet({
      practice: testPractice,
      book: book([
        testAppointment({ id: '1', exam_room: 2, scheduled_time: '2026-11-23T10:00:00' }),
        testAppointment({ id: '2', exam_room: 1, patient: 43, is_walk_in: true }),
        testAppointment({ id: '3', exam_room: 2, scheduled_time: '2026-11-23T08:00:00' }),
        testAppointment({ id: '4', exam_room: 2, status: 'Cancelled' }),
        testAppointment({ id: '5', exam_room: 2, patient: null }),
      ]),
      officeId: 1,
      grouping: 'room',
      doctorId: null,
      hour12: false,
      balances: { '1': '25.00', '3': '0.00' },
      eligibility: {
        '3': [
          {
            patient: 42,
            eligibility: '6 - Inactive',
            payer_name: 'Aetna',
            query_date: '2026-11-20T09:00:00',
          },
        ],
      },
    });
    expect(pages.map((p) => p.title)).toEqual(['Main Street · Room 1', 'Main Street · Room 2']);
    expect(pages[0]?.rows.map((r) => [r.patient, r.flags])).toEqual([
      ['Dale Whitaker', ['Walk-in']],
    ]);
    expect(pages[1]?.rows.map((r) => [r.time, r.balanceDue, r.flags])).toEqual([
      ['08:00', '', ['Not eligible']],
      ['10:00', '25.00', []],
    ]);
    // The same day on a 12-hour desk.
    const twelve = buildDaySheet({
      practice: testPractice,
      book: book([
        testAppointment({ id: '1', exam_room: 2, scheduled_time: '2026-11-23T13:00:00' }),
        testAppointment({ id: '3', exam_room: 2, scheduled_time: '2026-11-23T08:00:00' }),
      ]),
      officeId: 1,
      grouping: 'office',
      doctorId: null,
      hour12: true,
      balances: null,
      eligibility: null,
    });
    expect(twelve[0]?.rows.map((r) => r.time)).toEqual(['8:00 AM', '1:00 PM']);
    expect(pages[1]?.rows[0]).toMatchObject({
      dateOfBirth: '03/02/1984',
      phone: '(845) 555-0101',
      doctor: 'Dr. Amara Okafor',
      reason: 'Annual physical',
    });
  });

  it('says when eligibility was checked in the short date words used elsewhere (“Dec 6”)', () => {
    const summary = summarizeEligibility([
      {
        patient: 42,
        eligibility: '1 - Active Coverage',
        payer_name: 'Aetna',
        query_date: '2026-12-06T07:45:00',
      },
    ]);
    expect(summary).toEqual({
      verdict: 'eligible',
      label: 'Eligible',
      payer: 'Aetna',
      checkedOn: 'Dec 6',
    });
  });

  it('reads eligibility words as eligible, not eligible or unknown', () => {
    expect(eligibilityVerdict('1 - Active Coverage')).toBe('eligible');
    expect(eligibilityVerdict('6 - Inactive')).toBe('not-eligible');
    expect(eligibilityVerdict('')).toBe('unknown');
    expect(eligibilityVerdict('Pending')).toBe('unknown');
  });
});
