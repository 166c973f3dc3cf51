import { z } from 'zod';
import { isoDate } from '../drchrono';
import { appointmentId, channel, id, none } from './define';

/** One change sent from this workstation, as the History screen and the card show it. */
export const historyEntryViewSchema = z.strictObject({
  /** The outbox entry's id. */
  id: z.string(),
  /** When it was made (epoch ms), and the practice date of that instant. */
  at: z.number(),
  day: isoDate,
  /** The drchrono username signed in when it was made. */
  by: z.string().nullable(),
  resource: z.string(),
  op: z.enum(['create', 'update', 'delete']),
  targetId: z.string().nullable(),
  summary: z.string(),
  patientId: z.int().nullable(),
  appointmentId: z.string().nullable(),
  /** The office of the appointment concerned, to name its rooms. */
  officeId: z.int().nullable(),
  /** The changed fields as they were, and as sent (null before for a create). */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()),
  state: z.enum(['sending', 'delivered', 'waiting', 'refused', 'conflict', 'dropped']),
  message: z.string().nullable(),
  settledAt: z.number().nullable(),
});
export type HistoryEntryView = z.infer<typeof historyEntryViewSchema>;

/** As listed: with the patient's name from the roster this computer holds (not stored twice). */
export const historyListEntrySchema = historyEntryViewSchema.extend({
  patientName: z.string().nullable(),
});
export type HistoryListEntry = z.infer<typeof historyListEntrySchema>;

export const historyRetentionChoices = [7, 30, 90, 365] as const;

export const historyChannels = {
  /** Newest first; every filter optional. */
  'history:list': channel(
    z.strictObject({
      patientId: id.optional(),
      day: isoDate.optional(),
      appointmentId: appointmentId.optional(),
      limit: z.int().min(1).max(1000).optional(),
    }),
    z.strictObject({ entries: z.array(historyListEntrySchema), retentionDays: z.int() }),
  ),
  'history:settings': channel(none, z.strictObject({ retentionDays: z.int() })),
  'history:setRetention': channel(
    z.strictObject({
      retentionDays: z.union(historyRetentionChoices.map((d) => z.literal(d))),
    }),
    z.strictObject({ retentionDays: z.int() }),
  ),
} as const;
