import { z } from 'zod';
import type { OutboxEntryView } from '../../shared/contract';
import type { EditResource } from '../app/services';

export const editResources = [
  'appointments',
  'patients',
  'allergies',
  'medications',
  'problems',
  'line_items',
  'patient_payments',
  'tasks',
  'documents',
] as const satisfies readonly EditResource[];

const record = z.record(z.string(), z.unknown());

/** One edit as the outbox document stores it. */
export const outboxEntrySchema = z.strictObject({
  id: z.string().min(1),
  /** Submission order: replay is in this order (per target). */
  seq: z.int().nonnegative(),
  resource: z.enum(editResources),
  op: z.enum(['create', 'update', 'delete']),
  targetId: z.string().nullable(),
  body: record,
  base: record.nullable(),
  summary: z.string(),
  state: z.enum(['pending', 'conflict', 'attention']),
  message: z.string().nullable(),
  attempts: z.int().nonnegative(),
  createdAt: z.number(),
  /** Not before this instant (backoff, or drchrono's "Expected available in N seconds"). */
  notBefore: z.number(),
  /**
   * A create that may already be on the server: it was sent (or about to be) and no definite answer
   * came back. Set durably *before* each POST, so a crash mid-send is handled too: the next attempt
   * looks for it first (drchrono has no idempotency keys).
   */
  uncertain: z.boolean(),
  /** When the first POST went out: records created before it cannot be ours. */
  firstSentAt: z.number().nullable(),
  /** The user chose "keep mine": send without comparing with the server's record. */
  force: z.boolean(),
  /** For a conflict: the fields someone else changed, theirs and ours. */
  theirs: record.nullable(),
  mine: record.nullable(),
  /** A document's file (base64), sent as multipart with `body`; the outbox file is encrypted. */
  file: z.strictObject({ name: z.string(), type: z.string(), base64: z.string() }).optional(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/**
 * Which connection an outbox belongs to: the drchrono server (`demo` for the embedded practice)
 * and the practice group of the user who signed in. Its edits are only ever sent there.
 */
export const outboxOwnerSchema = z.strictObject({
  server: z.string(),
  practiceGroup: z.int().nullable(),
});
export type OutboxOwner = z.infer<typeof outboxOwnerSchema>;

export const outboxDocumentSchema = z.strictObject({
  version: z.literal(1),
  /** Absent in outboxes written before connections were told apart: adopted by the next one. */
  owner: outboxOwnerSchema.nullable().optional(),
  seq: z.int().nonnegative(),
  entries: z.array(outboxEntrySchema),
  /** Local ids (`local-…`) of delivered creates → drchrono's ids, to rewrite late references. */
  delivered: z.record(z.string(), z.string()),
});
export type OutboxDocument = z.infer<typeof outboxDocumentSchema>;

export const OUTBOX_DOCUMENT = 'outbox';

/** The id the desk uses for a queued create until drchrono has given it a real one. */
export function localIdFor(outboxId: string): string {
  return `local-${outboxId}`;
}

export function isLocalId(id: string | null | undefined): id is string {
  return typeof id === 'string' && id.startsWith('local-');
}

/** Which record an entry is about: edits of one record replay in order. */
export function targetKey(entry: Pick<OutboxEntry, 'resource' | 'op' | 'targetId' | 'id'>): string {
  const target = entry.op === 'create' ? localIdFor(entry.id) : (entry.targetId ?? entry.id);
  return `${entry.resource}:${target}`;
}

export function toView(entry: OutboxEntry, sending: boolean): OutboxEntryView {
  return {
    id: entry.id,
    summary: entry.summary,
    resource: entry.resource,
    op: entry.op,
    targetId: entry.targetId,
    state: sending ? 'sending' : entry.state,
    message: entry.message,
    attempts: entry.attempts,
    createdAt: entry.createdAt,
    theirs: entry.theirs,
    mine: entry.mine,
  };
}
