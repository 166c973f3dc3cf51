import { z } from 'zod';
import {
  eligibilityCheckSchema,
  isoDate,
  reminderProfileSchema,
  reminderSchema,
} from '../drchrono';
import { listAvailabilitySchema } from './capabilities';
import { channel, id, none, shortText } from './define';

/**
 * The desk's paperwork: printing, the day's eligibility checks and reminders, reminder profiles
 * and the balances a day sheet prints. Day data is fetched once per day and kept in main for a
 * while, so opening a card or a screen again costs no call.
 */

const dayRequest = z.strictObject({
  date: isoDate,
  /** Ask drchrono again even if the day was fetched a moment ago. */
  refresh: z.boolean().optional(),
});

export const printOutcomeSchema = z.strictObject({
  /** `renderer`: this host has no print service of its own; the page prints itself. */
  handledBy: z.enum(['main', 'renderer']),
  /** Where "Save as PDF" wrote the file, when it did. */
  savedTo: z.string().nullable(),
  cancelled: z.boolean(),
});
export type PrintOutcome = z.infer<typeof printOutcomeSchema>;

export const eligibilityDaySchema = z.strictObject({
  date: isoDate,
  /** Checks by appointment id, newest first. */
  byAppointment: z.record(z.string(), z.array(eligibilityCheckSchema)),
  /** Checks by patient id, newest first (checks run without an appointment). */
  byPatient: z.record(z.string(), z.array(eligibilityCheckSchema)),
  fetchedAt: z.number(),
});
export type EligibilityDay = z.infer<typeof eligibilityDaySchema>;

export const remindersDaySchema = z.strictObject({
  date: isoDate,
  /** Reminders by appointment id (verbose `reminders`). */
  byAppointment: z.record(z.string(), z.array(reminderSchema)),
  fetchedAt: z.number(),
});
export type RemindersDay = z.infer<typeof remindersDaySchema>;

/** Reminder profiles (an optional list): a refused, missing or unreadable one is empty and says why. */
export const reminderProfilesSchema = z.strictObject({
  profiles: z.array(reminderProfileSchema),
  availability: listAvailabilitySchema,
});
export type ReminderProfiles = z.infer<typeof reminderProfilesSchema>;

export const balancesDaySchema = z.strictObject({
  date: isoDate,
  /** Patient balance due per appointment id ("25.00"); absent: no line items. */
  byAppointment: z.record(z.string(), z.string()),
  fetchedAt: z.number(),
});
export type BalancesDay = z.infer<typeof balancesDaySchema>;

export const reminderDefaultsSchema = z.strictObject({
  /** The practice's default reminder profile, when set. */
  practiceDefault: id.nullable(),
  /** Appointment profile id → reminder profile id. */
  byAppointmentProfile: z.record(z.string(), id),
});
export type ReminderDefaults = z.infer<typeof reminderDefaultsSchema>;

export const paperworkChannels = {
  /** Prints the window (the print layout) or saves it as PDF, through the platform's printer. */
  'print:document': channel(
    z.strictObject({ action: z.enum(['print', 'pdf']), title: shortText }),
    printOutcomeSchema,
  ),
  /** Past eligibility checks of the day's appointments: one call per day (`appointment_date`). */
  'eligibility:day': channel(dayRequest, eligibilityDaySchema),
  /** The day's reminders (verbose appointments of the day): a few calls per day, then cached. */
  'reminders:day': channel(
    dayRequest.extend({
      /** The visit the asker shows: a day fetched before it was booked is fetched again. */
      appointmentId: z.string().min(1).max(40).optional(),
    }),
    remindersDaySchema,
  ),
  /** Booking works without them; `availability.reason` says why the list is empty. */
  'reminders:profiles': channel(none, reminderProfilesSchema),
  'reminders:defaults': channel(none, reminderDefaultsSchema),
  'reminders:setDefault': channel(
    z.strictObject({
      /** null: the practice default. */
      appointmentProfileId: id.nullable(),
      /** null: no default. */
      reminderProfileId: id.nullable(),
    }),
    reminderDefaultsSchema,
  ),
  /** Patient balances of the day's visits for the day sheet: one call (`service_date`). */
  'paperwork:balances': channel(dayRequest, balancesDaySchema),
} as const;
