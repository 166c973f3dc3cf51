import { z } from 'zod';
import { ApiError } from '../http';
import {
  appointmentStatuses,
  str,
  type Appointment,
  type JsonRecord,
  type Reminder,
} from '../model';
import type { Ctx } from '../router';
import { wallFromMinutes, wallMinutes } from '../time';
import {
  bool,
  choice,
  int,
  intOrNull,
  pickKnown,
  positiveInt,
  text,
  timestamp,
  tryCheck,
  type FieldErrors,
} from '../validate';
import { idOf } from './resource';

/** Validation and the overlap rule for appointment writes (POST, PUT, PATCH). */

const shape = {
  doctor: int(),
  duration: positiveInt().optional(),
  exam_room: positiveInt(),
  office: int(),
  patient: intOrNull(),
  scheduled_time: timestamp(),
  color: text().optional(),
  custom_vitals: z.array(z.unknown()).optional(),
  custom_fields: z.array(z.unknown()).optional(),
  notes: text().optional(),
  profile: intOrNull().optional(),
  reason: text().optional(),
  reminder_profile: intOrNull().optional(),
  status: choice(appointmentStatuses).optional(),
  vitals: z.record(z.string(), z.unknown()).optional(),
  billing_status: text().optional(),
  is_walk_in: bool().optional(),
};
type Input = Partial<{ [K in keyof typeof shape]: z.output<(typeof shape)[K]> }>;

const full = z.object(shape);
const partial = full.partial();
const known = new Set(Object.keys(shape));

/** Keys a client may echo back from a GET; DRF ignores read-only fields on writes. */
const readOnly = new Set([
  'id',
  'created_at',
  'updated_at',
  'deleted_flag',
  'appt_is_break',
  'allow_overlapping',
  'recurring_appointment',
  'base_recurring_appointment',
  'billing_provider',
  'billing_notes',
  'clinical_note',
  'icd10_codes',
  'icd9_codes',
  'reminders',
  'first_billed_date',
  'last_billed_date',
  'primary_insurer_payer_id',
  'primary_insurer_name',
  'primary_insurance_id_number',
  'secondary_insurer_payer_id',
  'secondary_insurer_name',
  'secondary_insurance_id_number',
  'cloned_from',
  'extended_updated_at',
  'supervising_provider',
  'supervising_proivder',
]);

export type Checked =
  | { ok: true; record: Appointment; reminderProfile: number | null | undefined }
  | { ok: false; errors: FieldErrors };

const merge = (errors: FieldErrors, field: string, message: string): void => {
  const list = Array.isArray(errors[field]) ? (errors[field] as string[]) : [];
  list.push(message);
  errors[field] = list;
};

/**
 * Parses one write and returns the resulting record (not stored yet). `existing` is the record
 * being updated; `partialWrite` is PATCH. Everything reported at once, like DRF.
 */
