import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file';
import { KEY_FILE } from './document-names';
import { DATA_KEY_BYTES, newDataKey } from './envelope';
import { DataKeyError, type KeyWrapper } from './types';

/**
 * The data key: random, 32 bytes, created on first use and stored only wrapped by the platform's
 * KeyWrapper (safeStorage, a key file). Losing or changing the wrapping key makes the documents
 * unreadable, which is reported as an IntegrityError rather than papered over with a fresh key.
 */
const MAGIC = Buffer.from('FDKW1', 'ascii');

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

export async function loadOrCreateDataKey(dir: string, wrapper: KeyWrapper): Promise<Buffer> {
  const path = join(dir, KEY_FILE);
  let stored: Buffer | null = null;
  try {
    stored = await readFile(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  if (stored === null) {
    const key = newDataKey();
    await writeFileAtomic(path, Buffer.concat([MAGIC, Buffer.from(wrapper.wrap(key))]));
    return key;
  }
  if (!stored.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new DataKeyError('The wrapped data key file is not in a format Frontdesk knows.');
  }
  let key: Uint8Array;
  try {
    key = wrapper.unwrap(stored.subarray(MAGIC.length));
  } catch {
    throw new DataKeyError(
      'The data key could not be unlocked with this computer’s key store; the encrypted files stay as they are.',
    );
  }
  if (key.length !== DATA_KEY_BYTES) {
    throw new DataKeyError('The unwrapped data key has the wrong length.');
  }
  return Buffer.from(key);
}
