import { addDays, instantToWall, normalizeWall } from '../../shared/time/practice-time';
import type { StoredAppointment } from '../../electron/sync/desk-fields';
import {
  createWorld,
  type Workstation,
  type WorkstationOptions,
} from '../integration/sync-harness';
import { freeSlot, visitToAdvance, visitToMove } from './day-desk-ops';
import {
  ROOMS,
  WORKSTATIONS,
  ZONE,
  type DayEvent,
  type DeskName,
  type Scenario,
} from './day-scenario';
import {
  bookAdvance,
  countCalls,
  emptyRunResult,
  othersChange,
  setUpDeskDay,
  type DeskRunResult,
} from './day-shared';

/**
 * The scripted day driven through Frontdesk's own services: three workstations, each with its own
 * client, budget, cache, roster, outbox and sync engine, against one sandbox that enforces
 * drchrono's 500 calls per hour. Virtual time; the driver waits for in-flight work before moving it.
 */

export function kindOf(method: string, url: string): string {
  const u = new URL(url);
  if (method !== 'GET') return 'edits';
  if (u.pathname === '/api/appointments') {
    if (u.searchParams.has('since')) return 'since polls';
    if (u.searchParams.has('date_range')) return 'day fetches';
    return 'other appointment lists';
  }
  if (u.pathname.startsWith('/api/appointments/')) return 'record reads';
  if (u.pathname === '/api/patients') return 'roster';
  return 'reference';
}

interface Expectation {
  what: string;
  id: string;
  at: number;
  check: (a: StoredAppointment | null) => boolean;
  observers: Map<DeskName, { active: boolean; seenAt: number | null }>;
}

