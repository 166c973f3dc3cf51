import { z } from 'zod';
import { nullableInt, nullableString, timeOfDay } from './common';

export const examRoomSchema = z.looseObject({
  index: z.int(), // 1-based; an appointment's exam_room points here
  name: z.string(),
  online_scheduling: z.boolean().nullish(),
});
export type ExamRoom = z.infer<typeof examRoomSchema>;

export const officeSchema = z.looseObject({
  id: z.int(),
  name: z.string(),
  doctor: nullableInt,
  address: nullableString,
  city: nullableString,
  state: nullableString,
  zip_code: nullableString,
  /** Two letters ("US"): the practice's convention for clocks and weeks follows it. */
  country: nullableString,
  phone_number: nullableString,
  start_time: timeOfDay.nullish(),
  end_time: z.string().nullish(), // may be "24:00"
  exam_rooms: z.array(examRoomSchema),
  archived: z.boolean().nullish(),
  online_scheduling: z.boolean().nullish(),
});
export type Office = z.infer<typeof officeSchema>;

export const doctorSchema = z.looseObject({
  id: z.int(),
  first_name: z.string(),
  last_name: z.string(),
  suffix: nullableString,
  specialty: nullableString,
  timezone: z.string(),
  practice_group: nullableInt,
  practice_group_name: nullableString,
  office_phone: nullableString,
  is_account_suspended: z.boolean().nullish(),
});
export type Doctor = z.infer<typeof doctorSchema>;

export const userSchema = z.looseObject({
  id: z.int(),
  username: z.string(),
  doctor: z.int(),
  is_doctor: z.boolean(),
  is_staff: z.boolean(),
  practice_group: nullableInt,
  permissions: z.unknown().optional(),
});
export type User = z.infer<typeof userSchema>;

export const userGroupSchema = z.looseObject({
  id: z.int(),
  name: z.string(),
  members: z.array(z.int()).nullish(),
  archived: z.boolean().nullish(),
});
export type UserGroup = z.infer<typeof userGroupSchema>;

export const appointmentProfileSchema = z.looseObject({
  id: z.int(),
  name: z.string(),
  color: z.string(),
  duration: z.int(),
  reason: nullableString,
  online_scheduling: z.boolean().nullish(),
  sort_order: nullableInt,
  doctor: nullableInt,
  archived: z.boolean().nullish(),
});
export type AppointmentProfile = z.infer<typeof appointmentProfileSchema>;

export const appointmentProfileWritable = z.strictObject({
  name: z.string().trim().min(1, 'Give the profile a name').max(100),
  color: z
    .string()
    .regex(
      /^(#[0-9a-fA-F]{6}|rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\))$/,
      'A colour like #3A87AD',
    ),
  duration: z.int().min(5, 'At least 5 minutes').max(480, 'At most 8 hours'),
  reason: z.string().max(200),
  online_scheduling: z.boolean(),
  sort_order: z.int().optional(),
  doctor: z.int().positive().optional(),
});
export type AppointmentProfileWritable = z.infer<typeof appointmentProfileWritable>;

export const openSlotSchema = z.looseObject({
  start: z.string(),
  end: z.string(),
});

export const appointmentTemplateSchema = z.looseObject({
  id: z.int(),
  office: z.int(),
  exam_room: z.int(),
  profile: z.int(),
  doctor: nullableInt,
  duration: z.int(),
  scheduled_time: timeOfDay,
  week_days: z.array(z.int().min(0).max(6)), // 0 = Monday … 6 = Sunday (not JavaScript's order)
  archived: z.boolean().nullish(),
  open_slots: z.array(openSlotSchema).nullish(),
});
export type AppointmentTemplate = z.infer<typeof appointmentTemplateSchema>;

export const appointmentTemplateWritable = z.strictObject({
  office: z.int().positive(),
  exam_room: z.int().positive(),
  profile: z.int().positive(),
  doctor: z.int().positive().optional(),
  duration: z
    .int()
    .min(5, 'At least 5 minutes')
    .max(24 * 60),
  scheduled_time: timeOfDay,
  week_days: z.array(z.int().min(0).max(6)).min(1, 'Pick at least one week day'),
});
export type AppointmentTemplateWritable = z.infer<typeof appointmentTemplateWritable>;
