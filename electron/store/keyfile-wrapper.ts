import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDirSync, FILE_MODE, writeFileAtomicSync } from './atomic-file';
import { unwrapKey, wrapKey } from './key-wrapping';
import { DataKeyError, type KeyWrapper } from './types';

export const keyfileWarning =
  'Development mode: the key that protects patient data is kept in a file next to that data ' +
  '(readable only by your user account). Anyone who can copy this folder can read it. Use the ' +
  'desktop app, which keeps the key in the operating system’s key store, for real patient data.';

const KEK_BYTES = 32;

/**
 * The browser host's KeyWrapper: a random key-encryption key in a 0600 file. It keeps the data
 * unreadable to other accounts and to anyone handed only the documents, not the whole folder;
 * that is why it is labelled development-only rather than treated as weak (`strong` is about
 * whether encryption at rest means anything, and here it protects against the common leaks).
 */
export function createKeyfileWrapper(path: string): KeyWrapper {
  let kek: Buffer | null = null;
  let problem: string | null = null;
  try {
    kek = loadOrCreateKek(path);
  } catch (error) {
    // Not fatal here: the data key cannot be opened, which start-up reports with a way forward.
    problem = error instanceof Error ? error.message : 'The key file could not be read.';
  }
  const usable = (): Buffer => {
    if (kek === null) throw new DataKeyError(problem ?? 'The key file could not be read.');
    return kek;
  };
  return {
    kind: 'keyfile',
    strong: true,
    warning: keyfileWarning,
    wrap: (dataKey) => wrapKey(usable(), dataKey),
    unwrap: (wrapped) => unwrapKey(usable(), wrapped),
  };
}

function loadOrCreateKek(path: string): Buffer {
  let existing: Buffer | null = null;
  try {
    existing = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (existing !== null) {
    // Replacing a damaged key file would make every document unreadable without saying why.
    if (existing.length !== KEK_BYTES) {
      throw new Error(`The key file ${path} is damaged (wrong length); it was left as it is.`);
    }
    chmodSync(path, FILE_MODE);
    return existing;
  }
  ensurePrivateDirSync(dirname(path));
  const kek = randomBytes(KEK_BYTES);
  writeFileAtomicSync(path, kek);
  return kek;
}
