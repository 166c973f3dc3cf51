import { z } from 'zod';
import { naiveTimestamp, nullableInt, nullableString, stringId } from './common';

/** v4's list, the one to offer. "" means no status. */
export const appointmentStatuses = [
  '',
  'Confirmed',
  'Not Confirmed',
  'Arrived',
  'Checked In',
  'In Room',
  'In Session',
  'Complete',
  'No Show',
  'Cancelled',
  'Rescheduled',
] as const;
export const appointmentStatus = z.enum(appointmentStatuses);
export type AppointmentStatus = z.infer<typeof appointmentStatus>;

export const billingStatuses = [
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

export const reminderSchema = z.looseObject({
  id: nullableInt,
  scheduled_time: naiveTimestamp.nullish(),
  type: z.string().nullish(), // "email" | "sms" | "auto_call"
});

export const appointmentSchema = z.looseObject({
  id: stringId,
  doctor: z.int(),
  office: z.int(),
  exam_room: z.int(),
  patient: z.int().nullable(),
  scheduled_time: naiveTimestamp,
  duration: z.int(),
  status: z.string().nullish(),
  reason: nullableString,
  notes: nullableString,
  color: nullableString,
  profile: nullableInt,
  is_walk_in: z.boolean().nullish(),
  recurring_appointment: z.boolean().nullish(),
  base_recurring_appointment: nullableInt,
  billing_status: nullableString,
  reminders: z.array(reminderSchema).nullish(),
  deleted_flag: z.boolean().nullish(),
  appt_is_break: z.boolean().nullish(),
  created_at: naiveTimestamp.nullish(),
  updated_at: naiveTimestamp.nullish(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

/** What the desk may write on an appointment (POST/PATCH). Read-only fields are not here. */
export const appointmentWritable = z.strictObject({
  doctor: z.int().positive(),
  office: z.int().positive(),
  exam_room: z.int().positive(),
  patient: z.int().positive().nullable(),
  scheduled_time: naiveTimestamp,
  duration: z
    .int()
    .min(5, 'At least 5 minutes')
    .max(24 * 60, 'At most a day'),
  status: appointmentStatus.optional(),
  reason: z.string().max(500).optional(),
  notes: z.string().max(5000).optional(),
  color: z.string().max(40).optional(),
  profile: z.int().positive().nullable().optional(),
  is_walk_in: z.boolean().optional(),
  billing_status: z.string().max(100).optional(),
  /** Write-only at drchrono: applies a reminder profile (only to an appointment without reminders). */
  reminder_profile: z.int().positive().optional(),
});
export type AppointmentWritable = z.infer<typeof appointmentWritable>;
export const appointmentChanges = appointmentWritable.partial();
export type AppointmentChanges = z.infer<typeof appointmentChanges>;
