import type { AppInfo } from '../../shared/contract';
import type { Clock } from '../../shared/time/clock';
import { createMemorySecureStore } from './memory-secure-store';
import { createSecureStore } from './secure-file-store';
import type { KeyWrapper, SecureStore } from './types';

export interface SecureStoreChoice {
  store: SecureStore;
  /** Exactly what `app:info` reports; `warning` is shown to the user as is. */
  storage: AppInfo['storage'];
}

export const memoryOnlyReason =
  'This computer has no secure key store Frontdesk can use (on Linux: no unlocked keyring such as ' +
  'GNOME Keyring or KWallet), so patient data and your drchrono sign-in are kept in memory only. ' +
  'Nothing is written to disk: the schedule is not available offline after a restart, and you sign ' +
  'in again each time Frontdesk starts.';

/**
 * The policy for data at rest: encrypted files only when the wrapping key is really protected.
 * A key the OS stores in plain text (`basic_text`) protects nothing, and PHI encrypted under it is
 * PHI on disk, so then nothing goes to disk at all.
 */
export function chooseSecureStore(options: {
  dir: string;
  keyWrapper: KeyWrapper;
  clock?: Clock;
}): SecureStoreChoice {
  const { keyWrapper } = options;
  if (!keyWrapper.strong || keyWrapper.kind === 'none') {
    return {
      store: createMemorySecureStore(options.clock ? { clock: options.clock } : {}),
      storage: { keyProtection: keyWrapper.kind, phiOnDisk: false, warning: memoryOnlyReason },
    };
  }
  return {
    store: createSecureStore(options),
    storage: { keyProtection: keyWrapper.kind, phiOnDisk: true, warning: keyWrapper.warning },
  };
}
