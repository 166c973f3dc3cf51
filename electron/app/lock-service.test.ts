import { describe, expect, it } from 'vitest';
import type { LockStatus } from '../../shared/contract';
import { VirtualClock } from '../../shared/time/clock';
import { createMemorySecureStore } from '../store/memory-secure-store';
import { createLockService, maxPinAttempts, pinDelayMs, pinDocument } from './lock-service';
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

/** Moves the virtual clock (the growing PIN delay) while real scrypt work finishes. */
async function drive<T>(clock: VirtualClock, work: Promise<T>): Promise<T> {
  const state = { settled: false };
  const done = work.finally(() => (state.settled = true));
  while (!state.settled) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    await clock.advance(250);
  }
  return done;
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
    const { lock, clock } = setup();
    await lock.start();
    await lock.setPin('482913');
    lock.lock('idle');
    for (let i = 0; i < maxPinAttempts; i++) await drive(clock, lock.unlockWithPin('111111'));
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

  it('a burst of 300 concurrent guesses is checked one at a time and cannot pass the limit', async () => {
    const { lock, clock } = setup();
    await lock.start();
    await lock.setPin('482913');
    lock.lock('idle');
    // The real PIN somewhere past the limit, as a script would find it.
    const position = maxPinAttempts + 1 + Math.floor(Math.random() * (300 - maxPinAttempts - 1));
    const guesses = Array.from({ length: 300 }, (_, i) =>
      i === position - 1 ? '482913' : String(100000 + i),
    );
    const replies = await drive(clock, Promise.all(guesses.map((g) => lock.unlockWithPin(g))));
    const accepted = replies.filter((r) => r.ok).length;
    console.log(
      `[figure] PIN guesses accepted past the limit in a 300-call burst: ${accepted} (real PIN was guess ${position})`,
    );
    expect(accepted).toBe(0);
    expect(lock.isLocked()).toBe(true);
    expect(replies.filter((r) => !r.ok && r.error.code === 'invalid_input')).toHaveLength(
      maxPinAttempts - 1,
    );
    lock.stop();
  });

  it('within the limit the burst still unlocks with the right PIN, and the count restarts', async () => {
    const { lock, clock } = setup();
    await lock.start();
    await lock.setPin('482913');
    lock.lock('idle');
    const burst = ['1', '2', '482913', '4'].map((g) => lock.unlockWithPin(g));
    const replies = await drive(clock, Promise.all(burst));
    expect(replies[2]?.ok).toBe(true);
    expect(lock.isLocked()).toBe(false);
    // A new lock starts a new count: the full number of tries again.
    lock.lock('user');
    const wrong = await lock.unlockWithPin('000000');
    expect(!wrong.ok && wrong.error.fields?.pin).toMatch(
      new RegExp(`${maxPinAttempts - 1} tries left`),
    );
    lock.stop();
  });

  it('waits longer before each comparison after the first mistypes, on the injected clock', async () => {
    expect([0, 1, 2, 3, 4].map(pinDelayMs)).toEqual([0, 0, 500, 1000, 2000]);
    const { lock, clock } = setup();
    await lock.start();
    await lock.setPin('482913');
    lock.lock('idle');
    await lock.unlockWithPin('1');
    await lock.unlockWithPin('2');
    let answered = false;
    const third = lock.unlockWithPin('482913').finally(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toBe(false);
    await drive(clock, third);
    expect(lock.isLocked()).toBe(false);
    lock.stop();
  });

  it('a lock after too many wrong PINs and a sign-in accepts the right PIN again', async () => {
    const { lock, clock } = setup();
    await lock.start();
    await lock.setPin('482913');
    lock.lock('idle');
    await drive(
      clock,
      Promise.all(['1', '2', '3', '4', '5', '6'].map((g) => lock.unlockWithPin(g))),
    );
    lock.unlockAfterSignIn();
    lock.lock('idle');
    expect((await lock.unlockWithPin('482913')).ok).toBe(true);
    lock.stop();
  });
});
