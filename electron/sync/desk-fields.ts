import { z } from 'zod';
import { patientFlagSchema, type PatientFlag } from '../../shared/contract';
import {
  appointmentSchema,
  patientFlagEntrySchema,
  patientSummarySchema,
  type Appointment,
  type PatientSummary,
} from '../../shared/drchrono';

/**
 * Only what the desk shows is kept (reliability C20). drchrono's records are loose objects that
 * carry much more (an appointment has insurer names and member ids, a patient has an SSN and an
 * address): these pick the fields the calendar and the patient card use, so nothing else can reach
 * the offline cache, whatever drchrono adds tomorrow.
 */

const appointmentFields = [
  'id',
  'doctor',
  'office',
  'exam_room',
  'patient',
  'scheduled_time',
  'duration',
  'status',
  'reason',
  'notes',
  'color',
  'profile',
  'is_walk_in',
  'recurring_appointment',
  'base_recurring_appointment',
  'billing_status',
  'deleted_flag',
  'appt_is_break',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof Appointment)[];

const patientFields = [
  'id',
  'first_name',
  'last_name',
  'date_of_birth',
  'gender',
  'doctor',
  'chart_id',
  'cell_phone',
  'home_phone',
  'email',
  'updated_at',
] as const satisfies readonly (keyof PatientSummary)[];

function pick(record: Record<string, unknown>, keys: readonly string[]) {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
  return out;
}

/** The appointment as the cache stores it: a strict subset of drchrono's record. */
export const storedAppointmentSchema = appointmentSchema.pick(
  Object.fromEntries(appointmentFields.map((k) => [k, true])) as {
    [K in (typeof appointmentFields)[number]]: true;
  },
);
export type StoredAppointment = z.infer<typeof storedAppointmentSchema>;

export function toStoredAppointment(record: Appointment): StoredAppointment {
  return storedAppointmentSchema.parse(pick(record, appointmentFields));
}

/** Parses anything drchrono sent as an appointment and keeps the desk's fields; null if invalid. */
export function parseStoredAppointment(value: unknown): StoredAppointment | null {
  const parsed = appointmentSchema.safeParse(value);
  return parsed.success ? toStoredAppointment(parsed.data) : null;
}

export const storedPatientSchema = patientSummarySchema
  .pick(
    Object.fromEntries(patientFields.map((k) => [k, true])) as {
      [K in (typeof patientFields)[number]]: true;
    },
  )
  .extend({ flags: z.array(patientFlagSchema).optional() });
export type StoredPatient = z.infer<typeof storedPatientSchema>;

/**
 * Only the roster's fields of a patient, and the flags: what main may hand the roster from a full
 * (verbose) record, whose SSN and insurance must never reach the roster cache.
 */
export function rosterFieldsOf(record: PatientSummary): PatientSummary {
  return pick(record, [...patientFields, 'patient_flags']) as PatientSummary;
}

export function toStoredPatient(record: PatientSummary): StoredPatient {
  const flags = flagsOf(record.patient_flags);
  return storedPatientSchema.parse({
    ...pick(record, patientFields),
    ...(flags ? { flags } : {}),
  });
}

/**
 * A patient's alert flags from a verbose record (type, name, colour, priority; archived ones
 * dropped); undefined when the record was fetched without them (not the same as "no flags").
 */
function flagsOf(value: unknown): PatientFlag[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: PatientFlag[] = [];
  for (const item of value) {
    const entry = patientFlagEntrySchema.safeParse(item);
    if (!entry.success || entry.data.archived === true) continue;
    const { flag_type, name, color, priority } = entry.data;
    if (flag_type == null && !name) continue;
    out.push({
      type: flag_type ?? null,
      name: name ?? '',
      color: color ?? null,
      priority: priority ?? null,
    });
  }
  return out;
}

export function parseStoredPatient(value: unknown): StoredPatient | null {
  const parsed = patientSummarySchema.safeParse(value);
  return parsed.success ? toStoredPatient(parsed.data) : null;
}
