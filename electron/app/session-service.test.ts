import { describe, expect, it } from 'vitest';
import type { ParsedRequestOf, ReplyOf } from '../../shared/contract';
import { contract } from '../../shared/contract';
import { createMemoryLogger } from './log';
import { createSessionService, type SessionChannel } from './session-service';
import { createFakeServices } from './testing/fake-services';

function setup(options: { unsent?: number } = {}) {
  const fakes = createFakeServices(options);
  const logger = createMemoryLogger();
  const session = createSessionService(fakes.services, logger);
  /** As the dispatcher calls it: the request parsed by its channel's schema, the answer checked. */
  const call = async <C extends SessionChannel>(
    channel: C,
    request: unknown,
  ): Promise<ReplyOf<C>> => {
    const parsed = contract[channel].request.parse(request) as ParsedRequestOf<C>;
    const method = session[channel] as (r: ParsedRequestOf<C>) => Promise<ReplyOf<C>>;
    const reply = await method(parsed);
    if (reply.ok) contract[channel].response.parse(reply.value);
    return reply;
  };
  return { ...fakes, logger, call };
}

describe('session service', () => {
  it('refuses to sign out over unsent edits, and says how many', async () => {
    const { call, auth, sync, edits } = setup({ unsent: 3 });
    const reply = await call('auth:signOut', {});
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
    const { call, auth, sync, edits } = setup({ unsent: 2 });
    auth.completeNow();
    const reply = await call('auth:signOut', { discardUnsent: true });
    expect(reply.ok && reply.value.state).toBe('signed-out');
    expect(auth.calls).toContain('signOut');
    expect(sync.wiped).toBe(1);
    expect(edits.discarded).toBe(2);
  });

  it('locked: unsent edits cannot be discarded; unlocked, the same request works', async () => {
    const { call, auth, sync, edits, lock } = setup({ unsent: 2 });
    auth.completeNow();
    await call('lock:lock', {});
    const refused = await call('auth:signOut', { discardUnsent: true });
    expect(!refused.ok && refused.error.code).toBe('locked');
    expect(auth.calls).not.toContain('signOut');
    expect(sync.wiped).toBe(0);
    expect(edits.discarded).toBe(0);
    expect(edits.unsentCount()).toBe(2);
    lock.unlockAfterSignIn();
    const agreed = await call('auth:signOut', { discardUnsent: true });
    expect(agreed.ok).toBe(true);
    expect(edits.discarded).toBe(2);
  });

  it('signs out with nothing unsent without touching the outbox', async () => {
    const { call, sync, edits } = setup();
    expect((await call('auth:signOut', {})).ok).toBe(true);
    expect(sync.wiped).toBe(1);
    expect(edits.discarded).toBe(0);
  });

  it('locked: a fresh sign-in unlocks, a stale status does not', async () => {
    const { call, auth, lock } = setup();
    auth.completeNow();
    const notLocked = await call('lock:signInToUnlock', {});
    expect(!notLocked.ok && notLocked.error.message).toBe('Frontdesk is not locked.');
    expect(auth.calls).not.toContain('beginSignIn');
    await call('lock:lock', {});
    expect(lock.isLocked()).toBe(true);
    const started = await call('lock:signInToUnlock', {});
    expect(started.ok).toBe(true);
    expect(lock.isLocked()).toBe(true);
    auth.completeNow();
    expect(lock.isLocked()).toBe(false);
  });

  it('a cancelled sign-in to unlock leaves the desk locked', async () => {
    const { call, auth, lock } = setup();
    auth.completeNow();
    await call('lock:lock', {});
    await call('lock:signInToUnlock', {});
    await call('auth:cancel', {});
    expect(lock.isLocked()).toBe(true);
  });

  it('sets and uses a PIN through the channels', async () => {
    const { call, lock } = setup();
    expect((await call('lock:setPin', { pin: '2468' })).ok).toBe(true);
    await call('lock:lock', {});
    expect((await call('lock:unlock', { pin: '1357' })).ok).toBe(false);
    expect((await call('lock:unlock', { pin: '2468' })).ok).toBe(true);
    expect(lock.isLocked()).toBe(false);
  });

  it('saves preferences and the lock follows them', async () => {
    const { call } = setup();
    const reply = await call('prefs:set', { lock: { idleMinutes: 3 } });
    expect(reply.ok && reply.value.lock.idleMinutes).toBe(3);
    const status = await call('lock:status', {});
    expect(status.ok && status.value.idleMinutes).toBe(3);
  });

  it('logs what the renderer reports, scrubbed', async () => {
    const { call, logger } = setup();
    await call('app:log', {
      level: 'warn',
      message: 'failed for jane.doe@example.com phone 555-123-4567',
    });
    expect(logger.lines.join('\n')).not.toMatch(/jane|555-123/);
    expect(logger.lines[0]).toContain('warn');
  });

  it('no answer carries the token or the client secret', async () => {
    const { call, auth } = setup();
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
      answers.push(await call(channel, payload));
    }
    const text = JSON.stringify(answers);
    expect(text).not.toContain('fake-access-token');
    expect(text).not.toContain('fake-client-secret');
  });
});
