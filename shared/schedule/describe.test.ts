import { describe, expect, it } from 'vitest';
import { clashLabel, patientName, roomName } from './describe';

describe('appointment words', () => {
  const office = {
    exam_rooms: [
      { index: 1, name: 'Exam 1' },
      { index: 2, name: 'Exam 2' },
    ],
  };
  it('names the clashing appointment', () => {
    expect(
      clashLabel({
        scheduledTime: '2026-11-23T10:00:00',
        patient: 4,
        patientName: patientName({ first_name: 'Dale', last_name: 'Whitaker' }),
        room: roomName(office, 2),
      }),
    ).toBe('10:00 Dale Whitaker, Exam 2');
    expect(
      clashLabel({
        scheduledTime: '2026-11-23T12:00:00',
        patient: null,
        patientName: null,
        room: roomName(office, 9),
      }),
    ).toBe('12:00 Break, Room 9');
    expect(
      clashLabel({
        scheduledTime: '2026-11-23T12:00:00',
        patient: 3,
        patientName: null,
        room: 'Exam 1',
      }),
    ).toBe('12:00 a patient, Exam 1');
    expect(patientName({ first_name: ' ', last_name: null })).toBeNull();
  });
});
