import {
  addDays,
  practiceDayLengthMinutes,
  instantToWall,
  normalizeWall,
  wallToInstant,
  type IsoDate,
} from '../time/practice-time';
import { dayStartMinutes, minutesToWall, wallMinutes, type Span } from './spans';

/** What an office says about its hours (drchrono truncates them to the hour). */
export interface OfficeHoursLike {
  start_time?: string | null | undefined;
  end_time?: string | null | undefined;
}

function timeMinutes(time: string | null | undefined, fallback: number): number {
  const m = /^(\d{1,2}):(\d{2})/.exec(time ?? '');
  if (!m) return fallback;
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Minutes after midnight the office opens and closes. drchrono's defaults are 00:00 and 24:00;
 * "24:00" is a valid end. A closing time not after the opening one is read as midnight.
 */
export function officeDayBounds(office: OfficeHoursLike): { open: number; close: number } {
  const open = Math.min(timeMinutes(office.start_time, 0), 24 * 60 - 5);
  let close = Math.min(timeMinutes(office.end_time, 24 * 60), 24 * 60);
  if (close <= open) close = 24 * 60;
  return { open, close };
}

/** The office's opening hours on a date, as a span. */
export function officeDaySpan(office: OfficeHoursLike, date: IsoDate): Span {
  const base = dayStartMinutes(date);
  const { open, close } = officeDayBounds(office);
  return { start: base + open, end: base + close };
}

/**
 * Wall times that do not exist on a date in the zone (the hour skipped when clocks spring
 * forward). Nothing may be offered there: drchrono would store a time no clock ever shows.
 */
export function missingWallSpans(date: IsoDate, zone: string): Span[] {
  if (practiceDayLengthMinutes(date, zone) >= 24 * 60) return [];
  const out: Span[] = [];
  const base = dayStartMinutes(date);
  const end = dayStartMinutes(addDays(date, 1));
  for (let m = base; m < end; m += 15) {
    const wall = minutesToWall(m);
    const exists = instantToWall(wallToInstant(wall, zone), zone) === normalizeWall(wall);
    if (exists) continue;
    const last = out[out.length - 1];
    if (last && last.end === m) last.end = m + 15;
    else out.push({ start: m, end: m + 15 });
  }
  return out;
}

/** Minutes since the practice's midnight for a wall time, as the axis needs them. */
export function minutesOfDay(wall: string): number {
  return wallMinutes(wall) - dayStartMinutes(wall.slice(0, 10));
}
