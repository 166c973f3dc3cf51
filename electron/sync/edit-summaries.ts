import type { Practice } from '../../shared/contract';
import type { AppointmentChanges, PatientSummary } from '../../shared/drchrono';

/**
 * One-line descriptions for the outbox list ("Move 09:30 Marisol Quispe to Exam 2, 10:15"):
 * who and when, never clinical detail (no reason, no notes).
 */

interface Known {
  practice: Practice | null;
  patient: PatientSummary | null;
}

function who(patient: PatientSummary | null, id: number | null | undefined): string {
  if (id === null) return 'Break';
  if (patient) return [patient.first_name, patient.last_name].filter(Boolean).join(' ');
  return id === undefined ? 'Appointment' : `Patient #${String(id)}`;
}

function time(wall: unknown): string {
  return typeof wall === 'string' ? wall.slice(11, 16) : '';
}

function day(wall: unknown): string {
  return typeof wall === 'string' ? wall.slice(0, 10) : '';
}

function room(practice: Practice | null, office: unknown, examRoom: unknown): string {
  const o = practice?.offices.find((x) => x.id === office);
  const r = o?.exam_rooms.find((x) => x.index === examRoom);
  return r?.name ?? (typeof examRoom === 'number' ? `room ${String(examRoom)}` : 'a room');
}

export function describeCreate(body: Record<string, unknown>, known: Known): string {
  const patient = typeof body.patient === 'number' ? body.patient : null;
  return `Book ${day(body.scheduled_time)} ${time(body.scheduled_time)} ${who(known.patient, patient)} in ${room(known.practice, body.office, body.exam_room)}`;
}

export function describeUpdate(
  current: Record<string, unknown> | null,
  changes: AppointmentChanges,
  known: Known,
): string {
  const patientId =
    typeof current?.patient === 'number'
      ? current.patient
      : current?.patient === null
        ? null
        : undefined;
  const name = who(known.patient, patientId);
  const at = time(current?.scheduled_time);
  const parts: string[] = [];
  if (changes.scheduled_time !== undefined || changes.exam_room !== undefined) {
    const office = changes.office ?? current?.office;
    const examRoom = changes.exam_room ?? current?.exam_room;
    const when = changes.scheduled_time ?? current?.scheduled_time;
    parts.push(`Move ${at} ${name} to ${room(known.practice, office, examRoom)}, ${time(when)}`);
  }
  if (changes.status !== undefined) {
    parts.push(`${at} ${name}: ${changes.status === '' ? 'no status' : changes.status}`);
  }
  if (changes.duration !== undefined && parts.length === 0) {
    parts.push(`${at} ${name}: ${String(changes.duration)} min`);
  }
  if (parts.length === 0) parts.push(`Edit ${at} ${name}`);
  return parts.join('; ').replace(/\s+/g, ' ').trim();
}

export function describeDelete(current: Record<string, unknown> | null, known: Known): string {
  const patientId = typeof current?.patient === 'number' ? current.patient : undefined;
  return `Delete ${day(current?.scheduled_time)} ${time(current?.scheduled_time)} ${who(known.patient, patientId)}`
    .replace(/\s+/g, ' ')
    .trim();
}
