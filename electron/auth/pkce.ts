import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type RandomBytes = (size: number) => Uint8Array;
export const defaultRandom: RandomBytes = (size) => randomBytes(size);

/** 32 random bytes, base64url: 256 bits for `state` and the PKCE verifier (RFC 7636 wants ≥ 43 chars). */
export function randomToken(random: RandomBytes = defaultRandom): string {
  return Buffer.from(random(32)).toString('base64url');
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/**
 * Constant-time comparison of two secrets of any length: both are hashed first, so
 * `timingSafeEqual` always sees equal-length buffers and the length itself leaks nothing.
 */
export function sameSecret(received: string, expected: string): boolean {
  const a = createHash('sha256').update(received, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
