import { z } from 'zod';
import { nullableInt, nullableString } from './common';

/** A reminder profile's entry: how long before the visit, and how (legacy reference's format). */
export const reminderProfileEntrySchema = z.looseObject({
  amount: z.int().nullish(),
  type: z.string().nullish(), // "email" | "sms" | "auto_call"
  unit: z.string().nullish(), // "minutes" | "hours" | "days" | "weeks"
});

/** `/api/reminder_profiles`: a default set of reminders, applied with `reminder_profile` on POST. */
export const reminderProfileSchema = z.looseObject({
  id: z.int(),
  doctor: nullableInt,
  name: z.string(),
  reminders: z.array(reminderProfileEntrySchema).nullish(),
});
export type ReminderProfile = z.infer<typeof reminderProfileSchema>;

/**
 * `/api/eligibility_checks` (read-only): one past check of a patient's coverage. `eligibility`'s
 * values are behind a link the reference does not copy; the desk reads them as eligible / not /
 * unknown (see `eligibilityVerdict`).
 */
export const eligibilityCheckSchema = z.looseObject({
  id: nullableInt,
  patient: z.int(),
  appointment: z.union([z.int(), z.string()]).nullish(),
  cob_level: nullableString,
  payer_name: nullableString,
  eligibility: nullableString,
  request_service_type: nullableString,
  service_type_description: nullableString,
  query_date: nullableString,
});
export type EligibilityCheck = z.infer<typeof eligibilityCheckSchema>;

export type EligibilityVerdict = 'eligible' | 'not-eligible' | 'unknown';

/**
 * X12 271 benefit codes as clearinghouses word them: "1 - Active Coverage" and the like are
 * eligible; "6 - Inactive" and friends are not; anything else (pending, unreadable) is unknown.
 */
export function eligibilityVerdict(eligibility: string | null | undefined): EligibilityVerdict {
  const word = (eligibility ?? '').trim().toLowerCase();
  if (word === '') return 'unknown';
  if (/inactive|not eligible|ineligible|terminated|no coverage|^(6|7|8)\b/.test(word))
    return 'not-eligible';
  if (/active|eligible|^1\b/.test(word)) return 'eligible';
  return 'unknown';
}
