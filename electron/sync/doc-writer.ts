import type { SecureStore } from '../store/types';

/**
 * Writes one SecureStore document from a snapshot function, one write at a time. Calls made while
 * a write is running share the next write, which takes a fresh snapshot when it starts: each
 * `save()` resolves only once a write that began after it was called is durable, so a caller can
 * acknowledge its change, and a burst of changes costs two writes, not one per change.
 */
export class DocWriter {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    private readonly store: SecureStore,
    private readonly name: string,
    private readonly snapshot: () => unknown,
    /** Keep the generation each write replaces (see `SecureStore.write`). */
    private readonly options: { keepPrevious?: boolean } = {},
  ) {}

  save(): Promise<void> {
    if (this.queued) return this.queued;
    const before = this.running ?? Promise.resolve();
    const next = before
      .catch(() => undefined)
      .then(async () => {
        this.queued = null;
        this.running = next;
        try {
          await this.store.write(
            this.name,
            this.snapshot(),
            this.options.keepPrevious ? { keepPrevious: true } : undefined,
          );
        } finally {
          if (this.running === next) this.running = null;
        }
      });
    this.queued = next;
    return next;
  }

  /** Resolves once nothing is being written (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running ?? this.queued) {
      await (this.queued ?? this.running)?.catch(() => undefined);
    }
  }
}
