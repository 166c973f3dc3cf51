import { chmodSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { ensurePrivateDirSync, FILE_MODE, writeFileAtomicSync } from './atomic-file';
import type { PlainStore } from './types';

/**
 * Settings without PHI or secrets (preferences, the call budget) in one JSON file, for the browser
 * host and tests; the desktop app uses electron-store behind the same interface. Synchronous like
 * electron-store: values are small and every `set` is durable when it returns.
 */
export function createJsonFileStore(
  path: string,
  options: { onReset?: (keptAs: string) => void } = {},
): PlainStore {
  ensurePrivateDirSync(dirname(path));
  const values = load(path, options.onReset);

  function persist(): void {
    writeFileAtomicSync(path, Buffer.from(JSON.stringify(values, null, 2), 'utf8'));
  }

  return {
    get<T>(key: string, schema: z.ZodType<T>): T | undefined {
      if (!Object.hasOwn(values, key)) return undefined;
      const result = schema.safeParse(values[key]);
      return result.success ? result.data : undefined;
    },
    set(key: string, value: unknown): void {
      const text = JSON.stringify(value) as string | undefined;
      if (text === undefined) throw new TypeError('Cannot store undefined.');
      values[key] = JSON.parse(text) as unknown;
      persist();
    },
    delete(key: string): void {
      if (!Object.hasOwn(values, key)) return;
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a string-keyed map by design
      delete values[key];
      persist();
    },
  };
}

function load(path: string, onReset?: (keptAs: string) => void): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return Object.create(null) as Record<string, unknown>;
    throw error;
  }
  chmodSync(path, FILE_MODE);
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      // A null prototype: a stored "__proto__" key is data, not a prototype switch.
      return Object.assign(Object.create(null) as Record<string, unknown>, parsed);
    }
  } catch {
    // fall through: unreadable
  }
  // Settings are recreated from defaults, but the damaged file is kept aside for a look, not erased.
  const aside = `${path}.corrupt-${String(Date.now())}`;
  renameSync(path, aside);
  onReset?.(aside);
  return Object.create(null) as Record<string, unknown>;
}
