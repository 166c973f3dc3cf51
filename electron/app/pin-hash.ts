import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The unlock PIN is short, so it is stored only as a slow, salted scrypt hash (inside the
 * encrypted SecureStore as well), and compared in constant time.
 */

export const pinRecordSchema = z.strictObject({
  algorithm: z.literal('scrypt'),
  salt: z.string(),
  hash: z.string(),
  N: z.int(),
  r: z.int(),
  p: z.int(),
});
export type PinRecord = z.infer<typeof pinRecordSchema>;

const params = { N: 2 ** 15, r: 8, p: 1 } as const;
const keyLength = 32;

function derive(
  pin: string,
  salt: Buffer,
  cost: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      pin.normalize('NFKC'),
      salt,
      keyLength,
      { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 },
      (error, key) => {
        if (error) reject(error);
        else resolve(key);
      },
    );
  });
}

export async function hashPin(pin: string): Promise<PinRecord> {
  const salt = randomBytes(16);
  const hash = await derive(pin, salt, params);
  return {
    algorithm: 'scrypt',
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
    ...params,
  };
}

export async function verifyPin(pin: string, record: PinRecord): Promise<boolean> {
  const expected = Buffer.from(record.hash, 'base64');
  const actual = await derive(pin, Buffer.from(record.salt, 'base64'), record);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
