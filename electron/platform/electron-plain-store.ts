import { renameSync } from 'node:fs';
import { join } from 'node:path';
import Store from 'electron-store';
import type { PlainStore } from '../store/types';

/**
 * Settings without PHI or secrets (preferences, the call budget) in electron-store, 0600, in the
 * app's data folder. Values are validated on the way out: a hand-edited file cannot crash the app.
 */
export function createElectronPlainStore(dataDir: string): PlainStore {
  const store = new Store<Record<string, unknown>>({
    name: 'settings',
    cwd: dataDir,
    configFileMode: 0o600,
    clearInvalidConfig: false,
  });
  return {
    get(key, schema) {
      const parsed = schema.safeParse(store.get(key));
      return parsed.success ? parsed.data : undefined;
    },
    set(key, value) {
      store.set(key, value);
    },
    delete(key) {
      store.delete(key);
    },
  };
}

/**
 * The settings store, even when its file is damaged: electron-store refuses a file that is not
 * valid JSON, so that file is moved aside (kept) and the defaults are used. `keptAs` names it.
 */
export function openElectronPlainStore(dataDir: string): {
  store: PlainStore;
  keptAs: string | null;
} {
  try {
    return { store: createElectronPlainStore(dataDir), keptAs: null };
  } catch {
    const file = join(dataDir, 'settings.json');
    const keptAs = `settings.json.corrupt-${String(Date.now())}`;
    renameSync(file, join(dataDir, keptAs));
    return { store: createElectronPlainStore(dataDir), keptAs };
  }
}
