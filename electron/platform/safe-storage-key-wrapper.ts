import { safeStorage } from 'electron';
import type { KeyWrapper } from '../store/types';
import { keyProtectionOf } from './key-protection';

/**
 * The data key wrapped by the OS key store (Keychain, DPAPI, libsecret/KWallet). Call after the
 * app is ready. When the store is weak (`basic_text`) or absent, `strong` is false and the store
 * layer keeps patient data in memory only; `warning` says so in `app:info`.
 */
// The KeyWrapper seam is synchronous (the key is wrapped once, unwrapped once per start), so this
// uses safeStorage's synchronous calls, deprecated in Electron 45 in favour of the async ones.
/* eslint-disable @typescript-eslint/no-deprecated -- see above; move with the KeyWrapper seam */
export function createSafeStorageKeyWrapper(): KeyWrapper {
  const available = safeStorage.isEncryptionAvailable();
  const protection = keyProtectionOf({
    available,
    platform: process.platform,
    ...(process.platform === 'linux' && available
      ? { linuxBackend: safeStorage.getSelectedStorageBackend() }
      : {}),
  });
  return {
    kind: protection.kind,
    strong: protection.strong,
    warning: protection.warning,
    wrap: (dataKey) => safeStorage.encryptString(Buffer.from(dataKey).toString('base64')),
    unwrap: (wrapped) => Buffer.from(safeStorage.decryptString(Buffer.from(wrapped)), 'base64'),
  };
}
/* eslint-enable @typescript-eslint/no-deprecated */
