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
