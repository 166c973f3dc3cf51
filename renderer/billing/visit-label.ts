import type { AppointmentItem } from '../../shared/contract';
import type { Doctor } from '../../shared/drchrono';
import { formatClock } from '../../shared/schedule';
import { dayWords } from '../calendar/visit-words';

/**
 * "Mon 7 Dec 9:30 AM · Dr Smith": a visit as the desk names it, in the same day words as the
 * calendar's toasts (practice wall time, read as written: this computer's zone cannot shift it).
 */
export function visitLabel(
  appointment: Pick<AppointmentItem, 'scheduled_time' | 'doctor'>,
  doctors: readonly Pick<Doctor, 'id' | 'last_name'>[],
): string {
  const wall = appointment.scheduled_time;
  const when = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(wall)
    ? `${dayWords(wall)} ${formatClock(wall, true)}`
    : wall;
  const doctor = doctors.find((d) => d.id === appointment.doctor);
  return doctor ? `${when} · Dr ${doctor.last_name}` : when;
}
