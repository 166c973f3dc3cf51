import type { Clock } from '../../shared/time/clock';

/** How long a day's paperwork (eligibility, reminders, balances) is served without a call. */
export const dayFreshMs = 10 * 60_000;
/** A fetch older than this is redone when it lacks what was asked for, or after `touch`. */
export const touchedRefetchMs = 30_000;

/**
 * Per-day answers kept in main: a screen or card that asks again within `dayFreshMs` costs no
 * call. After `touch` (what the answer is made of changed), or when the answer lacks what was
 * asked for, the next ask refetches, but not more often than every `touchedRefetchMs`. Bounded and
 * cleared on sign-out (it holds PHI).
 */
export class DayMemo<V extends { fetchedAt: number }> {
  private readonly entries = new Map<string, V>();
  private readonly touched = new Map<string, number>();
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly clock: Clock,
    private readonly maxEntries = 31,
  ) {}

  /** The cached value when it may be served as is. */
  fresh(date: string, has: (value: V) => boolean = () => true): V | undefined {
    const entry = this.entries.get(date);
    if (!entry) return undefined;
    const age = this.clock.now() - entry.fetchedAt;
    if (age > dayFreshMs) return undefined;
    if (age > touchedRefetchMs && !has(entry)) return undefined;
    const touchedAt = this.touched.get(date);
    if (touchedAt !== undefined && touchedAt >= entry.fetchedAt && age > touchedRefetchMs)
      return undefined;
    return entry;
  }

  stale(date: string): V | undefined {
    return this.entries.get(date);
  }

  set(date: string, value: V): void {
    this.entries.delete(date);
    this.entries.set(date, value);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  touch(date: string): void {
    this.touched.set(date, this.clock.now());
  }

  /** One fetch per day at a time: a card and a screen asking together share the call. */
  once<T>(date: string, fetch: () => Promise<T>): Promise<T> {
    const running = this.inflight.get(date) as Promise<T> | undefined;
    if (running) return running;
    const started = fetch().finally(() => {
      this.inflight.delete(date);
    });
    this.inflight.set(date, started);
    return started;
  }

  touchAll(): void {
    for (const date of this.entries.keys()) this.touch(date);
  }

  clear(): void {
    this.entries.clear();
    this.touched.clear();
  }
}
