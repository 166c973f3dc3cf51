import type { sessionChannels } from '../../shared/contract/session-channels';
import { err, ok } from '../../shared/result';
import type { DomainService } from './domain-service';
import type { Logger } from './log';
import type { AuthService, LockService, Services } from './services';

export type SessionChannel = keyof typeof sessionChannels;

/** Only what the session uses. */
export type SessionDeps = Pick<
  Services,
  'appInfo' | 'auth' | 'connection' | 'edits' | 'lock' | 'prefs' | 'sync'
>;

/**
 * The session: app info, sign-in and sign-out, connection settings, preferences, the idle lock and
 * the renderer's log. Sign-out is decided here (unsent edits, the lock), and so is the sign-in that
 * unlocks. None of these answers ever carries a token or the client secret: the auth and
 * connection services keep them and hand out only views.
 */
export function createSessionService(
  deps: SessionDeps,
  logger: Logger,
): DomainService<SessionChannel> {
  return {
    'app:info': () => Promise.resolve(ok(deps.appInfo())),

    'auth:status': () => Promise.resolve(ok(deps.auth.status())),
    'auth:signIn': () => deps.auth.beginSignIn(),
    'auth:cancel': () => Promise.resolve(ok(deps.auth.cancelSignIn())),
    'auth:signOut': async ({ discardUnsent }) => {
      const unsent = deps.edits.unsentCount();
      // Deleting edits is a decision for an unlocked desk: a passer-by at a locked screen may not.
      if (unsent > 0 && discardUnsent === true && deps.lock.isLocked()) {
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
      const status = await deps.auth.signOut();
      await deps.sync.wipeCache();
      // Only with the user's consent (asked above): edits are never deleted silently.
      if (unsent > 0 && discardUnsent === true) await deps.edits.discardAll();
      // Nothing is left on screen to protect: the sign-in page is not behind the lock.
      if (deps.lock.isLocked()) deps.lock.unlockAfterSignIn();
      return ok(status);
    },

    'settings:getConnection': async () => ok(await deps.connection.view()),
    'settings:saveConnection': (request) => deps.connection.save(request),
    'settings:clearConnection': async () => ok(await deps.connection.clear()),

    'prefs:get': () => Promise.resolve(ok(deps.prefs.get())),
    'prefs:set': (patch) => Promise.resolve(ok(deps.prefs.set(patch))),

    'lock:status': () => Promise.resolve(ok(deps.lock.status())),
    'lock:lock': () => Promise.resolve(ok(deps.lock.lock('user'))),
    'lock:unlock': ({ pin }) => deps.lock.unlockWithPin(pin),
    'lock:setPin': ({ pin, currentPin }) => deps.lock.setPin(pin, currentPin),
    'lock:activity': () => {
      deps.lock.activity();
      return Promise.resolve(ok({}));
    },
    'lock:signInToUnlock': async () => {
      if (!deps.lock.isLocked()) return err('invalid_input', 'Frontdesk is not locked.');
      const stop = unlockOnFreshSignIn(deps.auth, deps.lock);
      const started = await deps.auth.beginSignIn();
      if (!started.ok) stop();
      return started;
    },

    'app:log': ({ level, message }) => {
      logger.log(level, 'renderer', message);
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
