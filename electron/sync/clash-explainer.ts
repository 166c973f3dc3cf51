import type { AppointmentItem, Practice } from '../../shared/contract';
import type { AppointmentChanges, AppointmentWritable } from '../../shared/drchrono';
import type { AppError } from '../../shared/result';
import {
  clashLabel,
  deskLocale,
  findClashes,
  formatClock,
  nearestFreeSlots,
  patientName,
  roomName,
  type RoomBooking,
} from '../../shared/schedule';
import { instantToWall, wallDate } from '../../shared/time/practice-time';
import type { Services } from '../app/services';

/**
 * A 409 from drchrono says only that the room is taken. The explainer names the appointment it
 * clashes with ("10:00 Dale Whitaker, Exam 2") and offers the nearest free slots in that room,
 * all from the cached day: explaining a refusal must not cost another call.
 */
export interface ClashExplainer {
  /** A refused booking, explained. */
  explainCreate(draft: AppointmentWritable, error: AppError): Promise<AppError>;
  /** A refused move, explained; null when the appointment cannot be found (keep drchrono's error). */
  explainMove(
    move: { id: string; changes: AppointmentChanges; base: AppointmentChanges },
    error: AppError,
  ): Promise<AppError | null>;
}

/** Only what explaining a clash uses. */
export type ClashDeps = Pick<Services, 'practice' | 'book' | 'roster' | 'prefs' | 'clock'>;

export function createClashExplainer(deps: ClashDeps): ClashExplainer {
  return {
    explainCreate: (draft, error) => explainClash(deps, { ...draft, id: undefined }, error),
    async explainMove({ id, changes, base }, error) {
      const current = await currentAppointment(deps, id, changes, base);
      if (!current) return null;
      const moved = { ...current, ...pickPlacement(changes), id };
      return explainClash(deps, moved, error);
    },
  };
}

function pickPlacement(changes: AppointmentChanges): Partial<RoomBooking> {
  const out: Partial<RoomBooking> = {};
  if (changes.scheduled_time !== undefined) out.scheduled_time = changes.scheduled_time;
  if (changes.exam_room !== undefined) out.exam_room = changes.exam_room;
  if (changes.duration !== undefined) out.duration = changes.duration;
  if (changes.office !== undefined) out.office = changes.office;
  return out;
}

/** The appointment as the book holds it, without spending a call when the day is in memory. */
async function currentAppointment(
  deps: ClashDeps,
  id: string,
  changes: AppointmentChanges,
  base: AppointmentChanges,
): Promise<AppointmentItem | null> {
  for (const when of [base.scheduled_time, changes.scheduled_time]) {
    if (!when) continue;
    const found = deps.book.cachedDay(wallDate(when))?.find((a) => a.id === id);
    if (found) return found;
  }
  const book = await deps.book.get(id);
  return book.ok ? (book.value.appointments.find((a) => a.id === id) ?? null) : null;
}

async function explainClash(
  deps: ClashDeps,
  wanted: RoomBooking,
  error: AppError,
): Promise<AppError> {
  const practice = deps.practice.cached() ?? (await practiceOrNull(deps));
  const office = practice?.offices.find((o) => o.id === wanted.office);
  const date = wallDate(wanted.scheduled_time);
  let day = deps.book.cachedDay(date) ?? [];
  // drchrono may name the appointment in the way; the sandbox does (`conflicting_appointment`).
  const { conflicting_appointment: namedByServer, ...fields } = error.fields ?? {};
  const knownId = error.conflict?.appointmentId ?? namedByServer ?? null;
  let clash =
    (knownId !== null ? day.find((a) => a.id === knownId) : undefined) ??
    findClashes(wanted, day)[0];
  if (!clash && knownId !== null) {
    // Booked elsewhere since this day was cached: look it up once, to name it and to keep it out
    // of the free slots offered instead.
    const looked = await deps.book.get(knownId);
    clash = looked.ok ? looked.value.appointments.find((a) => a.id === knownId) : undefined;
    if (clash) day = [...day, clash];
  }
  if (!clash && error.status !== 409) return error; // someone else's field change, not a room clash

  let label: string | null = null;
  if (clash) {
    const names = clash.patient === null ? {} : deps.roster.briefs([clash.patient]);
    // Said the way this desk reads times (Settings, else the practice's country), as the
    // renderer's own notices are.
    const { hour12 } = deskLocale(deps.prefs.get().calendar, practice?.offices ?? []);
    label = clashLabel(
      {
        scheduledTime: clash.scheduled_time,
        patient: clash.patient,
        patientName: patientName(clash.patient === null ? null : names[String(clash.patient)]),
        room: roomName(office, clash.exam_room),
      },
      (wall) => formatClock(wall, hour12),
    );
  }
  const zone = practice?.timezone;
  const now = zone ? instantToWall(deps.clock.now(), zone) : undefined;
  const nearestFree = office
    ? nearestFreeSlots({
        date,
        office,
        examRoom: wanted.exam_room,
        appointments: day,
        excludeId: wanted.id,
        around: wanted.scheduled_time,
        duration: wanted.duration,
        zone,
        notBefore: now && now.slice(0, 10) === date ? now : undefined,
      })
    : [];
  const { fields: _serverFields, ...rest } = error;
  return {
    ...rest,
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
    code: 'conflict',
    message: label
      ? `That time is taken in ${roomName(office, wanted.exam_room)}: it clashes with ${label}. Nothing was changed.`
      : error.message,
    conflict: { appointmentId: clash?.id ?? knownId, label, nearestFree },
  };
}

async function practiceOrNull(deps: Pick<Services, 'practice'>): Promise<Practice | null> {
  const practice = await deps.practice.get();
  return practice.ok ? practice.value : null;
}
