import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../app/log';
import { createSessionService } from '../app/session-service';
import { createFakeServices } from '../app/testing/fake-services';
import { createDispatcher } from './dispatch';

const app = { trusted: true };

describe('session handlers', () => {
  it('while locked, sign-in is refused but the sign-in to unlock reaches the session', async () => {
    const fakes = createFakeServices();
    const dispatch = createDispatcher({
      handlers: createSessionService(fakes.services, createMemoryLogger()),
      isLocked: () => fakes.lock.isLocked(),
    });
    fakes.auth.completeNow();
    await dispatch('lock:lock', {}, app);
    const signIn = await dispatch('auth:signIn', {}, app);
    expect(!signIn.ok && signIn.error.code).toBe('locked');
    expect(fakes.auth.calls).not.toContain('beginSignIn');
    expect((await dispatch('lock:signInToUnlock', {}, app)).ok).toBe(true);
    fakes.auth.completeNow();
    expect(fakes.lock.isLocked()).toBe(false);
  });
});
