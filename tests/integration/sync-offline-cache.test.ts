import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appointmentStatus } from '../../shared/drchrono';
import { chooseSecureStore, createSecureStore, createTestKeyWrapper } from '../../electron/store';
import type { KeyWrapper } from '../../electron/store/types';
import { createWorld, TUESDAY_0830, type World } from './sync-harness';

/**
 * What survives a restart, and what does not get written at all: the cache paints without a
 * network, a corrupt cache is rebuilt from drchrono, a corrupt outbox is set aside (never
 * cleared), and a weak keystore keeps every byte of patient data in memory.
 */

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'frontdesk-sync-'));
  dirs.push(dir);
  return dir;
}

function diskDesk(world: World, dir: string, wrapper: KeyWrapper, name: string) {
  return world.workstation(name, {
    secure: createSecureStore({ dir, keyWrapper: wrapper, clock: world.clock }),
  });
}

async function loadToday(world: World, ws: ReturnType<World['workstation']>) {
  const practice = await world.drive(ws.services.practice.get());
  if (!practice.ok) throw new Error(practice.error.message);
  const book = await world.drive(
    ws.services.book.range({ start: practice.value.today, end: practice.value.today }),
  );
  if (!book.ok) throw new Error(book.error.message);
  await world.drive(ws.services.roster.sync('user'));
  await world.drive(ws.services.sync.idle());
  await world.drive(ws.services.cache.idle());
  return { today: practice.value.today, book: book.value };
}

async function flipByte(file: string): Promise<void> {
  const bytes = await readFile(file);
  const i = Math.floor(bytes.length / 2);
  bytes[i] = (bytes[i] ?? 0) ^ 0xff;
  await writeFile(file, bytes);
}

describe('the offline cache on disk', () => {
  it('paints the cached day after a restart with the network absent, with no call', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const dir = await dataDir();
    const wrapper = createTestKeyWrapper();
    const first = diskDesk(world, dir, wrapper, 'before');
    const { today, book } = await loadToday(world, first);
    await world.drive(first.services.practice.get()); // writes settle
    await world.advance(10 * 60_000);

    const again = diskDesk(world, dir, createTestKeyWrapper({ kek: wrapper.kek }), 'after');
    again.setNetwork(false);
    const started = performance.now();
    await world.drive(again.services.init());
    const painted = await world.drive(again.services.book.range({ start: today, end: today }));
    const ms = performance.now() - started;
    expect(painted.ok).toBe(true);
    if (!painted.ok) return;
    expect(painted.value.source).toBe('cache');
    expect(painted.value.appointments.map((a) => a.id)).toEqual(book.appointments.map((a) => a.id));
    expect(Object.keys(painted.value.patients).length).toBeGreaterThan(0);
    expect(again.services.practice.cached()?.today).toBe(today);
    expect(again.calls()).toBe(0);
    console.log(
      `[figure] warm start: cached day (${String(painted.value.appointments.length)} appointments) from disk with no network in ${ms.toFixed(0)} ms, 0 calls`,
    );
  });

  it('rebuilds a corrupt appointment cache from drchrono', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const dir = await dataDir();
    const wrapper = createTestKeyWrapper();
    const first = diskDesk(world, dir, wrapper, 'before');
    const { today, book } = await loadToday(world, first);
    await flipByte(join(dir, 'cache-appointments.fdx'));

    const again = diskDesk(world, dir, createTestKeyWrapper({ kek: wrapper.kek }), 'after');
    const before = again.calls();
    const rebuilt = await world.drive(again.services.book.range({ start: today, end: today }));
    expect(rebuilt.ok && rebuilt.value.source).toBe('server');
    expect(rebuilt.ok && rebuilt.value.appointments.map((a) => a.id)).toEqual(
      book.appointments.map((a) => a.id),
    );
    expect(again.calls() - before).toBe(1);
  });

  it('quarantines a corrupt outbox, keeps it, reports it and goes on', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const dir = await dataDir();
    const wrapper = createTestKeyWrapper();
    const first = diskDesk(world, dir, wrapper, 'before');
    const { book } = await loadToday(world, first);
    const visit = book.appointments.find((a) => a.patient !== null);
    if (!visit) throw new Error('no visit');
    first.setNetwork(false);
    first.services.connectivity.reportFailure({ kind: 'network', committed: 'no', message: 'x' });
    first.services.connectivity.reportFailure({ kind: 'network', committed: 'no', message: 'x' });
    first.services.connectivity.reportFailure({ kind: 'network', committed: 'no', message: 'x' });
    const queued = await world.drive(
      first.services.book.update(visit.id, { status: 'Arrived' }, { status: '' }),
    );
    expect(queued.ok && queued.value.state).toBe('queued');
    await world.drive(first.services.edits.idle());
    const outboxFile = join(dir, 'outbox.fdx');
    await flipByte(outboxFile);
    const corrupt = await readFile(outboxFile);

    const again = diskDesk(world, dir, createTestKeyWrapper({ kek: wrapper.kek }), 'after');
    await world.drive(again.services.init());
    const status = again.services.sync.status();
    expect(status.message).toMatch(/outbox could not be read/);
    const aside = (await readdir(dir)).filter((f) => f.startsWith('outbox.quarantined-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0]!))).toEqual(corrupt);
    // New edits still work and are saved in a fresh outbox.
    const edit = await world.drive(
      again.services.book.update(
        visit.id,
        { status: 'Arrived' },
        { status: appointmentStatus.parse(visit.status ?? '') },
      ),
    );
    expect(edit.ok && edit.value.state).toBe('saved');
    expect(status.cache).toBe('encrypted');
  });

  it('with a weak keystore writes nothing to disk and says why', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const dir = await dataDir();
    const choice = chooseSecureStore({
      dir,
      keyWrapper: createTestKeyWrapper({ strong: false, kind: 'safeStorage' }),
      clock: world.clock,
    });
    const ws = world.workstation('weak', { secure: choice.store, storage: choice.storage });
    const { book } = await loadToday(world, ws);
    const visit = book.appointments.find((a) => a.patient !== null);
    if (!visit) throw new Error('no visit');
    ws.setNetwork(false);
    for (let i = 0; i < 3; i++) {
      ws.services.connectivity.reportFailure({ kind: 'network', committed: 'no', message: 'x' });
    }
    await world.drive(ws.services.book.update(visit.id, { status: 'Arrived' }, { status: '' }));
    await world.drive(ws.services.sync.idle());
    expect(await readdir(dir)).toEqual([]);
    const status = ws.services.sync.status();
    expect(status.cache).toBe('memory-only');
    expect(status.message).toMatch(/memory only/);
    expect(ws.services.edits.unsentCount()).toBe(1);
  });
});
