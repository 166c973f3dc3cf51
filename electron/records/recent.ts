import type { Clock } from '../../shared/time/clock';

/**
 * A small in-memory memo with an age limit: what a screen fetched a moment ago is reused instead
 * of spending another drchrono call (every workstation shares the practice's hourly quota).
 * Bounded, and cleared on sign-out, so patient data does not linger in main.
 */
export class Recent<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly maxAgeMs: number,
    private readonly maxEntries = 50,
  ) {}

  get(key: K, maxAgeMs = this.maxAgeMs): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.clock.now() - entry.at > maxAgeMs) return undefined;
    return entry.value;
  }

  /** The value however old it is: a fallback when drchrono cannot be reached. */
  stale(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.clock.now() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
