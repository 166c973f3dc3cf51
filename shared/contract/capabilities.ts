import { z } from 'zod';
import { channel, none } from './define';

/**
 * What this drchrono account may do, feature by feature, as the main side has seen it: the
 * scopes sign-in was granted and the answers drchrono gave. Settings → Connection shows it as a
 * table and the diagnostic report carries it, so a practice can tell its admin what to grant.
 */

export const featureNames = [
  'calendar',
  'patients',
  'insurance',
  'billing',
  'payments',
  'clinical',
  'tasks',
  'profiles',
  'templates',
  'customFields',
  'flagTypes',
  'reminderProfiles',
  'staff',
] as const;
export type FeatureName = (typeof featureNames)[number];

export const accessSchema = z.strictObject({
  /** `unknown`: nothing said either way yet (no call made, scope granted). */
  state: z.enum(['yes', 'no', 'unknown']),
  /** Why not: sign-in did not get the scope, or the staff account lacks a drchrono permission. */
  why: z.enum(['scope', 'permission']).nullable(),
  /** One line for the desk: "needs the “Settings” permission", "scope settings:read not granted". */
  reason: z.string().nullable(),
});
export type Access = z.infer<typeof accessSchema>;

export const capabilitySchema = z.strictObject({
  feature: z.enum(featureNames),
  /** "Appointment templates". */
  label: z.string(),
  read: accessSchema,
  /** null: Frontdesk never writes this feature. */
  write: accessSchema.nullable(),
  /** Epoch ms of the answer the row was last decided by; null before any. */
  checkedAt: z.number().nullable(),
});
export type Capability = z.infer<typeof capabilitySchema>;

export const capabilitiesSchema = z.strictObject({
  features: z.array(capabilitySchema),
  /** Scopes the current token holds (as granted at sign-in, or as asked for when not known). */
  scopes: z.array(z.string()),
});
export type Capabilities = z.infer<typeof capabilitiesSchema>;

/** Why an optional list is not (fully) on screen; the control that shows it prints `reason`. */
export const listAvailabilitySchema = z.strictObject({
  state: z.enum(['available', 'refused', 'missing', 'unreadable', 'unknown']),
  /**
   * One line: "Appointment templates are not available to this drchrono account: it lacks the
   * Settings permission", or "2 appointment profiles could not be read". Null when all is well.
   */
  reason: z.string().nullable(),
  /** Records left out because they did not fit the schema. */
  skipped: z.int().min(0),
  /** The Details line (call, status, scope/permission), never a value. */
  detail: z.string().max(500).nullable(),
});
export type ListAvailability = z.infer<typeof listAvailabilitySchema>;

export const capabilitiesChannels = {
  'capabilities:get': channel(none, capabilitiesSchema, { whileLocked: true }),
} as const;
