import type { IsoDate } from '../../shared/time/practice-time';
import type { BudgetSnapshot } from '../drchrono/types';

export interface PollPolicyOptions {
  /** Input or a view change within this long: the desk is in use. */
  activeWindowMs: number;
  /** Poll interval while in use and others are changing things. */
  activeMs: number;
  /** …and while in use but nothing has changed for `quietAfterMs`. */
  activeQuietMs: number;
  quietAfterMs: number;
  /** Not in use for less than `idleWindowMs`: someone may look up any moment. */
  idleMs: number;
  idleWindowMs: number;
  /** Longer idle (lunch, after hours, locked): near zero. */
  awayMs: number;
  /** Share of the calls left this hour that background polling may plan to use. */
  pollShare: number;
  /** Below this share of the cap left, background polling waits for the next hour. */
  reserveShare: number;
  /**
   * A day fetched whole longer ago than this is due for reconciliation: `since` may never report
   * a deletion, and only a `date_range` answer says what is gone.
   */
  reconcileEveryMs: number;
  /** Below this share of the cap left, a reconciliation refetches today only. */
  reconcileExtraShare: number;
}

/**
 * Tuned on the simulated day (`npm run bench`): polling every 45 s while someone works the desk,
 * 5 min for half an hour after, then 20 min; the first input after a pause polls at once, so what
 * the desk looks at when it comes back is fresh.
 */
export const defaultPollPolicy: PollPolicyOptions = {
  activeWindowMs: 3 * 60_000,
  activeMs: 45_000,
  activeQuietMs: 55_000,
  quietAfterMs: 10 * 60_000,
  idleMs: 5 * 60_000,
  idleWindowMs: 30 * 60_000,
  awayMs: 20 * 60_000,
  pollShare: 0.6,
  reserveShare: 0.15,
  reconcileEveryMs: 60_000,
  reconcileExtraShare: 0.3,
};

export interface PollInput {
  now: number;
  lastActivityAt: number | null;
  lastChangeAt: number | null;
  /** The idle lock is on: nobody is looking. */
  locked: boolean;
  budget: BudgetSnapshot;
}

export type DeskMode = 'active' | 'idle' | 'away';

export function deskMode(
  input: Pick<PollInput, 'now' | 'lastActivityAt' | 'locked'>,
  options = defaultPollPolicy,
): DeskMode {
  if (input.locked || input.lastActivityAt === null) return 'away';
  const idleFor = input.now - input.lastActivityAt;
  if (idleFor <= options.activeWindowMs) return 'active';
  return idleFor <= options.idleWindowMs ? 'idle' : 'away';
}

/**
 * How long to wait before the next background `since` poll. Two things set it:
 * - activity: others' changes should show within about a minute while someone is at the desk
 *   (30–45 s), within a few minutes shortly after, and polling nearly stops when nobody is there;
 * - the budget: every workstation draws on the practice's one hourly quota, so polls are paced
 *   to use at most `pollShare` of what is left this hour, stop before the reserve kept for the
 *   desk's own clicks, and never run while drchrono has asked us to wait (a 429).
 */
export function pollDelay(
  input: PollInput,
  options: PollPolicyOptions = defaultPollPolicy,
): number {
  const mode = deskMode(input, options);
  let delay: number;
  if (mode === 'active') {
    const quiet =
      input.lastChangeAt === null || input.now - input.lastChangeAt > options.quietAfterMs;
    delay = quiet ? options.activeQuietMs : options.activeMs;
  } else {
    delay = mode === 'idle' ? options.idleMs : options.awayMs;
  }
  const { budget } = input;
  const hourLeftMs = Math.max(1_000, budget.hourStart + 3_600_000 - input.now);
  const callsLeft = budget.cap - budget.used;
  if (callsLeft <= budget.cap * options.reserveShare) {
    delay = Math.max(delay, hourLeftMs + 1_000);
  } else {
    delay = Math.max(
      delay,
      hourLeftMs / ((callsLeft - budget.cap * options.reserveShare) * options.pollShare),
    );
  }
  if (budget.throttledUntil !== null)
    delay = Math.max(delay, budget.throttledUntil - input.now + 1_000);
  return Math.round(delay);
}

/** Offline: probe gently, further apart each time (5 s, 10 s, 20 s, 40 s, then every minute). */
export function probeDelay(attempt: number): number {
  return Math.min(60_000, 5_000 * 2 ** Math.min(10, attempt));
}

export interface ReconcileInput {
  now: number;
  today: IsoDate;
  /** The days the desk shows (the watched range). */
  onScreen: readonly IsoDate[];
  /** Whether a day is loaded (only loaded days are reconciled: loading is the book's job). */
  loaded: (date: IsoDate) => boolean;
  /** When a day was last fetched whole (`date_range`), or null. */
  fetchedAt: (date: IsoDate) => number | null;
  /** 0..1 of this hour's cap still free. */
  budgetLeft: number;
}

/**
 * The days a reconciliation turn refetches whole (`date_range`), today first: nothing until today
 * is due (a turn replaces a `since` poll, and one without today would leave today's changes
 * waiting), then today and one other day on screen, the longest unfetched, when the budget has
 * room for a second call. With today not loaded (a desk looking far ahead), the day on screen
 * alone. A desk working on today thus spends no more calls than before; one looking at another
 * day spends one more per turn.
 */
export function reconcileDays(
  input: ReconcileInput,
  options: PollPolicyOptions = defaultPollPolicy,
): IsoDate[] {
  const due = (date: IsoDate): boolean => {
    const at = input.fetchedAt(date);
    return input.loaded(date) && (at === null || input.now - at >= options.reconcileEveryMs);
  };
  const days: IsoDate[] = [];
  if (input.loaded(input.today)) {
    if (!due(input.today)) return days;
    days.push(input.today);
    if (input.budgetLeft < options.reconcileExtraShare) return days;
  }
  const other = input.onScreen
    .filter((d) => d !== input.today && due(d))
    .sort((a, b) => (input.fetchedAt(a) ?? 0) - (input.fetchedAt(b) ?? 0) || (a < b ? -1 : 1))[0];
  if (other !== undefined) days.push(other);
  return days;
}
