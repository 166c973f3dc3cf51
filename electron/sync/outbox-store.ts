import type { SecureStore } from '../store/types';
import { DocWriter } from './doc-writer';
import { OUTBOX_DOCUMENT, outboxDocumentSchema, type OutboxDocument } from './outbox-entry';

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
 * because a file looked odd (reliability D24).
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
    return {
      document: emptyOutbox(),
      writable: true,
      problem:
        `The saved outbox could not be read (${reason}). It was kept as "${aside}" and nothing ` +
        'was deleted; edits made from now on are saved in a new outbox.',
    };
  }
}

export function outboxWriter(store: SecureStore, snapshot: () => OutboxDocument): DocWriter {
  return new DocWriter(store, OUTBOX_DOCUMENT, snapshot);
}
