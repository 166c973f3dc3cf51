import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../../shared/time/practice-time';
import { createSecureStore, createTestKeyWrapper } from '../../electron/store';
import { createWorld, TUESDAY_0830 } from '../integration/sync-harness';

/**
 * Warm start: a workstation that synced the cache window yesterday evening starts with the
 * network absent. Measured in wall time: from creating the services (reading and decrypting the
 * encrypted cache files) to today's book being available, median of `runs`.
 */
export async function measureWarmStart(runs = 5): Promise<{
  medianMs: number;
  worstMs: number;
  appointments: number;
  calls: number;
}> {
  const world = createWorld({ start: TUESDAY_0830 });
  const dir = await mkdtemp(join(tmpdir(), 'frontdesk-warm-'));
  try {
    const wrapper = createTestKeyWrapper();
    const first = world.workstation('yesterday', {
      secure: createSecureStore({ dir, keyWrapper: wrapper, clock: world.clock }),
    });
    const practice = await world.drive(first.services.practice.get());
    if (!practice.ok) throw new Error(practice.error.message);
    const today = practice.value.today;
    await world.drive(
      first.services.book.range({ start: addDays(today, -1), end: addDays(today, 7) }),
    );
    await world.drive(first.services.roster.sync('user'));
    await world.drive(first.services.sync.idle());

    const times: number[] = [];
    let appointments = 0;
    let calls = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const desk = world.workstation(`morning-${String(i)}`, {
        secure: createSecureStore({ dir, keyWrapper: createTestKeyWrapper({ kek: wrapper.kek }) }),
      });
      desk.setNetwork(false);
      await desk.services.init();
      const book = await desk.services.book.range({ start: today, end: today });
      times.push(performance.now() - started);
      if (!book.ok) throw new Error(`no cached day: ${book.error.message}`);
      appointments = book.value.appointments.length;
      calls += desk.calls();
    }
    times.sort((a, b) => a - b);
    return {
      medianMs: times[Math.floor(times.length / 2)] ?? 0,
      worstMs: times[times.length - 1] ?? 0,
      appointments,
      calls,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
