import type { z } from 'zod';
import { IntegrityError, type SecureStore } from '../../store/types';

/**
 * A `SecureStore` in memory for unit tests: documents are kept as JSON text (so a test can
 * corrupt one), writes are counted, and a write can be made to fail.
 */
export class FakeSecureStore implements SecureStore {
  readonly docs = new Map<string, string>();
  writes = 0;
  failWrites = false;

  read<T>(name: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const text = this.docs.get(name);
    if (text === undefined) return Promise.resolve(undefined);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return Promise.reject(new IntegrityError(`${name} is corrupt`));
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) return Promise.reject(new IntegrityError(`${name} does not parse`));
    return Promise.resolve(parsed.data);
  }

  write(name: string, value: unknown): Promise<void> {
    if (this.failWrites) return Promise.reject(new Error('disk full'));
    this.writes += 1;
    this.docs.set(name, JSON.stringify(value));
    return Promise.resolve();
  }

  delete(name: string): Promise<void> {
    this.docs.delete(name);
    return Promise.resolve();
  }

  quarantine(name: string): Promise<string> {
    const text = this.docs.get(name);
    const aside = `${name}.corrupt-${String(this.docs.size)}`;
    if (text !== undefined) this.docs.set(aside, text);
    this.docs.delete(name);
    return Promise.resolve(aside);
  }

  wipe(options?: { keep?: string[] }): Promise<void> {
    for (const name of [...this.docs.keys()]) {
      if (!options?.keep?.includes(name)) this.docs.delete(name);
    }
    return Promise.resolve();
  }
}
