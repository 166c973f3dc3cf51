import { describe, expect, it } from 'vitest';
import type { AppointmentItem } from '../../shared/contract';
import { appointmentStatus } from '../../shared/drchrono';
import { addDays, addMinutesToWall, wallToUtcMs } from '../../shared/time/practice-time';
import { createWorld, TUESDAY_0830, type Workstation, type World } from './sync-harness';

/**
 * The book against the real client and the sandbox (issue 3 "API budget", issue 5 "Sync"):
 * what navigating, moving and polling cost, and what others' changes look like.
 */

async function openDesk(world: World, ws: Workstation) {
  const practice = await world.drive(ws.services.practice.get());
  if (!practice.ok) throw new Error(practice.error.message);
  return practice.value;
}

async function day(world: World, ws: Workstation, date: string, officeId?: number) {
  const before = ws.calls();
  const book = await world.drive(ws.services.book.range({ start: date, end: date, officeId }));
  if (!book.ok) throw new Error(book.error.message);
  return { book: book.value, calls: ws.calls() - before };
}

/** A slot of `minutes` free in the appointment's room on its day, from the cached book. */
function freeSlot(items: AppointmentItem[], target: AppointmentItem, minutes: number): string {
  const date = target.scheduled_time.slice(0, 10);
  const busy = items.filter(
    (a) => a.office === target.office && a.exam_room === target.exam_room && a.id !== target.id,
  );
  for (let t = `${date}T06:00:00`; t < `${date}T21:00:00`; t = addMinutesToWall(t, 15)) {
    const s = wallToUtcMs(t);
    const e = s + minutes * 60_000;
    const clash = busy.some((a) => {
      const as = wallToUtcMs(a.scheduled_time);
      return as < e && s < as + a.duration * 60_000;
    });
    if (!clash) return t;
  }
  throw new Error('no free slot');
}

function patientVisit(items: AppointmentItem[]): AppointmentItem {
  const visit = items.find((a) => a.patient !== null && a.status !== 'Cancelled');
  if (!visit) throw new Error('no visit today');
  return visit;
}

