/**
 * How strongly Electron's safeStorage protects the data key on this machine. Linux without a
 * keyring falls back to `basic_text`, a hard-coded key: encryption under it protects nothing, so
 * then no patient data is written to disk at all (the store layer keeps it in memory).
 */
export interface KeyProtection {
  kind: 'safeStorage' | 'none';
  strong: boolean;
  warning: string | null;
}

export function keyProtectionOf(facts: {
  available: boolean;
  platform: NodeJS.Platform;
  /** `safeStorage.getSelectedStorageBackend()` on Linux. */
  linuxBackend?: string;
}): KeyProtection {
  if (!facts.available) {
    return {
      kind: 'none',
      strong: false,
      warning:
        'The operating system’s key store is not available, so Frontdesk keeps patient data and ' +
        'your sign-in in memory only and writes none of it to disk.',
    };
  }
  if (
    facts.platform === 'linux' &&
    (facts.linuxBackend === 'basic_text' || facts.linuxBackend === 'unknown')
  ) {
    return {
      kind: 'safeStorage',
      strong: false,
      warning:
        'No desktop keyring (GNOME Keyring, KWallet) is unlocked, so Frontdesk cannot protect an ' +
        'encryption key on this computer. Patient data and your sign-in stay in memory only: ' +
        'nothing is written to disk, and the schedule is not available offline after a restart.',
    };
  }
  return { kind: 'safeStorage', strong: true, warning: null };
}
