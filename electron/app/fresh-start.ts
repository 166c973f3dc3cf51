import { rename } from 'node:fs/promises';
import type { ReplyOf } from '../../shared/contract';
import { err, ok } from '../../shared/result';
import type { Clock } from '../../shared/time/clock';

export interface FreshStartOptions {
  /** Why the saved data cannot be opened (a damaged data key), or null when it opens. */
  keyProblem: string | null;
  /** The encrypted data folder, set aside (never deleted) by a fresh start. */
  secureDir: string;
  clock: Clock;
  /** The host's own restart; absent where the host cannot restart itself. */
  restart: (() => Promise<void>) | undefined;
}

/**
 * `app:startFresh`: after a damaged data key, moves the saved data aside and restarts the
 * services on an empty folder. Refused when the data opens normally: nothing is ever set aside
 * that could still be read.
 */
export function createFreshStart(
  options: FreshStartOptions,
): () => Promise<ReplyOf<'app:startFresh'>> {
  const { keyProblem, secureDir, clock, restart } = options;
  return async () => {
    if (keyProblem === null) {
      return err('invalid_input', 'The saved data opens normally: there is nothing to reset.');
    }
    if (!restart) {
      return err('internal', 'This host cannot start afresh by itself: restart Frontdesk.');
    }
    // Kept, not deleted: the unsent edits are in there, readable again if the key returns.
    await rename(secureDir, `${secureDir}.damaged-${String(clock.now())}`).catch(
      (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      },
    );
    // After this answer has gone out: the restart replaces these services.
    setTimeout(() => void restart(), 0);
    return ok({ restarting: true });
  };
}
