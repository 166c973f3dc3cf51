import { wallToUtcMs } from '../../shared/time/practice-time';
import { nextStatus, ROOMS, SLOTS_PER_ROOM, slotTime } from './day-scenario';

/**
 * What a receptionist picks on screen, from what that screen shows (the same rules for our desk
 * and for the naive client, so both do the same work).
 */

export interface Visible {
  id: string;
  office: number;
  exam_room: number;
  scheduled_time: string;
  duration: number;
  status?: string | null | undefined;
  patient: number | null;
}

const blocking = (a: Visible) => a.status !== 'Cancelled';

function overlaps(a: Visible, start: number, minutes: number): boolean {
  const s = wallToUtcMs(a.scheduled_time);
  return s < start + minutes * 60_000 && start < s + a.duration * 60_000;
}

/** The first free 15-minute slot in the desk's rooms after `nowWall`, trying rooms in `order`. */
export function freeSlot(
  visible: Visible[],
  office: number,
  date: string,
  nowWall: string,
  order: readonly number[] = ROOMS,
  skip: ReadonlySet<string> = new Set(),
): { room: number; time: string } | null {
  for (let slot = 0; slot < SLOTS_PER_ROOM; slot++) {
    const time = slotTime(date, slot);
    if (time <= nowWall) continue;
    for (const room of order) {
      if (skip.has(`${String(room)}@${time}`)) continue;
      const start = wallToUtcMs(time);
      const busy = visible.some(
        (a) => a.office === office && a.exam_room === room && blocking(a) && overlaps(a, start, 15),
      );
      if (!busy) return { room, time };
    }
  }
  return null;
}

/** The visit whose status the desk advances now: the earliest one due around this time. */
export function visitToAdvance(
  visible: Visible[],
  office: number,
  nowWall: string,
): { visit: Visible; to: string } | null {
  const now = wallToUtcMs(nowWall);
  const candidates = visible
    .filter((a) => a.office === office && a.patient !== null && nextStatus(a.status) !== null)
    .filter((a) => wallToUtcMs(a.scheduled_time) <= now + 30 * 60_000)
    .sort((a, b) => (a.scheduled_time < b.scheduled_time ? -1 : 1));
  const visit =
    candidates[0] ??
    visible.find((a) => a.office === office && a.patient !== null && nextStatus(a.status) !== null);
  if (!visit) return null;
  const to = nextStatus(visit.status);
  return to === null ? null : { visit, to };
}

/** A later visit the desk moves (the patient called to come another time today). */
export function visitToMove(visible: Visible[], office: number, nowWall: string): Visible | null {
  const soon = wallToUtcMs(nowWall) + 30 * 60_000;
  const later = visible.filter(
    (a) =>
      a.office === office &&
      a.patient !== null &&
      ROOMS.includes(a.exam_room as 1 | 2 | 3) &&
      wallToUtcMs(a.scheduled_time) > soon &&
      (a.status ?? '') === '',
  );
  return later[Math.floor(later.length / 2)] ?? null;
}
