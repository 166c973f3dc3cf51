import { z } from 'zod';
import { appErrorSchema } from '../result';
import { listAvailabilitySchema } from './capabilities';
import {
  appointmentProfileSchema,
  appointmentSchema,
  appointmentTemplateSchema,
  doctorSchema,
  isoDate,
  naiveTimestamp,
  officeSchema,
  patientSummarySchema,
  userGroupSchema,
  userSchema,
} from '../drchrono';

/** View models: what main hands the renderer, built from drchrono records plus local state. */

export const appInfoSchema = z.strictObject({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  /** `demo` runs against the built-in sandbox practice; `drchrono` against the configured server. */
  mode: z.enum(['demo', 'drchrono']),
  storage: z.strictObject({
    /** How the data key is protected: the OS keystore, a 0600 key file (browser host), or nothing. */
    keyProtection: z.enum(['safeStorage', 'keyfile', 'none']),
    /** Whether patient data may be written to disk at all. */
    phiOnDisk: z.boolean(),
    warning: z.string().nullable(),
  }),
  /** What start-up reset because its file was damaged, one sentence each (shown once, on top). */
  notices: z.array(z.string()).optional(),
  /** Set when the data key could not be opened: the window explains and offers to start fresh. */
  keyProblem: z.string().nullable().optional(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const authStatusSchema = z.strictObject({
  state: z.enum(['signed-out', 'signing-in', 'signed-in']),
  mode: z.enum(['demo', 'drchrono']),
  /** A client id is known (from settings or the environment), so sign-in can start. */
  configured: z.boolean(),
  user: z
    .strictObject({
      id: z.int(),
      username: z.string(),
      isDoctor: z.boolean(),
      isStaff: z.boolean(),
    })
    .nullable(),
  practiceName: z.string().nullable(),
  /** Why the last sign-in or refresh failed, for a message and a retry button. */
  lastError: appErrorSchema.nullable(),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;

export const connectionSettingsSchema = z.strictObject({
  clientId: z.string(),
  redirectUri: z.string(),
  baseUrl: z.string(),
  /** The secret never leaves main; the renderer only learns whether one is stored. */
  hasSecret: z.boolean(),
  /** Where the values come from: environment variables win over saved settings. */
  source: z.enum(['environment', 'settings', 'demo']),
});
export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;

export const calendarViews = ['rooms', 'week', 'month', 'agenda'] as const;
export const prefsSchema = z.strictObject({
  calendar: z.strictObject({
    view: z.enum(calendarViews),
    officeId: z.int().nullable(),
    doctorId: z.int().nullable(),
    slotMinutes: z.int().min(5).max(60),
    /** 'auto' follows the practice's country (US: 12-hour, weeks from Sunday). */
    clock: z.enum(['auto', '12h', '24h']).optional(),
    weekStart: z.enum(['auto', 'sunday', 'monday']).optional(),
  }),
  cache: z.strictObject({
    daysBefore: z.int().min(0).max(14),
    daysAfter: z.int().min(0).max(31),
  }),
  lock: z.strictObject({
    idleMinutes: z.int().min(1).max(240),
  }),
  budget: z.strictObject({
    /** The practice's hourly quota at drchrono (500 unless raised). */
    hourlyQuota: z.int().min(50).max(100_000),
    /** The share of it this workstation may spend, since every workstation draws on the same quota. */
    share: z.number().min(0.05).max(1),
  }),
});
export type Prefs = z.infer<typeof prefsSchema>;
export const prefsPatchSchema = z.strictObject({
  calendar: prefsSchema.shape.calendar.partial().optional(),
  cache: prefsSchema.shape.cache.partial().optional(),
  lock: prefsSchema.shape.lock.partial().optional(),
  budget: prefsSchema.shape.budget.partial().optional(),
});

export const practiceSchema = z.strictObject({
  /** The practice's IANA zone (the doctors' `timezone`): every time on screen is in it. */
  timezone: z.string(),
  practiceName: z.string(),
  /** Today in the practice, by main's clock. */
  today: isoDate,
  user: userSchema,
  users: z.array(userSchema),
  userGroups: z.array(userGroupSchema),
  doctors: z.array(doctorSchema),
  offices: z.array(officeSchema),
  profiles: z.array(appointmentProfileSchema),
  templates: z.array(appointmentTemplateSchema),
  fetchedAt: z.number().nullable(),
  /**
   * The optional lists: the desk works without them. A list drchrono refused (403), lacks (404)
   * or answered unreadably is empty here, and its entry says why in one line for the control that
   * shows it. Absent: every list loaded in full.
   */
  availability: z
    .strictObject({
      users: listAvailabilitySchema,
      userGroups: listAvailabilitySchema,
      profiles: listAvailabilitySchema,
      templates: listAvailabilitySchema,
      /** Patient flag types: without them a patient's flags show without their names. */
      flagTypes: listAvailabilitySchema,
    })
    .optional(),
});
export type PracticeListName = keyof NonNullable<Practice['availability']>;
export type Practice = z.infer<typeof practiceSchema>;

/** Where an edit stands when it is not simply on the server. */
export const pendingStateSchema = z.strictObject({
  state: z.enum(['pending', 'conflict', 'attention']),
  message: z.string().nullable(),
  outboxId: z.string(),
});
export type PendingState = z.infer<typeof pendingStateSchema>;

export const appointmentItemSchema = appointmentSchema.extend({
  /** Set while an edit of this appointment waits in the outbox or needs the user. */
  pending: pendingStateSchema.nullable().optional(),
  /** Wall time since when the appointment has had its current status, when known. */
  status_since: naiveTimestamp.nullable().optional(),
});
export type AppointmentItem = z.infer<typeof appointmentItemSchema>;

/** What the calendar shows about a patient: enough for the event label and the hover card. */
export const patientFlagSchema = z.strictObject({
  /** The flag type's id, when drchrono said. */
  type: z.int().nullable().optional(),
  name: z.string(),
  color: z.string().nullable().optional(),
  priority: z.number().nullable().optional(),
});
export type PatientFlag = z.infer<typeof patientFlagSchema>;

/**
 * What a flag is called when neither the practice's flag types (refused to many front-desk
 * accounts: they need "Settings") nor the patient record name it: the desk still sees the flag.
 */
export const unnamedFlag = 'Alert flag';

/** Plus the patient's alert flags when main knows them (named after the practice's flag types). */
export const patientBriefSchema = patientSummarySchema.extend({
  flags: z.array(patientFlagSchema).optional(),
});
export type PatientBrief = z.infer<typeof patientBriefSchema>;

export const bookSchema = z.strictObject({
  appointments: z.array(appointmentItemSchema),
  /** The patients the appointments point at, by id. */
  patients: z.record(z.string(), patientBriefSchema),
  /** When this range was last fetched from drchrono (epoch ms), null if never. */
  fetchedAt: z.number().nullable(),
  source: z.enum(['cache', 'server']),
});
export type Book = z.infer<typeof bookSchema>;

/** How a write went: on the server already, or safely queued in the outbox. */
export const writeStateSchema = z.enum(['saved', 'queued']);
export type WriteState = z.infer<typeof writeStateSchema>;

export const syncStatusSchema = z.strictObject({
  connection: z.enum(['online', 'offline', 'signed-out']),
  /** Online, but a call has waited more than 10 s for drchrono since then (epoch ms). */
  slowSince: z.number().nullable().optional(),
  lastSyncedAt: z.number().nullable(),
  callsThisHour: z.int(),
  /** Calls this workstation allows itself this hour (its share of the practice's quota). */
  hourlyCap: z.int(),
  /** When the quota was spent and drchrono said when it will be available again (epoch ms). */
  throttledUntil: z.number().nullable(),
  pendingEdits: z.int(),
  conflicts: z.int(),
  needsAttention: z.int(),
  /** Whether the offline copy on disk is kept (encrypted) or refused (weak keystore). */
  cache: z.enum(['encrypted', 'memory-only']),
  message: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const outboxEntryViewSchema = z.strictObject({
  id: z.string(),
  /** Human summary without clinical detail, e.g. "Move 09:30 Marisol Quispe to Exam 2, 10:15". */
  summary: z.string(),
  resource: z.string(),
  op: z.enum(['create', 'update', 'delete']),
  targetId: z.string().nullable(),
  state: z.enum(['pending', 'sending', 'conflict', 'attention']),
  message: z.string().nullable(),
  attempts: z.int(),
  createdAt: z.number(),
  /** For conflicts: the fields someone else changed, with both values. */
  theirs: z.record(z.string(), z.unknown()).nullable(),
  mine: z.record(z.string(), z.unknown()).nullable(),
});
export type OutboxEntryView = z.infer<typeof outboxEntryViewSchema>;

export const lockStatusSchema = z.strictObject({
  locked: z.boolean(),
  hasPin: z.boolean(),
  idleMinutes: z.int(),
});
export type LockStatus = z.infer<typeof lockStatusSchema>;

export const dataKinds = [
  'reference',
  'appointments',
  'patients',
  'billing',
  'clinical',
  'tasks',
  'outbox',
  'documents',
  'history',
] as const;
export const dataChangedSchema = z.strictObject({
  kinds: z.array(z.enum(dataKinds)),
  /** For appointments: the practice dates touched, so views outside them need not refetch. */
  dates: z.array(isoDate).optional(),
  /** For patients: the ones that changed (absent: any may have), so other records stay put. */
  patients: z.array(z.number().int().positive()).optional(),
});
export type DataChanged = z.infer<typeof dataChangedSchema>;
