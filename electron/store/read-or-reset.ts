import type { z } from 'zod';
import { DataKeyError, IntegrityError, type SecureStore } from './types';

/**
 * Reads a small document that start-up can live without (connection settings, the lock PIN).
 * When it fails its check, it is moved aside (kept, never deleted), `onReset` is told what was
 * kept, and the caller goes on as if it had never been saved: a damaged file must not stop the
 * app from starting. A damaged data key is not this: it is passed on.
 */
export async function readOrReset<T>(
  store: SecureStore,
  name: string,
  schema: z.ZodType<T>,
  onReset: (keptAs: string) => void,
): Promise<T | undefined> {
  try {
    return await store.read(name, schema);
  } catch (error) {
    if (!(error instanceof IntegrityError) || error instanceof DataKeyError) throw error;
    const keptAs = await store.quarantine(name).catch(() => name);
    onReset(keptAs);
    return undefined;
  }
}
