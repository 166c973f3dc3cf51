import { z } from 'zod';
import type { Clock } from '../../shared/time/clock';
import type { PlainStore } from '../store/types';
import type { BudgetSnapshot, CallBudget, Priority } from './types';

const HOUR_MS = 3_600_000;
const STORE_KEY = 'callBudget';
const persistedShape = z.strictObject({
  hourStart: z.number(),
  used: z.int().min(0),
  throttledUntil: z.number().nullable(),
});

export interface CallBudgetOptions {
  /** Not PHI: call counts survive restarts here, so a relaunch does not reset the hour. */
  store: PlainStore;
  clock: Clock;
  /** The practice's quota at drchrono (500 unless raised). */
  hourlyQuota: number;
  /** This workstation's share of it (prefs, default 0.3). */
  share: number;
  maxPerSecond?: number;
  /** Fraction of the cap background work leaves for the desk's own clicks. */
  backgroundReserve?: number;
}

export interface AdjustableCallBudget extends CallBudget {
  setLimits(hourlyQuota: number, share: number): void;
}

/**
 * Hours are UTC hours: drchrono resets "at the top of each hour", and UTC hour boundaries are the
 * top of the hour in every US zone (unlike the local hour in a half-hour zone).
 */
function hourOf(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

export function createCallBudget(options: CallBudgetOptions): AdjustableCallBudget {
  const { store, clock } = options;
  const spacingMs = 1000 / (options.maxPerSecond ?? 10);
  const reserveShare = options.backgroundReserve ?? 0.15;
  let quota = options.hourlyQuota;
  let share = options.share;
  const listeners = new Set<(snapshot: BudgetSnapshot) => void>();
  const saved = store.get(STORE_KEY, persistedShape);
  let state = saved ?? { hourStart: hourOf(clock.now()), used: 0, throttledUntil: null };
  // Turns handed out but not yet recorded: counted against the cap so concurrent callers cannot
  // all slip through under it.
  let granted = 0;
  // The earliest moment the next turn may start; turns are spaced, not bunched, to stay ≤ N/s.
  let nextTurnAt = 0;

  const cap = (): number => Math.floor(quota * share);
  const limitFor = (priority: Priority): number =>
    priority === 'user' ? cap() : Math.floor(cap() * (1 - reserveShare));

  function roll(): void {
    const hour = hourOf(clock.now());
    if (hour === state.hourStart) return;
    state = { hourStart: hour, used: 0, throttledUntil: state.throttledUntil };
    granted = 0;
    persistAndNotify();
  }

  function snapshot(): BudgetSnapshot {
    roll();
    const throttled = state.throttledUntil !== null && state.throttledUntil > clock.now();
    return {
      used: state.used,
      cap: cap(),
      hourStart: state.hourStart,
      throttledUntil: throttled ? state.throttledUntil : null,
    };
  }

  function persistAndNotify(): void {
    store.set(STORE_KEY, state);
    const current = snapshot();
    for (const listener of listeners) listener(current);
  }

  /** Why a call may not go now, as the wait until it could; null when it may. */
  function refusal(priority: Priority): number | null {
    roll();
    const now = clock.now();
    if (state.throttledUntil !== null && state.throttledUntil > now) {
      return state.throttledUntil - now;
    }
    if (state.used + granted >= limitFor(priority)) return state.hourStart + HOUR_MS - now;
    return null;
  }

  async function acquire(
    priority: Priority,
    signal?: AbortSignal,
  ): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
    const early = refusal(priority);
    if (early !== null) return { ok: false, retryAfterMs: early };
    const now = clock.now();
    const turn = Math.max(now, nextTurnAt);
    nextTurnAt = turn + spacingMs;
    if (turn > now) await clock.sleep(turn - now, signal);
    // Things change while waiting: a 429 elsewhere, the cap reached by calls ahead in line.
    const late = refusal(priority);
    if (late !== null) return { ok: false, retryAfterMs: late };
    granted++;
    return { ok: true };
  }

  return {
    acquire,
    record() {
      roll();
      granted = Math.max(0, granted - 1);
      state = { ...state, used: state.used + 1 };
      persistAndNotify();
    },
    throttle(untilMs) {
      if (state.throttledUntil !== null && state.throttledUntil >= untilMs) return;
      state = { ...state, throttledUntil: untilMs };
      persistAndNotify();
    },
    snapshot,
    remainingShare() {
      const { used, cap: limit } = snapshot();
      return limit <= 0 ? 0 : Math.min(1, Math.max(0, (limit - used) / limit));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setLimits(hourlyQuota, newShare) {
      quota = hourlyQuota;
      share = newShare;
      persistAndNotify();
    },
  };
}
