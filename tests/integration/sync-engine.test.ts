import { describe, expect, it } from 'vitest';
import { appointmentStatus } from '../../shared/drchrono';
import { createWorld, TUESDAY_0830 } from './sync-harness';

/**
 * The engine on its own (reliability E32): repeated transport failures take the desk offline
 * without anyone doing anything, the cache keeps serving, probes get further apart, and when
 * drchrono answers again the desk is back online and the outbox drains, once.
 */
describe('the sync engine when drchrono goes away and comes back', () => {
  it('goes offline on its own, probes gently, comes back and drains the outbox', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const ws = world.workstation('desk');
    const s = ws.services;
    const practice = await world.drive(s.practice.get());
    if (!practice.ok) throw new Error('no practice');
    const today = practice.value.today;
    s.sync.start();
    s.sync.activity();
    await world.advance(60_000);
    const visit = s.book.cachedDay(today)?.find((a) => a.patient !== null && a.status === '');
    if (!visit) throw new Error('no visit without a status today');

    world.sandbox.control.setOffline(true);
    const wentAt = world.clock.now();
    let offlineAfter: number | null = null;
    for (let t = 0; t < 600 && offlineAfter === null; t++) {
      s.sync.activity();
      await world.advance(1_000);
      if (s.sync.status().connection === 'offline') offlineAfter = world.clock.now() - wentAt;
    }
    expect(offlineAfter).not.toBeNull();
    expect(s.sync.status().message).toMatch(/cannot be reached/);

    // Offline: the book still answers from the cache, an edit waits as pending.
    const book = await world.drive(s.book.range({ start: today, end: today }));
    expect(book.ok && book.value.appointments.length).toBeGreaterThan(0);
    const queued = await world.drive(
      s.book.update(visit.id, { status: 'Arrived' }, { status: appointmentStatus.parse('') }),
    );
    expect(queued.ok && queued.value.state).toBe('queued');

    const before = ws.log.length;
    const offlineFor = 10 * 60_000;
    await world.advance(offlineFor);
    // A probe is one call; the client retries a failed GET up to twice within ~3 s (one burst).
    const requests = ws.log.slice(before).map((c) => c.at);
    const probes = requests.filter((t, i) => i === 0 || t - (requests[i - 1] ?? t) > 4_000);
    const gaps = probes.slice(1).map((t, i) => Math.round((t - (probes[i] ?? t)) / 1000));

    world.sandbox.control.clearRequests();
    world.sandbox.control.setOffline(false);
    const backAt = world.clock.now();
    let onlineAfter: number | null = null;
    for (let t = 0; t < 300 && onlineAfter === null; t++) {
      await world.advance(1_000);
      if (s.sync.status().connection === 'online' && s.edits.unsentCount() === 0) {
        onlineAfter = world.clock.now() - backAt;
      }
    }
    await world.drive(s.sync.stop());
    expect(onlineAfter).not.toBeNull();
    expect(onlineAfter).toBeLessThanOrEqual(60_000);
    const patches = world.sandbox.control
      .requests()
      .filter((r) => r.method === 'PATCH' && r.path === `/api/appointments/${visit.id}`);
    expect(patches).toHaveLength(1);
    expect(world.sandbox.db.appointments.get(visit.id)?.status).toBe('Arrived');
    // Gentle: never more than one probe every 5 s, and the gaps grow.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(4);
    expect(probes.length).toBeLessThanOrEqual(20);
    expect(gaps[gaps.length - 1]).toBeGreaterThanOrEqual(gaps[0] ?? 0);
    console.log(
      `[figure] engine offline: offline after ${String((offlineAfter ?? 0) / 1000)} s of failures, ${String(probes.length)} probes (${String(requests.length)} requests with the client's retries) in ${String(offlineFor / 60_000)} min offline, gaps ${gaps.join(', ')} s, back online with the outbox drained ${String((onlineAfter ?? 0) / 1000)} s after drchrono returned, PATCHes ${String(patches.length)}`,
    );
  });
});
