import type { World } from '../integration/sync-harness';
import { ROOMS, slotTime, type Scenario } from './day-scenario';

/**
 * What both ways of running the scripted day share: the practice they work in, the result they
 * report, what "others" do meanwhile, and how calls are counted per workstation-hour.
 */

export interface DeskRunResult {
  /** Calls per workstation per hour of the day (index 0 = 08:00–09:00; setup counts in hour 0). */
  perDeskHour: Record<string, number[]>;
  total: number;
  tooMany: number;
  /** Staleness samples (ms) of other desks' and others' changes, by the observer's mode then. */
  staleness: { active: number[]; idle: number[] };
  edits: { saved: number; queued: number; refused: number; retriedSlots: number };
  unseen: number;
  /** Calls by what they were for (ours only). */
  byKind: Record<string, number>;
  /** The slowest sightings, for reading the staleness figure honestly. */
  slowest: string[];
  /** When each desk polled (virtual ms), for reading the policy. */
  polls?: Record<string, number[]>;
}

export function setUpDeskDay(world: World): { office: number; doctor: number; patients: number[] } {
  const { db } = world.sandbox;
  const office = db.offices.all().find((o) => (o.data.exam_rooms as unknown[]).length >= 3);
  if (!office) throw new Error('no office with three rooms');
  return {
    office: office.id,
    doctor: Number(office.data.doctor),
    patients: db.patients.all().map((p) => p.id),
  };
}

/** Clears the desk's three rooms today and books the scenario's advance appointments. */
export async function bookAdvance(world: World, scenario: Scenario): Promise<void> {
  const { office, doctor, patients } = setUpDeskDay(world);
  const other = world.sandbox.control;
  for (const a of world.sandbox.db.appointments.all()) {
    if (
      a.office === office &&
      ROOMS.includes(a.exam_room as 1 | 2 | 3) &&
      a.scheduled_time.startsWith(scenario.date) &&
      !a.deleted_flag
    ) {
      await other.asOtherWorkstation('DELETE', `/api/appointments/${a.id}`);
    }
  }
  let i = 0;
  for (const [room, slot] of scenario.prebooked) {
    const created = await other.asOtherWorkstation('POST', '/api/appointments', {
      doctor,
      office,
      exam_room: room,
      patient: patients[(i++ * 7) % patients.length],
      scheduled_time: slotTime(scenario.date, slot),
      duration: 15,
      status: i % 3 === 0 ? 'Confirmed' : '',
    });
    if (created.status !== 201)
      throw new Error(`advance booking refused: ${String(created.status)}`);
  }
}

export function emptyRunResult(): DeskRunResult {
  return {
    perDeskHour: {},
    total: 0,
    tooMany: 0,
    staleness: { active: [], idle: [] },
    edits: { saved: 0, queued: 0, refused: 0, retriedSlots: 0 },
    unseen: 0,
    byKind: {},
    slowest: [],
  };
}

/**
 * Someone else (a doctor in an exam room, another app) writes a note on one of today's visits,
 * picked by the moment so both runs change the same ones. Returns the id when drchrono took it.
 */
export async function othersChange(
  world: World,
  scenario: Scenario,
  at: number,
): Promise<string | null> {
  const visible = world.sandbox.db.appointments
    .all()
    .filter(
      (a) => a.scheduled_time.startsWith(scenario.date) && !a.deleted_flag && a.patient !== null,
    );
  const target = visible[Math.floor((at / 1000) % Math.max(1, visible.length))];
  if (!target) return null;
  const answer = await world.sandbox.control.asOtherWorkstation(
    'PATCH',
    `/api/appointments/${target.id}`,
    { notes: `note ${String(at)}` },
  );
  return answer.status === 204 ? target.id : null;
}

/** Adds one workstation's call log to the result: calls per hour of the day, 429s, the total. */
export function countCalls(
  result: DeskRunResult,
  scenario: Scenario,
  name: string,
  log: readonly { at: number; status: number }[],
): void {
  const hours = Array.from({ length: 10 }, () => 0);
  for (const call of log) {
    const hour = Math.min(9, Math.max(0, Math.floor((call.at - scenario.start) / 3_600_000)));
    hours[hour] = (hours[hour] ?? 0) + 1;
    if (call.status === 429) result.tooMany += 1;
  }
  result.perDeskHour[name] = hours;
  result.total += log.length;
}
