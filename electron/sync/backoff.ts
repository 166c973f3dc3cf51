export interface BackoffOptions {
  /** First delay (ms). */
  baseMs: number;
  /** Ceiling (ms): an edit is retried at least this often while the network is up. */
  maxMs: number;
  /** 0..1, injectable so tests are deterministic. */
  random: () => number;
}

export const defaultBackoff: Omit<BackoffOptions, 'random'> = { baseMs: 2_000, maxMs: 300_000 };

/**
 * "Equal jitter": half the exponential delay fixed, half random. Retries from several
 * workstations spread out, and no retry ever comes back almost at once (full jitter can).
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.round(exp / 2 + options.random() * (exp / 2));
}

/** A small seeded PRNG (mulberry32) for deterministic jitter in tests and benchmarks. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
