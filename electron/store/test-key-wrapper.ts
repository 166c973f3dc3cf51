import { randomBytes } from 'node:crypto';
import { unwrapKey, wrapKey } from './key-wrapping';
import type { KeyWrapper } from './types';

/**
 * A KeyWrapper for tests and tools: the key-encryption key lives in memory (pass `kek` to share
 * it between store instances, e.g. across a simulated restart). `strong: false` stands in for
 * Electron's `basic_text` backend.
 */
export function createTestKeyWrapper(
  options: { strong?: boolean; kind?: KeyWrapper['kind']; kek?: Uint8Array } = {},
): KeyWrapper & { readonly kek: Uint8Array } {
  const kek = options.kek ?? randomBytes(32);
  const strong = options.strong ?? true;
  return {
    kind: options.kind ?? 'safeStorage',
    strong,
    warning: strong ? null : 'Test wrapper standing in for an unprotected key store.',
    kek,
    wrap: (dataKey) => wrapKey(kek, dataKey),
    unwrap: (wrapped) => unwrapKey(kek, wrapped),
  };
}
