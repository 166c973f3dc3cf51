import { addMinutesToWall, instantToWall, type WallTime } from '../../../shared/time/practice-time';
import { practiceTimezone } from './browser';
import { serverGet, type DeskOffice } from './desk-book';
import type { Stack } from './stack';

/**
 * A front desk's morning around "now", booked by another workstation: patients due in the coming
 * hour (one of them late), patients who arrived a while ago, one in a room, done, a no-show. Built
 * through the sandbox's API as another user, so it costs the app nothing, and timed by moving the
 * sandbox's clock: drchrono's `updated_at` then says when each status was set, as it would for
 * a change made at another desk that long ago.
 */

export interface PlannedVisit {
  /** Minutes from now to the appointment's start. */
  at: number;
  status: string;
  /** Minutes ago the status was set (the record's `updated_at`). */
  setMinutesAgo: number;
  doctorIndex: number;
}

export interface SeededVisit extends PlannedVisit {
  id: string;
  name: string;
  patient: number;
  doctor: number;
  scheduledTime: WallTime;
}

interface Named {
  id: number;
  first_name: string;
  last_name: string;
}

export const morning: PlannedVisit[] = [
  { at: -130, status: 'Complete', setMinutesAgo: 100, doctorIndex: 0 },
  { at: -95, status: 'Complete', setMinutesAgo: 50, doctorIndex: 1 },
  { at: -75, status: 'No Show', setMinutesAgo: 45, doctorIndex: 0 },
  { at: -55, status: 'In Session', setMinutesAgo: 30, doctorIndex: 1 },
  { at: -45, status: 'In Room', setMinutesAgo: 15, doctorIndex: 0 },
  { at: -35, status: 'Arrived', setMinutesAgo: 22, doctorIndex: 0 },
  { at: -20, status: 'Checked In', setMinutesAgo: 9, doctorIndex: 1 },
  { at: -10, status: 'Arrived', setMinutesAgo: 3, doctorIndex: 1 },
  { at: -6, status: 'Confirmed', setMinutesAgo: 600, doctorIndex: 0 },
  { at: 10, status: 'Confirmed', setMinutesAgo: 600, doctorIndex: 1 },
  { at: 25, status: '', setMinutesAgo: 600, doctorIndex: 0 },
  { at: 40, status: 'Not Confirmed', setMinutesAgo: 600, doctorIndex: 1 },
  { at: 55, status: 'Confirmed', setMinutesAgo: 600, doctorIndex: 0 },
  { at: 150, status: '', setMinutesAgo: 600, doctorIndex: 1 },
];

/**
 * Books the visits that fall on today in the practice (in any free room of the office the desk
 * opens on), each with its status set `setMinutesAgo` on the sandbox's clock.
 */
export async function seedMorning(
  stack: Stack,
  shiftClock: (ms: number) => void,
  plan: readonly PlannedVisit[] = morning,
): Promise<{ office: DeskOffice; visits: SeededVisit[] }> {
  const offices = await serverGet<{ results: (DeskOffice & { archived?: boolean })[] }>(
    stack,
    '/api/offices',
  );
  const office = offices.results.find((o) => o.archived !== true);
  if (!office) throw new Error('The sandbox has no office');
  const doctors = await serverGet<{ results: Named[] }>(stack, '/api/doctors');
  const patients = await serverGet<{ results: Named[] }>(stack, '/api/patients?page_size=60');
  const now = `${instantToWall(Date.now(), practiceTimezone).slice(0, 16)}:00`;
  const today = now.slice(0, 10);
  const visits: SeededVisit[] = [];
  let patientIndex = 7;
  for (const visit of plan) {
    const start = addMinutesToWall(now, visit.at);
    if (start.slice(0, 10) !== today) continue;
    const doctor = doctors.results[visit.doctorIndex % doctors.results.length];
    const patient = patients.results[patientIndex++ % patients.results.length];
    if (!doctor || !patient) throw new Error('The sandbox has no doctor or patient');
    shiftClock(-visit.setMinutesAgo * 60_000);
    try {
      for (const room of office.exam_rooms) {
        const reply = await stack.sandbox.control.asOtherWorkstation('POST', '/api/appointments', {
          doctor: doctor.id,
          office: office.id,
          exam_room: room.index,
          patient: patient.id,
          scheduled_time: start,
          duration: 10,
          reason: 'Follow-up',
          ...(visit.status ? { status: visit.status } : {}),
        });
        if (reply.status === 201) {
          visits.push({
            ...visit,
            id: (reply.body as { id: string }).id,
            name: `${patient.first_name} ${patient.last_name}`,
            patient: patient.id,
            doctor: doctor.id,
            scheduledTime: start,
          });
          break;
        }
        if (reply.status !== 409) {
          throw new Error(
            `Booking a test visit failed: ${reply.status} ${JSON.stringify(reply.body)}`,
          );
        }
      }
    } finally {
      shiftClock(0);
    }
  }
  return { office, visits };
}
