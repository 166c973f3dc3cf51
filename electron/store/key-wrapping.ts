import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM key wrapping: authenticated, so a wrong or damaged key-encryption key is detected
 * instead of yielding a wrong data key. (AES-KW would do as well; GCM needs no extra cipher name.)
 *
 *   version (1 byte) | IV (12) | tag (16) | wrapped key
 */
const VERSION = 1;
const AAD = Buffer.from('frontdesk data key', 'utf8');

export function wrapKey(kek: Uint8Array, dataKey: Uint8Array): Uint8Array {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: 16 });
  cipher.setAAD(AAD);
  const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function unwrapKey(kek: Uint8Array, wrapped: Uint8Array): Uint8Array {
  const bytes = Buffer.from(wrapped);
  if (bytes.length < 29 || bytes[0] !== VERSION) throw new Error('Unknown wrapped-key format.');
  const decipher = createDecipheriv('aes-256-gcm', kek, bytes.subarray(1, 13), {
    authTagLength: 16,
  });
  decipher.setAAD(AAD);
  decipher.setAuthTag(bytes.subarray(13, 29));
  return Buffer.concat([decipher.update(bytes.subarray(29)), decipher.final()]);
}
