import { z } from 'zod';
import { naiveTimestamp } from '../drchrono';
import { channel, none } from './define';
import { outboxEntryViewSchema, syncStatusSchema } from './models';

export const syncChannels = {
  'sync:status': channel(none, syncStatusSchema, { whileLocked: true }),
  /** Fetch changes now (still within the budget). */
  'sync:now': channel(none, syncStatusSchema),
  'outbox:list': channel(
    none,
    z.strictObject({
      entries: z.array(outboxEntryViewSchema),
      /** Why the saved outbox was set aside or restored from its earlier copy, and what came back. */
      problem: z.string().nullable().optional(),
    }),
  ),
  /**
   * Settles a conflict or a parked edit: keep mine (send it over theirs), keep theirs (drop mine),
   * move (for a booking clash: try another time/room), or retry as is.
   */
  'outbox:resolve': channel(
    z.strictObject({
      id: z.string().min(1).max(64),
      action: z.enum(['keep-mine', 'keep-theirs', 'move', 'retry']),
      move: z
        .strictObject({ scheduledTime: naiveTimestamp, examRoom: z.int().positive().max(100) })
        .optional(),
    }),
    z.strictObject({ entries: z.array(outboxEntryViewSchema) }),
  ),
} as const;
