import { createHash } from 'node:crypto';
import { previousNameOf } from '../store/document-names';
import type { SecureStore } from '../store/types';
import { DocWriter } from './doc-writer';
import {
  OUTBOX_DOCUMENT,
  outboxDocumentSchema,
  type OutboxDocument,
  type OutboxOwner,
} from './outbox-entry';

export interface LoadedOutbox {
  document: OutboxDocument;
  /** Set when the saved outbox could not be read and was set aside (never deleted). */
  problem: string | null;
  /** False when the unreadable file could not be moved aside: then we must not overwrite it. */
  writable: boolean;
}

export function emptyOutbox(): OutboxDocument {
  return { version: 1, seq: 0, entries: [], delivered: {} };
}

/**
 * Reads the outbox. A document that fails to decrypt, to authenticate or to parse is quarantined
 * (renamed and kept, for support to recover by hand) and reported: unsent edits are never cleared
 * because a file looked odd (reliability D24). Every write keeps the generation it replaced, so
 * a damaged outbox is replaced by the one before its last write: at most the latest change is
 * missing, and the message lists what came back.
 */
export async function loadOutbox(store: SecureStore): Promise<LoadedOutbox> {
  try {
    const document = await store.read(OUTBOX_DOCUMENT, outboxDocumentSchema);
    return { document: document ?? emptyOutbox(), problem: null, writable: true };
  } catch (error) {
    const reason = error instanceof Error ? error.name : 'unreadable';
    let aside = 'a quarantined copy';
    try {
      aside = await store.quarantine(OUTBOX_DOCUMENT);
    } catch {
      // Even the rename failed: keep the file where it is and refuse to overwrite it blindly.
      return {
        document: emptyOutbox(),
        writable: false,
        problem:
          'The saved outbox could not be read and could not be set aside. Unsent edits may be ' +
          'stuck on this computer; new edits are kept in memory only until this is fixed.',
      };
    }
    const previous = await readPrevious(store);
    if (previous === null) {
      return {
        document: emptyOutbox(),
        writable: true,
        problem:
          `The saved outbox could not be read (${reason}). It was kept as "${aside}" and nothing ` +
          'was deleted; edits made from now on are saved in a new outbox.',
      };
    }
    return { document: previous, writable: true, problem: recoveredMessage(previous, aside) };
  }
}

async function readPrevious(store: SecureStore): Promise<OutboxDocument | null> {
  try {
    return (await store.read(previousNameOf(OUTBOX_DOCUMENT), outboxDocumentSchema)) ?? null;
  } catch {
    return null;
  }
}

function recoveredMessage(document: OutboxDocument, aside: string): string {
  const count = document.entries.length;
  const listed = document.entries
    .slice(0, 10)
    .map((e) => e.summary)
    .join('; ');
  const more = count > 10 ? ` and ${String(count - 10)} more` : '';
  const what =
    count === 0
      ? 'It held no other unsent changes.'
      : `Recovered ${String(count)} unsent ${count === 1 ? 'change' : 'changes'}: ${listed}${more}.`;
  return (
    `The saved outbox was damaged; the copy from before its last save was restored. ${what} ` +
    `The change saved last may be missing: check it. The damaged file was kept as "${aside}".`
  );
}

export function outboxWriter(store: SecureStore, snapshot: () => OutboxDocument): DocWriter {
  return new DocWriter(store, OUTBOX_DOCUMENT, snapshot, { keepPrevious: true });
}

/** The signed-in connection as far as it is known; `practiceGroup` undefined = not loaded yet. */
export interface CurrentOwner {
  server: string;
  practiceGroup: number | null | undefined;
}

/**
 * How the outbox relates to the signed-in connection: `same` (send), `unknown` (hold until the
 * practice group is known), or `other` (another connection's edits: keep them aside, never send).
 */
export function compareOwner(
  outbox: OutboxOwner | null | undefined,
  current: CurrentOwner | null,
): 'same' | 'adopt' | 'unknown' | 'other' {
  if (current === null) return 'unknown';
  if (outbox != null && outbox.server !== current.server) return 'other';
  if (current.practiceGroup === undefined) return 'unknown';
  if (outbox == null) return 'adopt';
  return outbox.practiceGroup === current.practiceGroup ? 'same' : 'other';
}

/** Where another connection's outbox waits: one document per connection. */
export function keptOutboxName(owner: OutboxOwner): string {
  const digest = createHash('sha256')
    .update(`${owner.server}\n${String(owner.practiceGroup)}`)
    .digest('hex');
  return `${OUTBOX_DOCUMENT}-kept-${digest.slice(0, 20)}`;
}

/** Moves `current` aside for its own connection and returns the outbox kept for `next`, if any. */
export async function swapOutbox(
  store: SecureStore,
  current: OutboxDocument,
  next: OutboxOwner,
): Promise<OutboxDocument> {
  if (current.owner != null && current.entries.length > 0) {
    await store.write(keptOutboxName(current.owner), current);
  }
  let kept: OutboxDocument | undefined;
  try {
    kept = await store.read(keptOutboxName(next), outboxDocumentSchema);
  } catch {
    // A damaged kept copy is set aside like a damaged outbox: never deleted.
    await store.quarantine(keptOutboxName(next)).catch(() => undefined);
  }
  return kept ? { ...kept, owner: next } : { ...emptyOutbox(), seq: current.seq, owner: next };
}

/** After the restored outbox is durable in its usual place, its kept copy can go. */
export async function dropKeptOutbox(store: SecureStore, owner: OutboxOwner): Promise<void> {
  await store.delete(keptOutboxName(owner)).catch(() => undefined);
}
