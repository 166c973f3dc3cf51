import { describe, expect, it } from 'vitest';
import type { LockStatus } from '../../shared/contract';
import { VirtualClock } from '../../shared/time/clock';
import { createMemorySecureStore } from '../store/memory-secure-store';
import { createLockService, maxPinAttempts, pinDocument } from './lock-service';
import { pinRecordSchema } from './pin-hash';
import { createFakePrefs } from './testing/fake-services';

function setup(options: { signedIn?: boolean } = {}) {
  const clock = new VirtualClock(Date.UTC(2026, 2, 10, 14, 0));
  const secure = createMemorySecureStore({ clock });
  const prefs = createFakePrefs();
  prefs.set({ lock: { idleMinutes: 5 } });
  let signedIn = options.signedIn ?? true;
  const lock = createLockService({ clock, secure, prefs, isSignedIn: () => signedIn });
  const changes: LockStatus[] = [];
  lock.onChange((s) => changes.push(s));
  return { clock, secure, prefs, lock, changes, signOut: () => (signedIn = false) };
}

describe('lock service', () => {
  it('locks after the idle minutes of the preferences, by the injected clock', async () => {
    const { clock, lock, changes } = setup();
    await lock.start();
    await clock.advance(4 * 60_000);
    lock.activity();
    await clock.advance(4 * 60_000);
    expect(lock.isLocked()).toBe(false);
    await clock.advance(60_000 + 1);
    expect(lock.isLocked()).toBe(true);
    expect(changes).toEqual([{ locked: true, hasPin: false, idleMinutes: 5 }]);
    lock.stop();
  });

  it('follows a shorter idle setting without waiting out the old one', async () => {
    const { clock, lock, prefs } = setup();
    prefs.set({ lock: { idleMinutes: 60 } });
    await lock.start();
    prefs.set({ lock: { idleMinutes: 1 } });
    await clock.advance(2 * 60_000);
    expect(lock.isLocked()).toBe(true);
    lock.stop();
  });

  it('does not lock a signed-out desk when idle (nothing to hide)', async () => {
    const { clock, lock, signOut } = setup();
    signOut();
    await lock.start();
    await clock.advance(60 * 60_000);
    expect(lock.isLocked()).toBe(false);
    lock.stop();
  });

  it('stores the PIN only as a salted scrypt hash and unlocks with it', async () => {
    const { lock, secure } = setup();
    await lock.start();
    expect((await lock.setPin('482913')).ok).toBe(true);
    const record = await secure.read(pinDocument, pinRecordSchema);
    expect(record?.algorithm).toBe('scrypt');
    expect(JSON.stringify(record)).not.toContain('482913');
    lock.lock('user');
    const wrong = await lock.unlockWithPin('000000');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.fields?.pin).toMatch(/not right/);
    expect(lock.isLocked()).toBe(true);
    const right = await lock.unlockWithPin('482913');
    expect(right.ok && right.value.locked).toBe(false);
    lock.stop();
  });

  it('after too many wrong PINs only a fresh sign-in unlocks', async () => {
    const { lock } = setup();
    await lock.start();
    await lock.setPin('482913');
    lock.lock('idle');
    for (let i = 0; i < maxPinAttempts; i++) await lock.unlockWithPin('111111');
    const right = await lock.unlockWithPin('482913');
    expect(right.ok).toBe(false);
    if (!right.ok) expect(right.error.code).toBe('unauthenticated');
    expect(lock.unlockAfterSignIn().locked).toBe(false);
    lock.lock('user');
    expect((await lock.unlockWithPin('482913')).ok).toBe(true);
    lock.stop();
  });

  it('changing the PIN needs the current one; a restart remembers it', async () => {
    const { lock, secure, clock, prefs } = setup();
    await lock.start();
    await lock.setPin('1234');
    const refused = await lock.setPin('5678');
    expect(refused.ok).toBe(false);
    expect((await lock.setPin('5678', '1234')).ok).toBe(true);
    lock.stop();
    const again = createLockService({ clock, secure, prefs, isSignedIn: () => true });
    await again.start();
    expect(again.status().hasPin).toBe(true);
    again.lock('os');
    expect((await again.unlockWithPin('5678')).ok).toBe(true);
    again.stop();
  });

  it('without a PIN, the PIN cannot unlock', async () => {
    const { lock } = setup();
    await lock.start();
    lock.lock('user');
    const reply = await lock.unlockWithPin('1234');
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('unauthenticated');
    lock.stop();
  });
});