describe('the book against the sandbox', () => {
  it('navigating to loaded days, back and forth and across offices, costs no call until stale', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const ws = world.workstation('desk');
    const practice = await openDesk(world, ws);
    const today = practice.today;
    const tomorrow = addDays(today, 1);

    const first = await day(world, ws, today);
    expect(first.calls).toBe(1);
    expect(first.book.source).toBe('server');
    expect(first.book.appointments.length).toBeGreaterThan(10);
    const second = await day(world, ws, tomorrow);
    expect(second.calls).toBe(1);

    let navigationCalls = 0;
    for (let i = 0; i < 10; i++) {
      navigationCalls += (await day(world, ws, i % 2 === 0 ? today : tomorrow)).calls;
    }
    for (const office of practice.offices) {
      navigationCalls += (await day(world, ws, today, office.id)).calls;
    }
    const week = await world.drive(ws.services.book.range({ start: today, end: tomorrow }));
    expect(week.ok && week.value.source).toBe('cache');
    expect(navigationCalls).toBe(0);

    // Stale: still shown at once from the cache; one `since` call then refreshes every loaded day.
    await world.advance(2 * 60_000);
    const stale = await day(world, ws, today);
    expect(stale.calls).toBe(0);
    expect(stale.book.source).toBe('cache');
    const before = ws.calls();
    await world.drive(ws.services.cache.poll('user'));
    const refreshCalls = ws.calls() - before;
    expect(refreshCalls).toBe(1);
    expect((await day(world, ws, tomorrow)).calls).toBe(0);
    console.log(
      `[figure] book navigation: first load 1 call/day, ${String(10 + practice.offices.length + 1)} views of loaded days ${String(navigationCalls)} calls, refresh of all loaded days when stale ${String(refreshCalls)} call`,
    );
  });

  it('a move and a status change cost exactly one call each, and reach the sandbox once', async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const ws = world.workstation('desk');
    const practice = await openDesk(world, ws);
    const { book } = await day(world, ws, practice.today);
    const visit = patientVisit(book.appointments);
    const to = freeSlot(book.appointments, visit, visit.duration);
    world.sandbox.control.clearRequests();

    let before = ws.calls();
    const moved = await world.drive(
      ws.services.book.update(
        visit.id,
        { scheduled_time: to },
        { scheduled_time: visit.scheduled_time },
      ),
    );
    const moveCalls = ws.calls() - before;
    expect(moved.ok && moved.value.state).toBe('saved');
    expect(moved.ok && moved.value.appointment.scheduled_time).toBe(to);

    before = ws.calls();
    const arrived = await world.drive(
      ws.services.book.update(
        visit.id,
        { status: 'Arrived' },
        { status: appointmentStatus.parse(visit.status ?? '') },
      ),
    );
    const statusCalls = ws.calls() - before;
    expect(arrived.ok && arrived.value.appointment).toMatchObject({
      status: 'Arrived',
      scheduled_time: to,
    });
    expect(arrived.ok && arrived.value.appointment.status_since).toBeTruthy();

    const patches = world.sandbox.control
      .requests()
      .filter((r) => r.method === 'PATCH' && r.path === `/api/appointments/${visit.id}`);
    expect(patches).toHaveLength(2);
    expect(moveCalls).toBe(1);
    expect(statusCalls).toBe(1);
    // The cached day shows both without another call.
    const after = await day(world, ws, practice.today);
    expect(after.calls).toBe(0);
    expect(after.book.appointments.find((a) => a.id === visit.id)).toMatchObject({
      status: 'Arrived',
      scheduled_time: to,
    });
    console.log(
      `[figure] book edits: move ${String(moveCalls)} call, status change ${String(statusCalls)} call, PATCHes received ${String(patches.length)}`,
    );
  });

  it("shows another workstation's changes, bookings and deletions after one poll", async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const ws = world.workstation('desk');
    const practice = await openDesk(world, ws);
    const { book } = await day(world, ws, practice.today);
    const [first, second] = book.appointments.filter((a) => a.patient !== null);
    if (!first || !second) throw new Error('need two visits');
    const other = world.sandbox.control;

    await world.advance(30_000);
    const changed = await other.asOtherWorkstation('PATCH', `/api/appointments/${first.id}`, {
      status: 'Checked In',
    });
    expect(changed.status).toBe(204);
    const deleted = await other.asOtherWorkstation('DELETE', `/api/appointments/${second.id}`);
    expect(deleted.status).toBe(204);
    const slot = freeSlot(book.appointments, first, 15);
    const created = await other.asOtherWorkstation('POST', '/api/appointments', {
      doctor: first.doctor,
      office: first.office,
      exam_room: first.exam_room,
      patient: first.patient,
      scheduled_time: slot,
      duration: 15,
    });
    expect(created.status).toBe(201);

    await world.advance(30_000);
    const before = ws.calls();
    const polled = await world.drive(ws.services.cache.poll('background'));
    expect(polled.ok).toBe(true);
    expect(ws.calls() - before).toBe(1);
    const after = await day(world, ws, practice.today);
    expect(after.calls).toBe(0);
    const seen = after.book.appointments;
    expect(seen.find((a) => a.id === first.id)).toMatchObject({ status: 'Checked In' });
    expect(seen.find((a) => a.id === first.id)?.status_since).toBeTruthy();
    expect(seen.find((a) => a.id === second.id)).toBeUndefined();
    expect(
      seen.find((a) => a.scheduled_time === slot && a.exam_room === first.exam_room),
    ).toBeDefined();
    expect(ws.received.some((e) => e.event === 'data:changed')).toBe(true);
  });

  it("with the engine running, another desk's change shows within a minute while the desk is in use", async () => {
    const world = createWorld({ start: TUESDAY_0830 });
    const ws = world.workstation('desk');
    const practice = await openDesk(world, ws);
    const { book } = await day(world, ws, practice.today);
    const visit = patientVisit(book.appointments);
    ws.services.sync.start();
    ws.services.sync.activity();
    await world.advance(5_000);

    const changedAt = world.clock.now();
    await world.sandbox.control.asOtherWorkstation('PATCH', `/api/appointments/${visit.id}`, {
      status: 'In Room',
    });
    let seenAfter: number | null = null;
    for (let t = 0; t < 120 && seenAfter === null; t++) {
      await world.advance(1_000);
      const now = ws.services.book.cachedDay(practice.today)?.find((a) => a.id === visit.id);
      if (now?.status === 'In Room') seenAfter = world.clock.now() - changedAt;
    }
    await world.drive(ws.services.sync.stop());
    expect(seenAfter).not.toBeNull();
    expect(seenAfter).toBeLessThanOrEqual(60_000);
    console.log(
      `[figure] engine: another desk's status change seen after ${String((seenAfter ?? 0) / 1000)} s`,
    );
  });
});
