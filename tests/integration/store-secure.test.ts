import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VirtualClock } from '../../shared/time/clock';
import {
  chooseSecureStore,
  createKeyfileWrapper,
  createMemorySecureStore,
  createSecureStore,
  createTestKeyWrapper,
  IntegrityError,
  memoryOnlyReason,
} from '../../electron/store';

const record = z.looseObject({ name: z.string(), note: z.string() });
const canaries = ['CANARY-Marisol-Quispe-7f3a', 'CANARY-555-0142-allergy-penicillin'];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'frontdesk-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rawBytesOfAllFiles(folder: string): Promise<Buffer> {
  const files = await readdir(folder);
  return Buffer.concat(await Promise.all(files.map((f) => readFile(join(folder, f)))));
}

describe('encrypted document store', () => {
  it('round-trips documents and never writes the plaintext', async () => {
    const store = createSecureStore({ dir: join(dir, 'data'), keyWrapper: createTestKeyWrapper() });
    await store.write('patients', { name: canaries[0], note: canaries[1] });
    await store.write('tokens', { name: 'x', note: canaries[1] });
    expect(await store.read('patients', record)).toEqual({ name: canaries[0], note: canaries[1] });
    expect(await store.read('absent', record)).toBeUndefined();

    const raw = await rawBytesOfAllFiles(join(dir, 'data'));
    const found = canaries.filter(
      (c) => raw.includes(Buffer.from(c, 'utf8')) || raw.includes(Buffer.from(c, 'utf16le')),
    );
    console.log(
      `[figure] canaries found in raw store files: ${found.length} of ${canaries.length}`,
    );
    expect(found).toEqual([]);
  });

  it('reads again after a restart with the same key wrapper, not with another', async () => {
    const wrapper = createTestKeyWrapper();
    await createSecureStore({ dir, keyWrapper: wrapper }).write('tokens', { name: 'a', note: 'b' });
    const again = createSecureStore({
      dir,
      keyWrapper: createTestKeyWrapper({ kek: wrapper.kek }),
    });
    expect(await again.read('tokens', record)).toEqual({ name: 'a', note: 'b' });
    const stranger = createSecureStore({ dir, keyWrapper: createTestKeyWrapper() });
    await expect(stranger.read('tokens', record)).rejects.toBeInstanceOf(IntegrityError);
  });

  it('detects any flipped byte as an IntegrityError, never as an empty document', async () => {
    const store = createSecureStore({ dir, keyWrapper: createTestKeyWrapper() });
    await store.write('outbox', { name: 'edit', note: 'move 09:30 to Exam 2' });
    const file = join(dir, 'outbox.fdx');
    const original = await readFile(file);
    let detected = 0;
    for (let i = 0; i < original.length; i++) {
      const copy = Buffer.from(original);
      copy[i] = (copy[i] ?? 0) ^ 0x01;
      await writeFile(file, copy);
      try {
        await store.read('outbox', record);
      } catch (error) {
        if (error instanceof IntegrityError) detected++;
      }
    }
    console.log(`[figure] flipped bytes detected: ${detected} of ${original.length}`);
    expect(detected).toBe(original.length);
    await writeFile(file, original.subarray(0, 20));
    await expect(store.read('outbox', record)).rejects.toBeInstanceOf(IntegrityError);
  });

  it('refuses a document file copied over another one', async () => {
    const store = createSecureStore({ dir, keyWrapper: createTestKeyWrapper() });
    await store.write('tokens', { name: 'tokens', note: 'new' });
    await store.write('cache-day', { name: 'cache', note: 'day' });
    await writeFile(join(dir, 'tokens.fdx'), await readFile(join(dir, 'cache-day.fdx')));
    await expect(store.read('tokens', record)).rejects.toBeInstanceOf(IntegrityError);
  });

  it('reports a document of the wrong shape instead of returning it', async () => {
    const store = createSecureStore({ dir, keyWrapper: createTestKeyWrapper() });
    await store.write('prefs', { unexpected: true });
    await expect(store.read('prefs', record)).rejects.toBeInstanceOf(IntegrityError);
  });

  it('keeps folders 0700 and files 0600', async () => {
    const data = join(dir, 'nested', 'data');
    const store = createSecureStore({ dir: data, keyWrapper: createTestKeyWrapper() });
    await store.write('tokens', { name: 'a', note: 'b' });
    expect((await stat(data)).mode & 0o777).toBe(0o700);
    for (const file of await readdir(data)) {
      expect({ file, mode: (await stat(join(data, file))).mode & 0o777 }).toEqual({
        file,
        mode: 0o600,
      });
    }
    const keyfile = join(dir, 'keys', 'browser-host.key');
    createKeyfileWrapper(keyfile);
    expect((await stat(keyfile)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'keys'))).mode & 0o777).toBe(0o700);
  });

  it('rejects names that could leave the folder', async () => {
    const store = createSecureStore({ dir, keyWrapper: createTestKeyWrapper() });
    for (const bad of ['../escape', 'a/b', '', '.hidden', 'UPPER', 'x\0y', 'tokens.fdx']) {
      await expect(store.write(bad, {})).rejects.toBeInstanceOf(TypeError);
    }
  });

  it('quarantines aside (still readable) and wipes all but what is kept', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 10, 22, 14, 5, 0));
    const store = createSecureStore({ dir, keyWrapper: createTestKeyWrapper(), clock });
    await store.write('outbox', { name: 'o', note: '1' });
    const aside = await store.quarantine('outbox');
    expect(aside).toBe('outbox.quarantined-20261122T140500000Z');
    expect(await store.read('outbox', record)).toBeUndefined();
    expect(await store.read(aside, record)).toEqual({ name: 'o', note: '1' });
    await store.write('outbox', { name: 'o', note: '2' });
    expect(await store.quarantine('outbox')).toBe('outbox.quarantined-20261122T140500000Z-1');

    await store.write('tokens', { name: 't', note: 't' });
    await store.write('cache-day', { name: 'c', note: 'c' });
    await store.wipe({ keep: ['outbox'] });
    expect(await store.read('tokens', record)).toBeUndefined();
    expect(await store.read('cache-day', record)).toBeUndefined();
    expect(await store.read(aside, record)).toEqual({ name: 'o', note: '1' });
    expect((await readdir(dir)).sort()).toEqual([
      'data-key.wrapped',
      'outbox.quarantined-20261122T140500000Z-1.fdx',
      'outbox.quarantined-20261122T140500000Z.fdx',
    ]);
  });

  it('applies concurrent writes to one document in call order', async () => {
    const store = createSecureStore({ dir, keyWrapper: createTestKeyWrapper() });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.write('outbox', { name: 'n', note: String(i) })),
    );
    expect(await store.read('outbox', record)).toEqual({ name: 'n', note: '19' });
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('where PHI may go', () => {
  it('keeps PHI in memory when the key store is basic_text, and says why', async () => {
    const choice = chooseSecureStore({
      dir,
      keyWrapper: createTestKeyWrapper({ strong: false }),
    });
    expect(choice.storage).toEqual({
      keyProtection: 'safeStorage',
      phiOnDisk: false,
      warning: memoryOnlyReason,
    });
    await choice.store.write('patients', { name: canaries[0], note: 'x' });
    expect(await choice.store.read('patients', record)).toEqual({ name: canaries[0], note: 'x' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('uses encrypted files with a strong wrapper and passes on the key file warning', () => {
    const strong = chooseSecureStore({ dir, keyWrapper: createTestKeyWrapper() });
    expect(strong.storage).toEqual({
      keyProtection: 'safeStorage',
      phiOnDisk: true,
      warning: null,
    });
    const keyfile = chooseSecureStore({
      dir,
      keyWrapper: createKeyfileWrapper(join(dir, 'k', 'key')),
    });
    expect(keyfile.storage.keyProtection).toBe('keyfile');
    expect(keyfile.storage.warning).toMatch(/file next to that data/);
  });

  it('memory store behaves like the file store', async () => {
    const store = createMemorySecureStore({ clock: new VirtualClock(0) });
    const value = { name: 'a', note: 'b' };
    await store.write('outbox', value);
    value.note = 'mutated after write';
    expect(await store.read('outbox', record)).toEqual({ name: 'a', note: 'b' });
    const aside = await store.quarantine('outbox');
    expect(await store.read(aside, record)).toEqual({ name: 'a', note: 'b' });
    await store.write('tokens', value);
    await store.wipe({ keep: ['outbox'] });
    expect(await store.read('tokens', record)).toBeUndefined();
    expect(await store.read(aside, record)).toBeDefined();
  });
});
