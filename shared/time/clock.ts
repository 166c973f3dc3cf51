/**
 * Time as a dependency. Every service that waits, backs off, polls or stamps takes a Clock, so the
 * same code runs on the wall clock in the app and on a virtual clock in tests and in the simulated
 * ten-hour day of `npm run bench`.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Resolves after `ms` of this clock's time; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError');
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      function onAbort(): void {
        clearTimeout(timer);
        reject(abortError(signal as AbortSignal));
      }
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

interface Sleeper {
  due: number;
  seq: number;
  resolve: () => void;
}

/**
 * A clock that only moves when told to. `advance` wakes sleepers in due order and lets the
 * microtasks they schedule run before moving on, so chains of awaits behave as they would in
 * real time.
 */
export class VirtualClock implements Clock {
  private current: number;
  private sleepers: Sleeper[] = [];
  private seq = 0;

  constructor(start: number | Date) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const sleeper: Sleeper = {
        due: this.current + Math.max(0, ms),
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(abortError(signal as AbortSignal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sleepers.push(sleeper);
    });
  }

  /** Number of pending sleepers; lets a driver tell "idle" from "waiting". */
  get pending(): number {
    return this.sleepers.length;
  }

  /** Due time of the earliest sleeper, if any. */
  nextDue(): number | undefined {
    let min: number | undefined;
    for (const s of this.sleepers) if (min === undefined || s.due < min) min = s.due;
    return min;
  }

  /** Moves time forward by `ms`, waking every sleeper due on the way, in order. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.current + ms);
  }

  async advanceTo(target: number): Promise<void> {
    for (;;) {
      await flushMicrotasks();
      const next = this.takeNext(target);
      if (!next) break;
      this.current = Math.max(this.current, next.due);
      next.resolve();
    }
    this.current = Math.max(this.current, target);
    await flushMicrotasks();
  }

  private takeNext(limit: number): Sleeper | undefined {
    let best: Sleeper | undefined;
    for (const s of this.sleepers) {
      if (s.due > limit) continue;
      if (!best || s.due < best.due || (s.due === best.due && s.seq < best.seq)) best = s;
    }
    if (best) this.sleepers = this.sleepers.filter((s) => s !== best);
    return best;
  }
}

async function flushMicrotasks(): Promise<void> {
  // A macrotask turn lets promise chains (including ones that do real I/O-free work) settle.
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setTimeout(r, 0));
}
