import type { RoomBooking } from './bookings';
import { blocked, firstFit, usable, type Opening, type OpeningQuery } from './openings';
import { subtractSpans } from './spans';

/**
 * The earliest free time on one date in any exam room of the office (or the one asked for),
 * within office hours and after `from`, whether or not a template covers it: a walk-in is seen
 * wherever a room stands empty. Computed from the day's appointments held in memory, no call.
 */
export function openingInFreeRooms(
  q: OpeningQuery & {
    rooms: readonly number[];
    appointments: readonly RoomBooking[];
  },
): Opening | null {
  const open = usable(q);
  const rooms = q.examRoom === undefined ? q.rooms : q.rooms.filter((r) => r === q.examRoom);
  return firstFit(
    rooms.map((examRoom) => ({
      examRoom,
      templateId: null,
      free: subtractSpans(open, blocked(q, q.appointments, examRoom)),
    })),
    q,
  );
}

/** The earlier of two openings (the lower room on a tie); a template slot wins an exact tie. */
export function earlierOpening(a: Opening | null, b: Opening | null): Opening | null {
  if (!a || !b) return a ?? b;
  if (a.start !== b.start) return a.start < b.start ? a : b;
  if (a.examRoom !== b.examRoom) return a.examRoom < b.examRoom ? a : b;
  return a.templateId !== null ? a : b;
}
