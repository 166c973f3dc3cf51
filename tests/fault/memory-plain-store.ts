import type { z } from 'zod';
import type { PlainStore } from '../../electron/store/types';

/** Call counts in memory: the fault child's budget does not need to survive a SIGKILL. */
export function memoryPlainStore(): PlainStore {
  const values = new Map<string, unknown>();
  return {
    get<T>(key: string, schema: z.ZodType<T>): T | undefined {
      const parsed = schema.safeParse(values.get(key));
      return parsed.success ? parsed.data : undefined;
    },
    set(key, value) {
      values.set(key, structuredClone(value));
    },
    delete(key) {
      values.delete(key);
    },
  };
}
