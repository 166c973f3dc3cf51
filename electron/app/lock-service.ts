import type { LockStatus } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/result';
import type { Clock } from '../../shared/time/clock';
import { readOrReset } from '../store/read-or-reset';
import type { SecureStore } from '../store/types';
import { hashPin, pinRecordSchema, verifyPin, type PinRecord } from './pin-hash';
import type { LockService, PrefsService } from './services';

/**
 * The idle lock. After `prefs.lock.idleMinutes` without activity (by the injected Clock), when the
 * OS locks or sleeps, or when the user asks, Frontdesk locks: the dispatcher then answers only the
 * channels marked `whileLocked`, and the renderer drops every patient view on `lock:changed`.
 * Unlocking needs the user: the PIN (if one is set) or a fresh sign-in.
 */

export const pinDocument = 'lock-pin';
/** Wrong PINs in a row before only a fresh sign-in unlocks. */
export const maxPinAttempts = 5;

/**
 * The wait before comparing a PIN, by the wrong PINs already counted: the first two mistypes cost
 * nothing, then 0.5 s, 1 s, 2 s... so a script gains nothing from guessing faster than a person.
 */
export function pinDelayMs(failuresBefore: number): number {
  return failuresBefore < 2 ? 0 : 500 * 2 ** (failuresBefore - 2);
}

export interface LockServiceOptions {
  clock: Clock;
  secure: SecureStore;
  prefs: PrefsService;
  /** Only a signed-in desk shows patient data, so only it locks when idle. */
  isSignedIn: () => boolean;
  /** The PIN file failed its check: moved aside (`keptAs`); the desk then has no PIN. */
  onReset?: (keptAs: string) => void;
}

export interface RunningLockService extends LockService {
  /** Reads the stored PIN record and starts watching for idleness. */
  start(): Promise<void>;
  stop(): void;
}

export function createLockService(options: LockServiceOptions): RunningLockService {
  const { clock, secure, prefs, isSignedIn } = options;
  let locked = false;
  let pin: PinRecord | null = null;
  let failedAttempts = 0;
  let lastActivity = clock.now();
  let idleWatch: AbortController | null = null;
  const listeners = new Set<(status: LockStatus) => void>();
  // PIN checks run one at a time: a burst of guesses must not all pass the count check before
  // the first slow comparison has counted.
  let pinTurn: Promise<unknown> = Promise.resolve();

  async function checkPin(candidate: string): Promise<Result<LockStatus>> {
    if (!locked) return ok(status());
    if (pin === null) return err('unauthenticated', 'No PIN is set: sign in again to unlock.');
    if (failedAttempts >= maxPinAttempts) {
      return err('unauthenticated', 'Too many wrong PINs: sign in again to unlock.');
    }
    // Counted before the comparison: a guess that is never answered still used up a try.
    const before = failedAttempts;
    failedAttempts += 1;
    const wait = pinDelayMs(before);
    if (wait > 0) await clock.sleep(wait);
    if (await verifyPin(candidate, pin)) return ok(setLocked(false));
    const left = maxPinAttempts - failedAttempts;
    return left > 0
      ? err('invalid_input', 'That PIN is not right.', {
          fields: {
            pin: `That PIN is not right (${left} ${left === 1 ? 'try' : 'tries'} left).`,
          },
        })
      : err('unauthenticated', 'Too many wrong PINs: sign in again to unlock.');
  }

  const idleMs = (): number => prefs.get().lock.idleMinutes * 60_000;

  function status(): LockStatus {
    return { locked, hasPin: pin !== null, idleMinutes: prefs.get().lock.idleMinutes };
  }

  function changed(): LockStatus {
    const current = status();
    for (const listener of listeners) listener(current);
    return current;
  }

  function setLocked(next: boolean): LockStatus {
    if (locked === next) return status();
    locked = next;
    // Each lock starts a fresh count; so does a successful unlock.
    failedAttempts = 0;
    if (!next) lastActivity = clock.now();
    return changed();
  }

  async function watchIdle(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const due = lastActivity + idleMs();
      const wait = due - clock.now();
      if (wait > 0) {
        // In bounded steps, so a shorter idle setting takes effect soon.
        await clock.sleep(Math.min(wait, 30_000), signal);
        continue;
      }
      if (!locked && isSignedIn()) setLocked(true);
      // Locked (or nothing to hide): look again after one more idle period.
      lastActivity = clock.now();
    }
  }

  return {
    async start() {
      pin =
        (await readOrReset(secure, pinDocument, pinRecordSchema, (keptAs) =>
          options.onReset?.(keptAs),
        )) ?? null;
      lastActivity = clock.now();
      if (idleWatch) return;
      idleWatch = new AbortController();
      watchIdle(idleWatch.signal).catch(() => {
        // Aborted by stop().
      });
    },
    stop() {
      idleWatch?.abort();
      idleWatch = null;
    },
    status,
    isLocked: () => locked,
    lock: () => setLocked(true),
    unlockWithPin(candidate) {
      const turn = pinTurn.then(() => checkPin(candidate));
      pinTurn = turn.catch(() => undefined);
      return turn;
    },
    unlockAfterSignIn: () => setLocked(false),
    async setPin(next, currentPin): Promise<Result<LockStatus>> {
      if (locked) return err('locked', 'Unlock first.');
      if (pin !== null && (currentPin === undefined || !(await verifyPin(currentPin, pin)))) {
        return err('invalid_input', 'The current PIN is not right.', {
          fields: { currentPin: 'The current PIN is not right.' },
        });
      }
      const record = await hashPin(next);
      await secure.write(pinDocument, record);
      pin = record;
      return ok(changed());
    },
    activity() {
      if (!locked) lastActivity = clock.now();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
