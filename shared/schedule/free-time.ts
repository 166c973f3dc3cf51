import type { IsoDate, WallTime } from '../time/practice-time';
import { busySpans, type RoomBooking } from './bookings';
import { missingWallSpans, officeDaySpan, type OfficeHoursLike } from './office-hours';
import {
  ceilToStep,
  minutesToWall,
  subtractSpans,
  toWallSpan,
  wallMinutes,
  type Span,
  type WallSpan,
} from './spans';

export interface RoomDay {
  date: IsoDate;
  office: OfficeHoursLike & { id: number };
  /** 1-based index into the office's `exam_rooms`. */
  examRoom: number;
  /** The day's appointments (any rooms, any offices: the others are ignored). */
  appointments: readonly RoomBooking[];
  /** An appointment to leave out, e.g. the one being moved. */
  excludeId?: string | undefined;
  /** The practice zone: when given, wall times skipped by a DST change are never free. */
  zone?: string | undefined;
}

export function roomFreeSpans(day: RoomDay): Span[] {
  const open = [officeDaySpan(day.office, day.date)];
  const busy = busySpans(
    day.appointments,
    { office: day.office.id, exam_room: day.examRoom },
    day.excludeId,
  );
  if (day.zone) busy.push(...missingWallSpans(day.date, day.zone));
  return subtractSpans(open, busy);
}

/** Free intervals of a room on a day: office hours minus what holds the room (breaks included). */
export function roomFreeTime(day: RoomDay): WallSpan[] {
  return roomFreeSpans(day).map(toWallSpan);
}

export interface FreeSlot {
  start: WallTime;
  end: WallTime;
  examRoom: number;
}

/**
 * The free slots of `duration` minutes nearest to `around` in a room, for a clash message
 * ("free at 10:30, 11:15 or 09:00"). Starts sit on a `step`-minute grid (or right where a free
 * interval begins); the slots returned do not overlap each other, nearest first, and one of them
 * is later than `around` whenever the day has such a slot.
 */
export function nearestFreeSlots(
  day: RoomDay & {
    around: WallTime;
    duration: number;
    count?: number;
    step?: number;
    /** Nothing earlier than this (e.g. now). */
    notBefore?: WallTime | undefined;
  },
): FreeSlot[] {
  const count = day.count ?? 3;
  const step = day.step ?? 5;
  const duration = Math.max(1, day.duration);
  const around = wallMinutes(day.around);
  const floor = day.notBefore === undefined ? -Infinity : wallMinutes(day.notBefore);
  const candidates: number[] = [];
  for (const free of roomFreeSpans(day)) {
    const first = Math.max(free.start, floor);
    const last = free.end - duration;
    if (last < first) continue;
    candidates.push(first);
    for (let t = ceilToStep(first, step); t <= last; t += step) if (t !== first) candidates.push(t);
  }
  candidates.sort((a, b) => Math.abs(a - around) - Math.abs(b - around) || a - b);
  const chosen: number[] = [];
  for (const c of candidates) {
    if (chosen.length >= count) break;
    if (chosen.every((x) => Math.abs(x - c) >= duration)) chosen.push(c);
  }
  // Offer a later time too when there is one: "not before lunch, then after" is the usual answer.
  const later = candidates.find((c) => c >= around);
  if (later !== undefined && chosen.length > 1 && !chosen.some((c) => c >= around)) {
    chosen.pop();
    if (chosen.every((x) => Math.abs(x - later) >= duration)) chosen.push(later);
  }
  return chosen.map((start) => ({
    start: minutesToWall(start),
    end: minutesToWall(start + duration),
    examRoom: day.examRoom,
  }));
}
