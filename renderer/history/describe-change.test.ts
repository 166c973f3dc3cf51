import { describe, expect, it } from 'vitest';
import type { HistoryEntryView } from '../../shared/contract';
import { fieldChanges, moveLine, summaryWords, type Places } from './describe-change';

const places = {
  timezone: 'America/New_York',
  offices: [
    {
      id: 5,
      exam_rooms: [
        { index: 1, name: 'Exam 1' },
        { index: 2, name: 'Exam 2' },
      ],
    },
  ],
} as unknown as Places;

const move: HistoryEntryView = {
  id: 'e1',
  // 09:02 in New York.
  at: Date.parse('2026-12-07T14:02:00Z'),
  day: '2026-12-07',
  by: 'frontdesk',
  resource: 'appointments',
  op: 'update',
  targetId: '800',
  summary: 'Move 10:15 Ada to Exam 1, 11:00',
  patientId: 7,
  appointmentId: '800',
  officeId: 5,
  before: { scheduled_time: '2026-12-07T10:15:00', exam_room: 2 },
  after: { scheduled_time: '2026-12-07T11:00:00', exam_room: 1 },
  state: 'delivered',
  message: null,
  settledAt: null,
};

describe('a change in the desk’s words', () => {
  it('says where a move came from, by whom and when (practice time)', () => {
    expect(moveLine(move, places)).toBe('Moved from 10:15 AM Exam 2 by frontdesk at 9:02 AM');
    expect(moveLine(move, { ...places, hour12: false })).toBe(
      'Moved from 10:15 Exam 2 by frontdesk at 09:02',
    );
    expect(fieldChanges(move, places)).toEqual([
      { field: 'Time', before: '10:15 AM', after: '11:00 AM' },
      { field: 'Room', before: 'Exam 2', after: 'Exam 1' },
    ]);
  });

  it('is not a move for a status change, and hides drchrono ids in summaries', () => {
    const status = { ...move, before: { status: '' }, after: { status: 'Arrived' } };
    expect(moveLine(status, places)).toBeNull();
    expect(fieldChanges(status, places)).toEqual([
      { field: 'Status', before: '—', after: 'Arrived' },
    ]);
    expect(summaryWords({ ...move, summary: 'Add 99213 to appointment 80001592' })).toBe(
      'Add 99213 to the visit',
    );
  });
});
