import type { AppointmentItem } from '../../shared/contract';
import type { Doctor } from '../../shared/drchrono';

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/**
 * "Mon 7 Dec 9:30 AM · Dr Smith": a visit as the desk names it (practice wall time, formatted
 * through UTC so this computer's zone cannot shift it).
 */
export function visitLabel(
  appointment: Pick<AppointmentItem, 'scheduled_time' | 'doctor'>,
  doctors: readonly Pick<Doctor, 'id' | 'last_name'>[],
): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(appointment.scheduled_time);
  let when = appointment.scheduled_time;
  if (m) {
    const date = new Date(
      Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])),
    );
    const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
    when =
      `${p.weekday ?? ''} ${p.day ?? ''} ${p.month ?? ''} ${p.hour ?? ''}:${p.minute ?? ''} ${p.dayPeriod ?? ''}`.trim();
  }
  const doctor = doctors.find((d) => d.id === appointment.doctor);
  return doctor ? `${when} · Dr ${doctor.last_name}` : when;
}
