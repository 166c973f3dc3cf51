import { describe, expect, it } from 'vitest';
import type { AuthStatus, LockStatus, Prefs } from '../../shared/contract';
import { createMemoryLogger } from '../app/log';
import { createFakeServices } from '../app/testing/fake-services';
import { createDispatcher } from './dispatch';
import { createSessionHandlers } from './session-handlers';

const app = { trusted: true };

function setup(options: { unsent?: number } = {}) {
  const fakes = createFakeServices(options);
  const logger = createMemoryLogger();
  const dispatch = createDispatcher({
    handlers: createSessionHandlers({ logger }),
    services: fakes.services,
    isLocked: () => fakes.lock.isLocked(),
  });
  return { ...fakes, logger, dispatch };
}

describe('session handlers', () => {
  it('refuses to sign out over unsent edits, and says how many', async () => {
    const { dispatch, auth, sync, edits } = setup({ unsent: 3 });
    const reply = await dispatch('auth:signOut', {}, app);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('unsent_edits');
      expect(reply.error.unsentCount).toBe(3);
    }
    expect(auth.calls).not.toContain('signOut');
    expect(sync.wiped).toBe(0);
    expect(edits.unsentCount()).toBe(3);
  });

  it('with consent, signs out, wipes the cache and only then discards the edits', async () => {
    const { dispatch, auth, sync, edits } = setup({ unsent: 2 });
    auth.completeNow();
    const reply = await dispatch('auth:signOut', { discardUnsent: true }, app);
    expect(reply.ok && (reply.value as AuthStatus).state).toBe('signed-out');
    expect(auth.calls).toContain('signOut');
    expect(sync.wiped).toBe(1);
    expect(edits.discarded).toBe(2);
  });

  it('locked: unsent edits cannot be discarded; unlocked, the same request works', async () => {
    const { dispatch, auth, sync, edits, lock } = setup({ unsent: 2 });
    auth.completeNow();
    await dispatch('lock:lock', {}, app);
    const refused = await dispatch('auth:signOut', { discardUnsent: true }, app);
    expect(!refused.ok && refused.error.code).toBe('locked');
    expect(auth.calls).not.toContain('signOut');
    expect(sync.wiped).toBe(0);
    expect(edits.discarded).toBe(0);
    expect(edits.unsentCount()).toBe(2);
    lock.unlockAfterSignIn();
    const agreed = await dispatch('auth:signOut', { discardUnsent: true }, app);
    expect(agreed.ok).toBe(true);
    expect(edits.discarded).toBe(2);
  });

  it('signs out with nothing unsent without touching the outbox', async () => {
    const { dispatch, sync, edits } = setup();
    expect((await dispatch('auth:signOut', {}, app)).ok).toBe(true);
    expect(sync.wiped).toBe(1);
    expect(edits.discarded).toBe(0);
  });

  it('locked: data channels refused; a fresh sign-in unlocks, a stale status does not', async () => {
    const { dispatch, auth, lock } = setup();
    auth.completeNow();
    await dispatch('lock:lock', {}, app);
    expect(lock.isLocked()).toBe(true);
    const signIn = await dispatch('auth:signIn', {}, app);
    expect(!signIn.ok && signIn.error.code).toBe('locked');
    const started = await dispatch('lock:signInToUnlock', {}, app);
    expect(started.ok).toBe(true);
    expect(lock.isLocked()).toBe(true);
    auth.completeNow();
    expect(lock.isLocked()).toBe(false);
  });

  it('a cancelled sign-in to unlock leaves the desk locked', async () => {
    const { dispatch, auth, lock } = setup();
    auth.completeNow();
    await dispatch('lock:lock', {}, app);
    await dispatch('lock:signInToUnlock', {}, app);
    await dispatch('auth:cancel', {}, app);
    expect(lock.isLocked()).toBe(true);
  });

  it('sets and uses a PIN through the channels', async () => {
    const { dispatch, lock } = setup();
    expect((await dispatch('lock:setPin', { pin: '2468' }, app)).ok).toBe(true);
    await dispatch('lock:lock', {}, app);
    expect((await dispatch('lock:unlock', { pin: '1357' }, app)).ok).toBe(false);
    expect((await dispatch('lock:unlock', { pin: '2468' }, app)).ok).toBe(true);
    expect(lock.isLocked()).toBe(false);
  });

  it('saves preferences and the lock follows them', async () => {
    const { dispatch } = setup();
    const reply = await dispatch('prefs:set', { lock: { idleMinutes: 3 } }, app);
    expect(reply.ok && (reply.value as Prefs).lock.idleMinutes).toBe(3);
    const status = await dispatch('lock:status', {}, app);
    expect(status.ok && (status.value as LockStatus).idleMinutes).toBe(3);
  });

  it('logs what the renderer reports, scrubbed', async () => {
    const { dispatch, logger } = setup();
    await dispatch(
      'app:log',
      { level: 'warn', message: 'failed for jane.doe@example.com phone 555-123-4567' },
      app,
    );
    expect(logger.lines.join('\n')).not.toMatch(/jane|555-123/);
    expect(logger.lines[0]).toContain('warn');
  });

  it('no answer carries the token or the client secret', async () => {
    const { dispatch, auth } = setup();
    auth.completeNow();
    const answers: unknown[] = [];
    for (const [channel, payload] of [
      ['app:info', {}],
      ['auth:status', {}],
      ['settings:getConnection', {}],
      [
        'settings:saveConnection',
        { clientId: 'x', clientSecret: 'fake-client-secret', redirectUri: 'http://127.0.0.1:1/cb' },
      ],
      ['prefs:get', {}],
      ['lock:status', {}],
      ['auth:signIn', {}],
      ['auth:signOut', {}],
    ] as const) {
      answers.push(await dispatch(channel, payload, app));
    }
    const text = JSON.stringify(answers);
    expect(text).not.toContain('fake-access-token');
    expect(text).not.toContain('fake-client-secret');
  });
});
