import { describe, expect, it } from 'vitest';
import { findClashes, patientName, roomName } from '../../shared/schedule';
import { createWorld, TUESDAY_0830 } from './sync-harness';

/**
 * Issue 9 §6: one overlap rule. When drchrono answers 409, the book names what the booking clashed
 * with by `shared/schedule`'s rule, the one the calendar and the clash handler use.
 */
describe('a 409 explained by the shared overlap rule', () => {
  it('names the appointment in the way, with its room, from the cached day', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const ws = world.workstation('desk');
    const practice = await world.drive(ws.services.practice.get());
    if (!practice.ok) throw new Error(practice.error.message);
    const today = practice.value.today;
    const book = await world.drive(ws.services.book.range({ start: today, end: today }));
    if (!book.ok) throw new Error(book.error.message);
    const day = book.value.appointments;
    const taken = day.find(
      (a) => a.patient !== null && a.status !== 'Cancelled' && findClashes(a, day).length === 0,
    );
    if (!taken) throw new Error('no appointment alone in its room');
    const reply = await world.drive(
      ws.services.book.create({
        doctor: taken.doctor,
        office: taken.office,
        exam_room: taken.exam_room,
        scheduled_time: taken.scheduled_time,
        duration: 15,
        patient: null,
      }),
    );
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('conflict');
    const office = practice.value.offices.find((o) => o.id === taken.office);
    // The roster may not know the patient yet: then "a patient", never an id.
    const who = patientName(book.value.patients[String(taken.patient)]) ?? 'a patient';
    expect(reply.error.conflict).toEqual({
      appointmentId: taken.id,
      label: `${taken.scheduled_time.slice(11, 16)} ${who}, ${roomName(office, taken.exam_room)}`,
      nearestFree: [],
    });
  });
});
