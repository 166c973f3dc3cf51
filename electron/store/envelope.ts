import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { IntegrityError } from './types';

/**
 * The on-disk format of one encrypted document:
 *
 *   "FDSS" | version (1 byte) | IV (12 bytes) | GCM tag (16 bytes) | ciphertext
 *
 * The header and the document's name are authenticated as AAD: a file copied over another
 * document's file (say, an old `tokens` over a new one, or `cache-day` over `outbox`) fails to
 * decrypt instead of being read as the wrong thing.
 */
const MAGIC = Buffer.from('FDSS', 'ascii');
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1;
const MIN_BYTES = HEADER_BYTES + IV_BYTES + TAG_BYTES;
export const DATA_KEY_BYTES = 32;

function aad(header: Buffer, boundName: string): Buffer {
  return Buffer.concat([header, Buffer.from(`\0frontdesk-document\0${boundName}`, 'utf8')]);
}

export function seal(key: Uint8Array, boundName: string, plaintext: Buffer): Buffer {
  const header = Buffer.concat([MAGIC, Buffer.from([VERSION])]);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(header, boundName));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, iv, cipher.getAuthTag(), body]);
}

export function open(key: Uint8Array, boundName: string, sealed: Buffer): Buffer {
  if (sealed.length < MIN_BYTES) {
    throw new IntegrityError(`The document “${boundName}” is truncated.`);
  }
  const header = sealed.subarray(0, HEADER_BYTES);
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new IntegrityError(`The document “${boundName}” is not a Frontdesk encrypted file.`);
  }
  if (header[MAGIC.length] !== VERSION) {
    throw new IntegrityError(
      `The document “${boundName}” has an unknown format version ${String(header[MAGIC.length])}.`,
    );
  }
  const iv = sealed.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
  const tag = sealed.subarray(HEADER_BYTES + IV_BYTES, MIN_BYTES);
  const body = sealed.subarray(MIN_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(header, boundName));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    // GCM says only "unable to authenticate": tampering, a swapped file and a wrong key look alike.
    throw new IntegrityError(
      `The document “${boundName}” failed its integrity check (changed, swapped or corrupt).`,
    );
  }
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}
