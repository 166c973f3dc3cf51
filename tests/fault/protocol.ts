import { z } from 'zod';
import { editResources } from '../../electron/sync/outbox-entry';

/** One line from the fault-run parent to the child holding the outbox. */
export const childCommandSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('edit'),
    n: z.int().nonnegative(),
    edit: z.strictObject({
      resource: z.enum(editResources),
      op: z.enum(['create', 'update', 'delete']),
      targetId: z.string().optional(),
      body: z.record(z.string(), z.unknown()),
      base: z.record(z.string(), z.unknown()).optional(),
      summary: z.string(),
    }),
  }),
  z.strictObject({ kind: z.literal('end') }),
]);
export type ChildCommand = z.infer<typeof childCommandSchema>;
