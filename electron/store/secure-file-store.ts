import { open as openFile, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { systemClock, type Clock } from '../../shared/time/clock';
import { ensurePrivateDir, TEMP_SUFFIX, writeFileAtomic } from './atomic-file';
import { loadOrCreateDataKey } from './data-key';
import {
  assertDocumentName,
  boundNameOf,
  DOCUMENT_SUFFIX,
  documentNameOfFile,
  previousNameOf,
  quarantineNameFor,
} from './document-names';
import { open, seal } from './envelope';
import { IntegrityError, type KeyWrapper, type SecureStore } from './types';

export interface SecureStoreOptions {
  /** The folder holding one file per document and the wrapped data key (made 0700). */
  dir: string;
  keyWrapper: KeyWrapper;
  /** Stamps quarantined documents. */
  clock?: Clock;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** One AES-256-GCM file per document; see envelope.ts for the format and atomic-file.ts for durability. */
export function createSecureStore(options: SecureStoreOptions): SecureStore {
  const { dir, keyWrapper } = options;
  const clock = options.clock ?? systemClock;
  let keyPromise: Promise<Buffer> | null = null;
  // Writes to one document are applied in call order; a later write never lands under an earlier one.
  const queues = new Map<string, Promise<unknown>>();

  function dataKey(): Promise<Buffer> {
    keyPromise ??= (async () => {
      await ensurePrivateDir(dir);
      await removeStaleTemps();
      return loadOrCreateDataKey(dir, keyWrapper);
    })();
    // A failed first attempt (say, the folder was briefly unwritable) must not poison every later one.
    keyPromise.catch(() => {
      keyPromise = null;
    });
    return keyPromise;
  }

  function fileOf(name: string): string {
    assertDocumentName(name);
    return join(dir, name + DOCUMENT_SUFFIX);
  }

  function serialize<T>(name: string, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(name) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    queues.set(name, settled);
    void settled.then(() => {
      if (queues.get(name) === settled) queues.delete(name);
    });
    return next;
  }

  async function removeStaleTemps(): Promise<void> {
    // Left by a process killed mid-write; they were never renamed into place, so they hold nothing acknowledged.
    for (const file of await readdir(dir)) {
      if (file.startsWith('.') && file.endsWith(TEMP_SUFFIX)) {
        await unlink(join(dir, file)).catch(() => undefined);
      }
    }
  }

  async function fsyncDir(): Promise<void> {
    const handle = await openFile(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async function read<T>(name: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const file = fileOf(name);
    const key = await dataKey();
    let sealed: Buffer;
    try {
      sealed = await readFile(file);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const plaintext = open(key, boundNameOf(name), sealed);
    let parsed: unknown;
    try {
      parsed = JSON.parse(plaintext.toString('utf8'));
    } catch {
      throw new IntegrityError(`The document “${name}” decrypted but is not valid JSON.`);
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      throw new IntegrityError(`The document “${name}” does not have the expected shape.`);
    }
    return result.data;
  }

  // async: a bad name or value becomes a rejection, like every other failure of these methods.
  async function write(
    name: string,
    value: unknown,
    options: { keepPrevious?: boolean } = {},
  ): Promise<void> {
    const file = fileOf(name);
    const previous = options.keepPrevious ? fileOf(previousNameOf(name)) : undefined;
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) throw new TypeError('Cannot store undefined.');
    return serialize(name, async () => {
      const key = await dataKey();
      await writeFileAtomic(
        file,
        seal(key, boundNameOf(name), Buffer.from(json, 'utf8')),
        previous === undefined ? {} : { previous },
      );
    });
  }

  async function remove(name: string): Promise<void> {
    const file = fileOf(name);
    return serialize(name, async () => {
      try {
        await unlink(file);
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      await fsyncDir();
    });
  }

  async function quarantine(name: string): Promise<string> {
    const file = fileOf(name);
    return serialize(name, async () => {
      await dataKey(); // makes sure the folder exists
      for (let attempt = 0; ; attempt++) {
        const aside = quarantineNameFor(name, clock.now(), attempt);
        const target = join(dir, aside + DOCUMENT_SUFFIX);
        // Never rename over an earlier quarantined copy: each one may be someone's unsent work.
        const exists = await stat(target).then(
          () => true,
          (error: unknown) => !isMissing(error),
        );
        if (exists) continue;
        await rename(file, target);
        await fsyncDir();
        return aside;
      }
    });
  }

  async function wipe(options: { keep?: string[] } = {}): Promise<void> {
    const keep = new Set(options.keep ?? []);
    await dataKey();
    let removed = false;
    for (const file of await readdir(dir)) {
      const name = documentNameOfFile(file);
      // Quarantined copies of a kept document (an outbox) are kept with it.
      if (name === null || keep.has(name) || keep.has(boundNameOf(name))) continue;
      await serialize(name, () => unlink(join(dir, file)).catch(() => undefined));
      removed = true;
    }
    if (removed) await fsyncDir();
  }

  return { read, write, delete: remove, quarantine, wipe };
}
