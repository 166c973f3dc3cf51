import type { z } from 'zod';
import { systemClock, type Clock } from '../../shared/time/clock';
import {
  assertDocumentName,
  boundNameOf,
  previousNameOf,
  quarantineNameFor,
} from './document-names';
import { IntegrityError, type SecureStore } from './types';

/**
 * The SecureStore for machines whose key store cannot protect a key (Linux `basic_text`, none at
 * all): documents live in this process only and vanish when it exits. Values are kept as JSON text
 * so a caller mutating an object after `write` cannot change what was stored, just as on disk.
 */
export function createMemorySecureStore(options: { clock?: Clock } = {}): SecureStore {
  const clock = options.clock ?? systemClock;
  const documents = new Map<string, string>();

  return {
    read<T>(name: string, schema: z.ZodType<T>): Promise<T | undefined> {
      assertDocumentName(name);
      const text = documents.get(name);
      if (text === undefined) return Promise.resolve(undefined);
      const result = schema.safeParse(JSON.parse(text));
      if (!result.success) {
        return Promise.reject(
          new IntegrityError(`The document “${name}” does not have the expected shape.`),
        );
      }
      return Promise.resolve(result.data);
    },
    write(name: string, value: unknown, options: { keepPrevious?: boolean } = {}): Promise<void> {
      assertDocumentName(name);
      const text = JSON.stringify(value) as string | undefined;
      if (text === undefined) return Promise.reject(new TypeError('Cannot store undefined.'));
      const earlier = documents.get(name);
      if (options.keepPrevious && earlier !== undefined) {
        documents.set(previousNameOf(name), earlier);
      }
      documents.set(name, text);
      return Promise.resolve();
    },
    delete(name: string): Promise<void> {
      assertDocumentName(name);
      documents.delete(name);
      return Promise.resolve();
    },
    quarantine(name: string): Promise<string> {
      assertDocumentName(name);
      const text = documents.get(name);
      if (text === undefined)
        return Promise.reject(new Error(`No document “${name}” to move aside.`));
      let attempt = 0;
      let aside = quarantineNameFor(name, clock.now(), attempt);
      while (documents.has(aside)) aside = quarantineNameFor(name, clock.now(), ++attempt);
      documents.delete(name);
      documents.set(aside, text);
      return Promise.resolve(aside);
    },
    wipe(options: { keep?: string[] } = {}): Promise<void> {
      const keep = new Set(options.keep ?? []);
      for (const name of [...documents.keys()]) {
        if (!keep.has(name) && !keep.has(boundNameOf(name))) documents.delete(name);
      }
      return Promise.resolve();
    },
  };
}
