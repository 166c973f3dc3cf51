import { tzOffset } from '@date-fns/tz';

/**
 * drchrono timestamps are wall-clock times in the practice's IANA zone (the doctor's `timezone`)
 * with no offset. Everything here converts only at the edges, and never consults the machine's
 * zone: a front desk in New York and a laptop set to Tokyo must show the same book.
 *
 * Two kinds of values:
 * - wall time: `YYYY-MM-DDTHH:mm:ss` as drchrono sends it, plus plain dates `YYYY-MM-DD`;
 * - instants: epoch milliseconds, for "now", ages and waiting times.
 * Arithmetic on dates and wall times is done on the calendar, in UTC, so no zone can leak in.
 */

const wallPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export type WallTime = string;
export type IsoDate = string;

interface WallParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function isNaiveTimestamp(value: string): boolean {
  return wallPattern.test(value);
}

/** Throws on `Z`, offsets or garbage: writes to drchrono must be naive wall times. */
export function parseWall(value: WallTime): WallParts {
  const m = wallPattern.exec(value);
  if (!m) throw new RangeError(`Not a timezone-less timestamp: ${JSON.stringify(value)}`);
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
  };
}

function parseDate(value: IsoDate): { year: number; month: number; day: number } {
  const m = datePattern.exec(value);
  if (!m) throw new RangeError(`Not a date: ${JSON.stringify(value)}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatUtcWall(ms: number): WallTime {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(
    d.getUTCHours(),
  )}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** The wall time as if it were UTC: a zone-free number for sorting and minute arithmetic. */
export function wallToUtcMs(wall: WallTime): number {
  const p = parseWall(wall);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

export function utcMsToWall(ms: number): WallTime {
  return formatUtcWall(ms);
}

/** Canonical `YYYY-MM-DDTHH:mm:ss` (adds missing seconds). */
export function normalizeWall(wall: WallTime): WallTime {
  return formatUtcWall(wallToUtcMs(wall));
}

function offsetMs(zone: string, instant: number): number {
  return tzOffset(zone, new Date(instant)) * 60_000;
}

/**
 * The instant a practice wall time denotes. Computed from the zone's offsets alone (never via a
 * Date built from local components, which the machine's own DST rules would bend). An ambiguous
 * time (the repeated hour of fall-back) is its first occurrence; a time in the spring-forward gap
 * is moved forward by the gap.
 */
export function wallToInstant(wall: WallTime, zone: string): number {
  const asUtc = wallToUtcMs(wall);
  const before = asUtc - offsetMs(zone, asUtc - 12 * 3_600_000);
  const after = asUtc - offsetMs(zone, asUtc + 12 * 3_600_000);
  const candidates = [before, after].filter((t) => instantToWall(t, zone) === normalizeWall(wall));
  if (candidates.length > 0) return Math.min(...candidates);
  return before;
}

/** The practice's wall time at an instant. */
export function instantToWall(instant: number, zone: string): WallTime {
  return formatUtcWall(instant + offsetMs(zone, instant));
}

/** Today's date in the practice, whatever the machine's zone. */
export function todayIn(zone: string, now: number): IsoDate {
  return instantToWall(now, zone).slice(0, 10);
}

export function wallDate(wall: WallTime): IsoDate {
  parseWall(wall);
  return wall.slice(0, 10);
}

/** Minutes since the practice's midnight, by the wall clock. */
export function wallMinutesOfDay(wall: WallTime): number {
  const p = parseWall(wall);
  return p.hour * 60 + p.minute;
}

export function addMinutesToWall(wall: WallTime, minutes: number): WallTime {
  return formatUtcWall(wallToUtcMs(wall) + minutes * 60_000);
}

export function minutesBetweenWalls(from: WallTime, to: WallTime): number {
  return Math.round((wallToUtcMs(to) - wallToUtcMs(from)) / 60_000);
}

export function wallAt(date: IsoDate, time: string): WallTime {
  parseDate(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!t) throw new RangeError(`Not a time of day: ${JSON.stringify(time)}`);
  return `${date}T${t[1] ?? '00'}:${t[2] ?? '00'}:${t[3] ?? '00'}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const p = parseDate(date);
  return formatUtcWall(Date.UTC(p.year, p.month - 1, p.day + days)).slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parseDate(from);
  const b = parseDate(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** Every date from `start` to `end`, inclusive. */
export function datesInRange(start: IsoDate, end: IsoDate): IsoDate[] {
  const n = daysBetween(start, end);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addDays(start, i));
}

/** drchrono's week-day numbering: 0 = Monday … 6 = Sunday. */
export function drchronoWeekday(date: IsoDate): number {
  const p = parseDate(date);
  const jsDay = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay(); // 0 = Sunday
  return (jsDay + 6) % 7;
}

/** Minutes this practice day really lasts (1380 or 1500 on DST change days). */
export function practiceDayLengthMinutes(date: IsoDate, zone: string): number {
  const start = wallToInstant(`${date}T00:00:00`, zone);
  const end = wallToInstant(`${addDays(date, 1)}T00:00:00`, zone);
  return Math.round((end - start) / 60_000);
}

/** Real elapsed minutes between two wall times in the zone (differs from wall minutes across DST). */
export function elapsedMinutes(from: WallTime, to: WallTime, zone: string): number {
  return Math.round((wallToInstant(to, zone) - wallToInstant(from, zone)) / 60_000);
}