export function checkAppointment(
  ctx: Ctx,
  body: JsonRecord,
  existing: Appointment | undefined,
  partialWrite: boolean,
): Checked {
  const { db } = ctx.env;
  const split = pickKnown(body, known, readOnly);
  const parsed = tryCheck(partialWrite ? partial : full, split.known);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const input: Input = parsed.ok ? parsed.value : {};
  const profileId = parsed.ok ? input.profile : idOf(split.known.profile);
  const profile = profileId == null ? undefined : db.profiles.get(profileId);
  if (profileId != null && !profile)
    merge(errors, 'profile', `Invalid pk "${String(profileId)}" - object does not exist.`);
  if (!existing && split.known.duration === undefined && profileId == null)
    merge(errors, 'duration', 'This field is required.');
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };

  const base: Appointment = existing ? structuredClone(existing) : blank(ctx);
  const record: Appointment = { ...base, extra: { ...base.extra, ...split.extra } };
  const { reminder_profile: reminderProfile, ...fields } = input;
  if (!existing && profile) {
    // The profile supplies defaults on creation only; explicit values win.
    record.color = str(profile.data.color);
    record.duration = Number(profile.data.duration);
    record.reason = str(profile.data.reason);
  }
  Object.assign(record, stripUndefined(fields));
  record.deleted_flag = base.deleted_flag;

  if (!db.doctors.get(record.doctor))
    merge(errors, 'doctor', `Invalid pk "${String(record.doctor)}" - object does not exist.`);
  const office = db.offices.get(record.office);
  if (!office)
    merge(errors, 'office', `Invalid pk "${String(record.office)}" - object does not exist.`);
  else {
    const rooms = db.examRooms(record.office);
    if (record.exam_room < 1 || record.exam_room > rooms.length)
      merge(
        errors,
        'exam_room',
        `Exam room ${String(record.exam_room)} does not exist in office ${String(record.office)} (it has ${String(rooms.length)}).`,
      );
  }
  if (record.patient !== null) {
    const patient = db.patients.get(record.patient);
    if (!patient || patient.deleted)
      merge(errors, 'patient', `Invalid pk "${String(record.patient)}" - object does not exist.`);
  }
  if (reminderProfile != null) {
    if (!db.reminderProfiles.get(reminderProfile))
      merge(
        errors,
        'reminder_profile',
        `Invalid pk "${String(reminderProfile)}" - object does not exist.`,
      );
    else if (record.reminders.length > 0)
      merge(errors, 'reminder_profile', 'Cannot be applied to an appointment with reminders.');
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, record, reminderProfile };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function blank(ctx: Ctx): Appointment {
  return {
    id: '',
    doctor: 0,
    office: 0,
    exam_room: 0,
    patient: null,
    scheduled_time: '',
    duration: 0,
    status: '',
    reason: '',
    notes: '',
    color: '',
    profile: null,
    is_walk_in: false,
    recurring_appointment: false,
    base_recurring_appointment: null,
    billing_status: '',
    reminders: [],
    vitals: {},
    custom_vitals: [],
    custom_fields: [],
    clinical_note: null,
    icd10_codes: [],
    icd9_codes: [],
    first_billed_date: null,
    last_billed_date: null,
    allow_overlapping: false,
    cloned_from: null,
    deleted_flag: false,
    createdMs: ctx.now,
    updatedMs: ctx.now,
    extra: {},
  };
}

/** Applies a reminder profile: one reminder per entry, counted back from the appointment. */
export function applyReminderProfile(ctx: Ctx, record: Appointment, profileId: number): void {
  const profile = ctx.env.db.reminderProfiles.get(profileId);
  const entries = (profile?.data.reminders ?? []) as {
    amount: number;
    type: Reminder['type'];
    unit: string;
  }[];
  const unitMinutes: Record<string, number> = { minutes: 1, hours: 60, days: 1440, weeks: 10080 };
  const start = wallMinutes(record.scheduled_time);
  record.reminders = entries.map((r) => ({
    id: ctx.env.db.reminderSeq++,
    type: r.type,
    scheduled_time: wallFromMinutes(start - r.amount * (unitMinutes[r.unit] ?? 1440)),
  }));
}

export const holdsRoom = (a: Appointment): boolean =>
  !a.deleted_flag && a.status !== 'Cancelled' && !a.allow_overlapping;

/** The first appointment `candidate` would overlap in its office and exam room (breaks count). */
export function findConflict(
  ctx: Ctx,
  candidate: Appointment,
  alsoPending: readonly Appointment[] = [],
): Appointment | undefined {
  if (!holdsRoom(candidate)) return undefined;
  const start = wallMinutes(candidate.scheduled_time);
  const end = start + candidate.duration;
  const date = candidate.scheduled_time.slice(0, 10);
  const previous = wallFromMinutes(start - 1440).slice(0, 10);
  return [...ctx.env.db.appointments.all(), ...alsoPending].find((a) => {
    if (a.id === candidate.id || !holdsRoom(a)) return false;
    if (a.office !== candidate.office || a.exam_room !== candidate.exam_room) return false;
    // Cheap prefilter: an overlap starts on the same day or the day before.
    const day = a.scheduled_time.slice(0, 10);
    if (day !== date && day !== previous) return false;
    const s = wallMinutes(a.scheduled_time);
    return s < end && start < s + a.duration;
  });
}

export function conflictError(ctx: Ctx, candidate: Appointment, other: Appointment): ApiError {
  const rooms = ctx.env.db.examRooms(candidate.office);
  const room = rooms[candidate.exam_room - 1]?.name ?? `room ${String(candidate.exam_room)}`;
  return new ApiError(409, {
    detail: `This appointment would overlap appointment ${other.id} (${other.scheduled_time}, ${String(other.duration)} min) in ${room}.`,
    conflicting_appointment: other.id,
  });
}
