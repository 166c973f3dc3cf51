/**
 * Stored records. Most resources are plain documents (`Doc`): their API fields live in `data`, so
 * fields the sandbox does not model, including unknown ones a client sent, survive round trips.
 * Appointments and line items carry logic (overlaps, money) and get typed records instead.
 */

export type JsonRecord = Record<string, unknown>;

export interface Doc {
  id: number;
  data: JsonRecord;
  createdMs: number;
  updatedMs: number;
  /** Soft-deleted rows stay for `since` queries but are hidden elsewhere. */
  deleted?: boolean;
}

export const appointmentStatuses = [
  '',
  'Arrived',
  'Checked In',
  'In Room',
  'Cancelled',
  'Complete',
  'Confirmed',
  'In Session',
  'No Show',
  'Not Confirmed',
  'Rescheduled',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const appointmentBillingStatuses = [
  '',
  'Auto Accident Claim',
  'Balance Due',
  'Bill Insurance',
  'Bill Secondary Insurance',
  'Durable Medical Equipment Claim',
  'Internal Review',
  'Paid In Full',
  'Settled',
  "Worker's Comp Claim",
] as const;

export interface Reminder {
  id: number;
  scheduled_time: string;
  type: 'email' | 'sms' | 'auto_call';
}

export interface Appointment {
  /** A string, as drchrono says ("usually numeric, but not always"). */
  id: string;
  doctor: number;
  office: number;
  exam_room: number;
  /** Null for breaks. */
  patient: number | null;
  scheduled_time: string;
  duration: number;
  status: string;
  reason: string;
  notes: string;
  color: string;
  profile: number | null;
  is_walk_in: boolean;
  recurring_appointment: boolean;
  base_recurring_appointment: number | null;
  billing_status: string;
  reminders: Reminder[];
  vitals: JsonRecord;
  custom_vitals: unknown[];
  custom_fields: unknown[];
  clinical_note: JsonRecord | null;
  icd10_codes: string[];
  icd9_codes: string[];
  first_billed_date: string | null;
  last_billed_date: string | null;
  allow_overlapping: boolean;
  cloned_from: number | null;
  deleted_flag: boolean;
  createdMs: number;
  updatedMs: number;
  /** Fields a client sent that the sandbox does not model: stored and returned as they came. */
  extra: JsonRecord;
}

export type ProcedureType = 'C' | 'H' | 'U';

export interface LineItem {
  id: number;
  appointment: number;
  patient: number;
  doctor: number;
  office: number;
  code: string;
  procedure_type: ProcedureType;
  description: string;
  price: string;
  quantity: string;
  allowed: string;
  adjustment: string;
  ins1_paid: string;
  ins2_paid: string;
  ins3_paid: string;
  pt_paid: string;
  /** What the patient owes before payments (copay, or all of it for self-pay). Not in the API. */
  ptResponsibility: string;
  billing_status: string;
  denied_flag: boolean;
  diagnosis_pointers: (number | null)[];
  modifiers: string[];
  units: string;
  service_date: string;
  expected_reimbursement: string;
  postedMs: number;
  updatedMs: number;
  extra: JsonRecord;
}

export interface ExamRoom {
  index: number;
  name: string;
  online_scheduling: boolean;
}

export interface Payer {
  payer_name: string;
  payer_id: string;
  state: string;
}

export interface CanaryPlacement {
  canary: string;
  patient: number;
  /** Where it was planted, e.g. `patients.address`, `appointments.notes`. */
  fields: string[];
}

/** A stored value as text: strings as they are, numbers and booleans printed, anything else "". */
export function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
