import type { z } from 'zod';

/**
 * Persistence seams. PHI and tokens live only in `SecureStore` documents (AES-256-GCM under a random
 * data key that a `KeyWrapper` protects); `PlainStore` holds settings with no PHI and no secrets.
 */

export interface KeyWrapper {
  /** `safeStorage` in the desktop app; `keyfile` (0600) in the browser host; `none` when unusable. */
  readonly kind: 'safeStorage' | 'keyfile' | 'none';
  /** False for Linux's `basic_text` backend or a missing keystore: keep no PHI on disk then. */
  readonly strong: boolean;
  /** Shown to the user when the protection is weak or absent. */
  readonly warning: string | null;
  wrap(dataKey: Uint8Array): Uint8Array;
  unwrap(wrapped: Uint8Array): Uint8Array;
}

export class IntegrityError extends Error {
  override readonly name: string = 'IntegrityError';
}

/**
 * The data key itself could not be opened (its wrapped copy or the key that wraps it is damaged or
 * gone): no document can be read. Start-up then offers to start fresh, keeping the files aside.
 */
export class DataKeyError extends IntegrityError {
  override readonly name = 'DataKeyError';
}

export interface SecureStore {
  /** undefined when absent; throws IntegrityError when the file was tampered with or is corrupt. */
  read<T>(name: string, schema: z.ZodType<T>): Promise<T | undefined>;
  /**
   * Atomic (temp file, fsync, rename), file mode 0600, folder 0700. Resolves once durable. With
   * `keepPrevious`, the copy it replaces stays readable as `previousNameOf(name)` (the outbox: one
   * damaged file then costs at most the latest change).
   */
  write(name: string, value: unknown, options?: { keepPrevious?: boolean }): Promise<void>;
  delete(name: string): Promise<void>;
  /** Moves a document aside (e.g. a corrupt outbox) instead of deleting it; returns the new name. */
  quarantine(name: string): Promise<string>;
  /** Deletes every document (sign-out); the wrapped key stays. */
  wipe(options?: { keep?: string[] }): Promise<void>;
}

export interface PlainStore {
  get<T>(key: string, schema: z.ZodType<T>): T | undefined;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}
