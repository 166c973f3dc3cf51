import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJsonFileStore, createPrefsService, defaultPrefs } from '../../electron/store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'frontdesk-plain-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('JSON settings file', () => {
  it('persists across instances, validates on read, 0600 in a 0700 folder', async () => {
    const path = join(dir, 'settings', 'settings.json');
    const store = createJsonFileStore(path);
    store.set('budget', { used: 3 });
    store.set('other', 'x');
    store.delete('other');
    const again = createJsonFileStore(path);
    expect(again.get('budget', z.object({ used: z.int() }))).toEqual({ used: 3 });
    expect(again.get('budget', z.object({ used: z.string() }))).toBeUndefined();
    expect(again.get('other', z.string())).toBeUndefined();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'settings'))).mode & 0o777).toBe(0o700);
  });

  it('keeps a damaged file aside instead of erasing it', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, '{"prefs": ');
    const store = createJsonFileStore(path);
    expect(store.get('prefs', z.unknown())).toBeUndefined();
    const aside = (await readdir(dir)).find((f) => f.startsWith('settings.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(dir, aside!), 'utf8')).toBe('{"prefs": ');
  });

  it('treats a "__proto__" key as data', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, '{"__proto__": {"polluted": true}, "a": 1}');
    const store = createJsonFileStore(path);
    expect(store.get('a', z.int())).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('preferences', () => {
  it('starts from the documented defaults', () => {
    const prefs = createPrefsService(createJsonFileStore(join(dir, 's.json'))).get();
    expect(prefs).toEqual(defaultPrefs);
    expect(prefs.calendar.view).toBe('rooms');
    expect(prefs.calendar.slotMinutes).toBe(15);
    expect(prefs.cache).toEqual({ daysBefore: 1, daysAfter: 7 });
    expect(prefs.lock.idleMinutes).toBe(10);
    expect(prefs.budget).toEqual({ hourlyQuota: 500, share: 0.3 });
  });

  it('merges patches, persists them, tells listeners, and refuses invalid values', () => {
    const path = join(dir, 's.json');
    const service = createPrefsService(createJsonFileStore(path));
    const seen: number[] = [];
    service.onChange((p) => seen.push(p.budget.hourlyQuota));
    service.set({ budget: { hourlyQuota: 1000 }, calendar: { slotMinutes: 10 } });
    expect(() => service.set({ calendar: { slotMinutes: 1 } })).toThrow();
    const reloaded = createPrefsService(createJsonFileStore(path)).get();
    expect(reloaded.budget).toEqual({ hourlyQuota: 1000, share: 0.3 });
    expect(reloaded.calendar.slotMinutes).toBe(10);
    expect(reloaded.calendar.view).toBe('rooms');
    expect(seen).toEqual([1000]);
  });

  it('falls back per section when a stored section is out of range or incomplete', () => {
    const plain = createJsonFileStore(join(dir, 's.json'));
    plain.set('prefs', { lock: { idleMinutes: 100_000 }, cache: { daysAfter: 3 }, junk: 1 });
    const prefs = createPrefsService(plain).get();
    expect(prefs.lock).toEqual(defaultPrefs.lock);
    expect(prefs.cache).toEqual({ daysBefore: 1, daysAfter: 3 });
  });
});
