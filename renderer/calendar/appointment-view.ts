import type { AppointmentItem, PatientBrief, PendingState } from '../../shared/contract';
import type { AppointmentProfile, Office } from '../../shared/drchrono';
import { formatClock, formatClockRange, patientName, roomName } from '../../shared/schedule';
import { addMinutesToWall, type WallTime } from '../../shared/time/practice-time';
import { breakColour, solidColour } from './colours';
import type { DoctorMark } from './doctor-marks';
import { flagsOf, type FlagMark } from './patient-flags';
import { statusSignal, statusTone } from './statuses';

/** Everything the calendar shows about one appointment, computed once per version of it. */
export interface AppointmentView {
  id: string;
  isBreak: boolean;
  start: WallTime;
  end: WallTime;
  /** "9:30 AM" or "09:30", as the desk reads time. */
  time: string;
  /** "9:30–10:00 AM". */
  timeRange: string;
  /** The patient's name, or "Break". */
  name: string;
  /** "D. Cohen", for a block too narrow for the whole name; null when there is no shorter form. */
  shortName: string | null;
  reason: string;
  room: string;
  status: string;
  statusTone: string | null;
  /** The stripe: a colour (tone) and a glyph for every status, "no status" included. */
  signal: { tone: string; icon: string; label: string };
  /** Who sees the patient; null for a doctor the practice no longer lists. */
  doctor: DoctorMark | null;
  /** The patient's alert flags, most important first. */
  flags: readonly FlagMark[];
  statusSince: WallTime | null;
  walkIn: boolean;
  recurring: boolean;
  hasNotes: boolean;
  hasReminders: boolean;
  pending: PendingState | null;
  colour: string;
  /** The accessible name: "09:30 Marisol Quispe, Annual physical, Exam 2, Arrived". */
  label: string;
}

export interface ViewContext {
  patients: Record<string, PatientBrief>;
  profiles: ReadonlyMap<number, AppointmentProfile>;
  offices: ReadonlyMap<number, Office>;
  doctors: ReadonlyMap<number, DoctorMark>;
  hour12: boolean;
}

export function isBreak(appointment: Pick<AppointmentItem, 'patient'>): boolean {
  return appointment.patient === null;
}

export function appointmentName(
  appointment: Pick<AppointmentItem, 'patient'>,
  patients: Record<string, PatientBrief>,
): string {
  if (appointment.patient === null) return 'Break';
  return patientName(patients[String(appointment.patient)]) ?? 'Patient';
}

export function buildAppointmentView(a: AppointmentItem, ctx: ViewContext): AppointmentView {
  const profile = a.profile != null ? ctx.profiles.get(a.profile) : undefined;
  const brk = isBreak(a);
  const name = appointmentName(a, ctx.patients);
  const reason = (a.reason ?? '').trim() || profile?.name || '';
  const room = roomName(ctx.offices.get(a.office), a.exam_room);
  const status = a.status ?? '';
  const view: AppointmentView = {
    id: a.id,
    isBreak: brk,
    start: a.scheduled_time,
    end: addMinutesToWall(a.scheduled_time, a.duration),
    time: formatClock(a.scheduled_time, ctx.hour12),
    timeRange: formatClockRange(
      a.scheduled_time,
      addMinutesToWall(a.scheduled_time, a.duration),
      ctx.hour12,
    ),
    name,
    shortName: brk ? null : shortNameOf(ctx.patients[String(a.patient)]),
    reason,
    room,
    status,
    statusTone: statusTone(status),
    signal: brk ? breakSignal : statusSignal(status),
    doctor: ctx.doctors.get(a.doctor) ?? null,
    flags: a.patient === null ? noFlags : flagsOf(ctx.patients[String(a.patient)]),
    statusSince: a.status_since ?? null,
    walkIn: a.is_walk_in === true,
    recurring: a.recurring_appointment === true || a.base_recurring_appointment != null,
    hasNotes: Boolean(a.notes?.trim()),
    hasReminders: (a.reminders?.length ?? 0) > 0,
    pending: a.pending ?? null,
    colour: brk ? breakColour : solidColour(a.color || profile?.color),
    label: '',
  };
  view.label = accessibleName(view);
  return view;
}

const noFlags: readonly FlagMark[] = [];
const breakSignal = { tone: 'break', icon: '', label: 'break' };

export function accessibleName(v: AppointmentView): string {
  const parts = [`${v.time} ${v.name}`];
  if (v.reason) parts.push(v.reason);
  parts.push(v.room);
  if (v.doctor) parts.push(v.doctor.name);
  for (const flag of v.flags) parts.push(`flag: ${flag.name}`);
  if (!v.isBreak) parts.push(v.signal.label);
  if (v.walkIn) parts.push('walk-in');
  if (v.recurring) parts.push('recurring');
  if (v.hasNotes) parts.push('has notes');
  if (v.hasReminders) parts.push('reminders set');
  if (v.pending) parts.push(pendingWords(v.pending));
  return parts.join(', ');
}

export function pendingWords(pending: PendingState): string {
  if (pending.state === 'pending') return 'not sent yet';
  if (pending.state === 'conflict') return 'conflict, needs you';
  return 'refused by drchrono, needs you';
}

/**
 * The initial of the first name and the whole last name ("D. Cohen"): the desk calls patients by
 * their last name, so that is the part a narrow block keeps.
 */
function shortNameOf(patient: PatientBrief | undefined): string | null {
  const first = (patient?.first_name ?? '').trim();
  const last = (patient?.last_name ?? '').trim();
  if (!first || !last) return null;
  return `${first.charAt(0).toUpperCase()}. ${last}`;
}
