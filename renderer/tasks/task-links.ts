import type { Book } from '../../shared/contract';
import type { Patient } from '../../shared/drchrono';
import { formatDayTime, fullName } from '../patients/common/format';
import type { TaskLink } from './task-form';

/**
 * The links a new task starts with when it is made for a patient or an appointment, named for
 * the screen. A task for an appointment also points at its patient, so it shows on either.
 */
export function taskLinksFor(
  newFor: { type: 'patient' | 'appointment'; id: string } | undefined,
  patient: Patient | undefined,
  visit: Book | undefined,
): TaskLink[] {
  if (!newFor) return [];
  if (newFor.type === 'patient') {
    return [{ type: 'patient', id: newFor.id, ...(patient ? { label: fullName(patient) } : {}) }];
  }
  const appointment = visit?.appointments.find((a) => a.id === newFor.id);
  const who =
    appointment?.patient != null ? visit?.patients[String(appointment.patient)] : undefined;
  const links: TaskLink[] = [
    {
      type: 'appointment',
      id: newFor.id,
      ...(appointment
        ? {
            label: `Visit ${formatDayTime(appointment.scheduled_time)}${who ? ` — ${fullName(who)}` : ''}`,
          }
        : {}),
    },
  ];
  if (appointment?.patient != null) {
    links.push({
      type: 'patient',
      id: String(appointment.patient),
      ...(who ? { label: fullName(who) } : {}),
    });
  }
  return links;
}
