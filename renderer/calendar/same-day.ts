import type { AppointmentItem, Practice } from '../../shared/contract';
import { formatClock, roomName } from '../../shared/schedule';
import { dayWords } from './visit-words';

/**
 * The patient's other visits on the day being booked, from the appointments the calendar already
 * holds (no call): a second visit the same day is usually a double booking, sometimes on purpose
 * (a lab draw, then the doctor), so it is a warning, never a refusal.
 */
export function sameDayVisits(
  appointments: readonly AppointmentItem[],
  patientId: number,
  date: string,
  selfId: string | null,
): AppointmentItem[] {
  return appointments
    .filter(
      (a) =>
        a.patient === patientId &&
        a.id !== selfId &&
        a.scheduled_time.startsWith(date) &&
        a.status !== 'Cancelled' &&
        a.deleted_flag !== true,
    )
    .sort((a, b) => (a.scheduled_time < b.scheduled_time ? -1 : 1));
}

/** "Already booked on Mon 7 Dec: 9:00 AM with Dr. Okafor, Exam 2." */
export function sameDayWarning(
  visits: readonly AppointmentItem[],
  practice: Pick<Practice, 'doctors' | 'offices'>,
  who: string,
  hour12: boolean,
): string | null {
  const first = visits[0];
  if (!first) return null;
  const listed = visits.map((v) => {
    const doctor = practice.doctors.find((d) => d.id === v.doctor);
    const office = practice.offices.find((o) => o.id === v.office);
    return [
      formatClock(v.scheduled_time, hour12),
      doctor ? ` with Dr. ${doctor.last_name}` : '',
      `, ${roomName(office, v.exam_room)}`,
      v.reason ? ` (${v.reason})` : '',
    ].join('');
  });
  return `${who} already has ${visits.length === 1 ? 'a visit' : `${String(visits.length)} visits`} on ${dayWords(first.scheduled_time)}: ${listed.join('; ')}. You can still book this one.`;
}
