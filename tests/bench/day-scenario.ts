import { seededRandom } from '../../electron/sync';
import { addMinutesToWall, wallToInstant } from '../../shared/time/practice-time';

/**
 * The scripted front-desk day, as data: the same for our workstations and for the naive client.
 * 08:00–18:00 in the practice, an idle hour at lunch, three workstations at one desk office with
 * three exam rooms of forty 15-minute slots each (thirty booked in advance, ten left for the day's
 * bookings), and the day's work spread over the hours.
 */

export const ZONE = 'America/New_York';
export const WORKSTATIONS = ['desk-1', 'desk-2', 'desk-3'] as const;
export type DeskName = (typeof WORKSTATIONS)[number];
export const ROOMS = [1, 2, 3] as const;
export const SLOTS_PER_ROOM = 40;
export const PREBOOKED_PER_ROOM = 30;

export type DayEvent =
  | { at: number; kind: 'book'; desk: DeskName }
  | { at: number; kind: 'move'; desk: DeskName }
  | { at: number; kind: 'status'; desk: DeskName }
  /** Look at another day (0–7 days ahead), or back at today. */
  | { at: number; kind: 'view'; desk: DeskName; offset: number }
  /** Someone else (a doctor in an exam room, the practice's other apps) changes an appointment. */
  | { at: number; kind: 'other' };

export interface Scenario {
  date: string;
  start: number;
  end: number;
  lunch: [number, number];
  /** `[room, slot index]` booked before the day starts. */
  prebooked: [number, number][];
  events: DayEvent[];
  counts: { bookings: number; moves: number; statuses: number; views: number; others: number };
}

export function slotTime(date: string, slot: number): string {
  return addMinutesToWall(`${date}T08:00:00`, slot * 15);
}

export function buildScenario(date: string, seed = 20261124): Scenario {
  const rng = seededRandom(seed);
  const at = (wall: string) => wallToInstant(wall, ZONE);
  const start = at(`${date}T08:00:00`);
  const end = at(`${date}T18:00:00`);
  const lunch: [number, number] = [at(`${date}T12:00:00`), at(`${date}T13:00:00`)];
  const desk = (): DeskName => WORKSTATIONS[Math.floor(rng() * WORKSTATIONS.length)] ?? 'desk-1';
  /** A working moment: after opening, before closing, never at lunch. */
  const workingMoment = (): number => {
    for (;;) {
      const t = start + 5 * 60_000 + Math.floor(rng() * (end - start - 10 * 60_000));
      if (t < lunch[0] - 60_000 || t >= lunch[1]) return t;
    }
  };

  const prebooked: [number, number][] = [];
  for (const room of ROOMS) {
    const slots = Array.from({ length: SLOTS_PER_ROOM }, (_, i) => i);
    for (let i = slots.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [slots[i], slots[j]] = [slots[j] ?? 0, slots[i] ?? 0];
    }
    for (const slot of slots.slice(0, PREBOOKED_PER_ROOM).sort((a, b) => a - b)) {
      prebooked.push([room, slot]);
    }
  }

  const events: DayEvent[] = [];
  const counts = { bookings: 30, moves: 20, statuses: 80, views: 0, others: 0 };
  for (let i = 0; i < counts.bookings; i++)
    events.push({ at: workingMoment(), kind: 'book', desk: desk() });
  for (let i = 0; i < counts.moves; i++)
    events.push({ at: workingMoment(), kind: 'move', desk: desk() });
  for (let i = 0; i < counts.statuses; i++) {
    events.push({ at: workingMoment(), kind: 'status', desk: desk() });
  }
  // Each desk glances at other days a few times an hour and comes back to today.
  for (const name of WORKSTATIONS) {
    for (let i = 0; i < 30; i++) {
      const t = workingMoment();
      const offset = 1 + Math.floor(rng() * 7);
      events.push({ at: t, kind: 'view', desk: name, offset });
      events.push({
        at: t + 60_000 + Math.floor(rng() * 120_000),
        kind: 'view',
        desk: name,
        offset: 0,
      });
      counts.views += 2;
    }
  }
  // Others change something every few minutes, lunch included (doctors finish notes then).
  for (let t = start + 2 * 60_000; t < end; t += 2 * 60_000 + Math.floor(rng() * 4 * 60_000)) {
    events.push({ at: t, kind: 'other' });
    counts.others += 1;
  }
  events.sort((a, b) => a.at - b.at);
  return { date, start, end, lunch, prebooked, events, counts };
}

/** drchrono's next status for a visit moving through the day. */
export function nextStatus(status: string | null | undefined): string | null {
  switch (status ?? '') {
    case '':
    case 'Confirmed':
    case 'Not Confirmed':
      return 'Arrived';
    case 'Arrived':
      return 'Checked In';
    case 'Checked In':
      return 'In Room';
    case 'In Room':
    case 'In Session':
      return 'Complete';
    default:
      return null;
  }
}
