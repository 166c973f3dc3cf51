import type { sessionChannels } from '../../shared/contract/session-channels';
import { err, ok } from '../../shared/result';
import type { Logger } from '../app/log';
import type { AuthService, LockService } from '../app/services';
import type { HandlerGroup } from './types';

export interface SessionHandlerDeps {
  logger: Logger;
}

/**
 * The session: app info, sign-in and sign-out, connection settings, preferences, the idle lock and
 * the renderer's log. None of these answers ever carries a token or the client secret: the auth and
 * connection services keep them and hand out only views.
 */
export function createSessionHandlers(
  deps: SessionHandlerDeps,
): HandlerGroup<keyof typeof sessionChannels> {
  return {
    'app:info': (_request, s) => Promise.resolve(ok(s.appInfo())),

    'auth:status': (_request, s) => Promise.resolve(ok(s.auth.status())),
    'auth:signIn': (_request, s) => s.auth.beginSignIn(),
    'auth:cancel': (_request, s) => Promise.resolve(ok(s.auth.cancelSignIn())),
    'auth:signOut': async ({ discardUnsent }, s) => {
      const unsent = s.edits.unsentCount();
      // Deleting edits is a decision for an unlocked desk: a passer-by at a locked screen may not.
      if (unsent > 0 && discardUnsent === true && s.lock.isLocked()) {
        return err(
          'locked',
          'Unlock Frontdesk first: changes that have not reached drchrono can only be deleted ' +
            'from an unlocked desk.',
        );
      }
      if (unsent > 0 && discardUnsent !== true) {
        return err(
          'unsent_edits',
          `${unsent} ${unsent === 1 ? 'change has' : 'changes have'} not reached drchrono yet. ` +
            'Signing out now deletes them.',
          { unsentCount: unsent },
        );
      }
      const status = await s.auth.signOut();
      await s.sync.wipeCache();
      // Only with the user's consent (asked above): edits are never deleted silently.
      if (unsent > 0 && discardUnsent === true) await s.edits.discardAll();
      // Nothing is left on screen to protect: the sign-in page is not behind the lock.
      if (s.lock.isLocked()) s.lock.unlockAfterSignIn();
      return ok(status);
    },

    'settings:getConnection': async (_request, s) => ok(await s.connection.view()),
    'settings:saveConnection': (request, s) => s.connection.save(request),
    'settings:clearConnection': async (_request, s) => ok(await s.connection.clear()),

    'prefs:get': (_request, s) => Promise.resolve(ok(s.prefs.get())),
    'prefs:set': (patch, s) => Promise.resolve(ok(s.prefs.set(patch))),

    'lock:status': (_request, s) => Promise.resolve(ok(s.lock.status())),
    'lock:lock': (_request, s) => Promise.resolve(ok(s.lock.lock('user'))),
    'lock:unlock': ({ pin }, s) => s.lock.unlockWithPin(pin),
    'lock:setPin': ({ pin, currentPin }, s) => s.lock.setPin(pin, currentPin),
    'lock:activity': (_request, s) => {
      s.lock.activity();
      return Promise.resolve(ok({}));
    },
    'lock:signInToUnlock': async (_request, s) => {
      if (!s.lock.isLocked()) return err('invalid_input', 'Frontdesk is not locked.');
      const stop = unlockOnFreshSignIn(s.auth, s.lock);
      const started = await s.auth.beginSignIn();
      if (!started.ok) stop();
      return started;
    },

    'app:log': ({ level, message }) => {
      deps.logger.log(level, 'renderer', message);
      return Promise.resolve(ok({}));
    },
  };
}

/**
 * Unlocks once a sign-in started now completes. A status already `signed-in` proves nothing (the
 * desk was signed in when it locked): only a pass through `signing-in` and back counts.
 */
function unlockOnFreshSignIn(auth: AuthService, lock: LockService): () => void {
  let sawSigningIn = false;
  const stop = auth.onChange((status) => {
    if (status.state === 'signing-in') sawSigningIn = true;
    else if (status.state === 'signed-in' && sawSigningIn) {
      stop();
      lock.unlockAfterSignIn();
    } else if (status.state === 'signed-out' && sawSigningIn) stop();
  });
  return stop;
}