export async function runOurDay(
  scenario: Scenario,
  seed: number,
  tuning?: WorkstationOptions['tuning'],
): Promise<DeskRunResult> {
  const world = createWorld({ start: scenario.start - 15 * 60_000, seed });
  await bookAdvance(world, scenario);
  const { office, patients } = setUpDeskDay(world);
  const desks = new Map<DeskName, Workstation>();
  for (const name of WORKSTATIONS)
    desks.set(name, world.workstation(name, tuning ? { tuning } : {}));
  const expectations: Expectation[] = [];
  const result = emptyRunResult();

  const observe = (name: DeskName, ws: Workstation) => {
    ws.events.subscribe((event) => {
      if (event !== 'data:changed') return;
      const now = world.clock.now();
      for (const e of expectations) {
        const o = e.observers.get(name);
        if (!o || o.seenAt !== null) continue;
        if (e.check(ws.services.cache.days.find(e.id))) o.seenAt = now;
      }
    });
  };
  /**
   * The change is seen once an observer holds this version of the appointment or a later one
   * (a later edit by anyone supersedes it), judged by drchrono's `updated_at`.
   */
  const expect = (id: string, by: DeskName | null, what: string) => {
    const row = world.sandbox.db.appointments.get(id);
    if (!row) return;
    const version = instantToWall(row.updatedMs, ZONE).slice(0, 19);
    const check: Expectation['check'] = (a) =>
      a !== null && normalizeWall(a.updated_at ?? '1970-01-01T00:00:00') >= version;
    const observers = new Map<DeskName, { active: boolean; seenAt: number | null }>();
    for (const [name, ws] of desks) {
      if (name === by) continue;
      const seen = check(ws.services.cache.days.find(id));
      observers.set(name, {
        active: ws.services.sync.mode() === 'active',
        seenAt: seen ? world.clock.now() : null,
      });
    }
    expectations.push({ id, at: world.clock.now(), check, observers, what });
  };

  // The desks open: reference data, today on screen, the engine running.
  for (const [name, ws] of desks) {
    observe(name, ws);
    ws.services.sync.start();
    ws.services.sync.activity();
    await world.drive(ws.services.practice.get());
    const today = { start: scenario.date, end: scenario.date };
    await world.drive(ws.services.book.range(today));
    ws.services.sync.watch(today);
  }

  const viewing = new Map<DeskName, string>();
  const nowWall = () => instantToWall(world.clock.now(), ZONE);
  const todayOf = (ws: Workstation) => ws.services.book.cachedDay(scenario.date) ?? [];

  async function perform(event: DayEvent): Promise<void> {
    if (event.kind === 'other') {
      const changed = await othersChange(world, scenario, event.at);
      if (changed !== null) expect(changed, null, 'note by others');
      return;
    }
    const ws = desks.get(event.desk);
    if (!ws) return;
    const s = ws.services;
    s.sync.activity();
    const show = async (date: string) => {
      const range = { start: date, end: date };
      await s.book.range(range);
      s.sync.watch(range);
      viewing.set(event.desk, date);
    };
    if (event.kind === 'view') {
      await show(addDays(scenario.date, event.offset));
      return;
    }
    // Edits happen on today's book: a desk looking at another day goes back to it first.
    if (viewing.get(event.desk) !== scenario.date) await show(scenario.date);
    const visible = todayOf(ws);
    if (event.kind === 'status') {
      const pick = visitToAdvance(visible, office, nowWall());
      if (!pick) return;
      const status = pick.to as 'Arrived';
      const r = await s.book.update(
        pick.visit.id,
        { status },
        { status: (pick.visit.status ?? '') as 'Arrived' },
      );
      tally(r.ok ? r.value.state : 'refused');
      if (r.ok && r.value.state === 'saved') {
        expect(pick.visit.id, event.desk, `status by ${event.desk}`);
      }
      return;
    }
    if (event.kind === 'move') {
      const visit = visitToMove(visible, office, nowWall());
      if (!visit) return;
      const skip = new Set<string>();
      for (let tries = 0; tries < 5; tries++) {
        const slot = freeSlot(visible, office, scenario.date, nowWall(), [3, 2, 1], skip);
        if (!slot) return;
        const r = await s.book.update(
          visit.id,
          { scheduled_time: slot.time, exam_room: slot.room },
          { scheduled_time: visit.scheduled_time, exam_room: visit.exam_room },
        );
        if (!r.ok && r.error.code === 'conflict') {
          skip.add(`${String(slot.room)}@${slot.time}`);
          result.edits.retriedSlots += 1;
          continue;
        }
        tally(r.ok ? r.value.state : 'refused');
        if (r.ok && r.value.state === 'saved') {
          expect(visit.id, event.desk, `move by ${event.desk}`);
        }
        return;
      }
      return;
    }
    // A booking: a phone call, the first free slot.
    const skip = new Set<string>();
    for (let tries = 0; tries < 5; tries++) {
      const slot = freeSlot(visible, office, scenario.date, nowWall(), ROOMS, skip);
      if (!slot) return;
      const r = await s.book.create({
        doctor: Number(world.sandbox.db.offices.get(office)?.data.doctor),
        office,
        exam_room: slot.room,
        patient: patients[Math.floor(event.at / 60_000) % patients.length] ?? null,
        scheduled_time: slot.time,
        duration: 15,
      });
      if (!r.ok && r.error.code === 'conflict') {
        skip.add(`${String(slot.room)}@${slot.time}`);
        result.edits.retriedSlots += 1;
        continue;
      }
      tally(r.ok ? r.value.state : 'refused');
      if (r.ok && r.value.state === 'saved') {
        expect(r.value.appointment.id, event.desk, `booking by ${event.desk}`);
      }
      return;
    }
  }

  function tally(state: 'saved' | 'queued' | 'refused'): void {
    result.edits[state] += 1;
  }

  for (const event of scenario.events) {
    await world.advance(Math.max(0, event.at - world.clock.now()));
    await world.drive(perform(event));
  }
  await world.advance(Math.max(0, scenario.end - world.clock.now()));
  for (const ws of desks.values()) await world.drive(ws.services.sync.stop());

  const slow: [number, string][] = [];
  for (const e of expectations) {
    for (const [name, o] of e.observers) {
      const waited = (o.seenAt ?? scenario.end) - e.at;
      if (o.seenAt === null) result.unseen += 1;
      (o.active ? result.staleness.active : result.staleness.idle).push(waited);
      slow.push([
        waited,
        `${e.what} at ${instantToWall(e.at, ZONE).slice(11, 16)} seen by ${name} (${o.active ? 'active' : 'idle'}) after ${String(Math.round(waited / 1000))} s${o.seenAt === null ? ' (never)' : ''}`,
      ]);
    }
  }
  result.slowest = slow
    .filter(([, text]) => text.includes('(active)'))
    .sort((a, b) => b[0] - a[0])
    .slice(0, 5)
    .map(([, text]) => text);
  for (const [name, ws] of desks) {
    countCalls(result, scenario, name, ws.log);
    for (const call of ws.log) {
      const kind = kindOf(call.method, call.url);
      result.byKind[kind] = (result.byKind[kind] ?? 0) + 1;
    }
    (result.polls ??= {})[name] = ws.log
      .filter((c) => kindOf(c.method, c.url) === 'since polls')
      .map((c) => c.at);
  }
  return result;
}
