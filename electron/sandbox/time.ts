import { TZDate } from '@date-fns/tz';

/**
 * drchrono speaks wall-clock time in the practice's zone with no offset. The sandbox keeps
 * instants (epoch ms from its Clock) for stamps and expiries, and wall-clock strings for the
 * calendar; these helpers are the only place the two meet. Calendar arithmetic (days, minutes)
 * is done on the wall clock as if it were UTC, so no zone, least of all the machine's, leaks in.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const wallPattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?$/;
const zonedPattern = /(Z|[+-]\d{2}:?\d{2})$/i;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

const offsetCache = new Map<string, number>();
const quarterHour = 900_000;

/**
 * The zone's UTC offset at an instant, cached per quarter hour (zones only change offset on
 * quarter-hour marks): stamping thousands of records through Intl on every list is too slow.
 */
function offsetAt(ms: number, timezone: string): number {
  const key = `${timezone}|${String(Math.floor(ms / quarterHour))}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const d = new TZDate(ms, timezone);
    offset =
      Date.UTC(
        d.getFullYear(),
        d.getMonth(),
        d.getDate(),
        d.getHours(),
        d.getMinutes(),
        d.getSeconds(),
      ) -
      Math.floor(ms / 1000) * 1000;
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** Epoch ms → `YYYY-MM-DDTHH:MM:SS` on the practice's wall clock. */
export function formatStamp(ms: number, timezone: string): string {
  return new Date(ms + offsetAt(ms, timezone)).toISOString().slice(0, 19);
}

/** The practice's calendar date at an instant. */
export function practiceDate(ms: number, timezone: string): string {
  return formatStamp(ms, timezone).slice(0, 10);
}

/** Wall-clock string (or date) in the practice zone → epoch ms; undefined when malformed. */
export function wallToInstant(value: string, timezone: string): number | undefined {
  const wall = parseWall(value) ?? (isDate(value) ? parseWall(`${value}T00:00:00`) : undefined);
  if (!wall) return undefined;
  const [y, mo, d, h, mi, s] = wall.parts;
  return TZDate.tz(timezone, y, mo - 1, d, h, mi, s).getTime();
}

export interface Wall {
  /** Canonical `YYYY-MM-DDTHH:MM:SS`. */
  text: string;
  date: string;
  parts: [number, number, number, number, number, number];
}

/** Parses a timezone-less timestamp; undefined for anything else (including a `Z` or offset). */
export function parseWall(value: string): Wall | undefined {
  const m = wallPattern.exec(value);
  if (!m) return undefined;
  const parts = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as Wall['parts'];
  const [y, mo, d, h, mi, s] = parts;
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (
    probe.getUTCFullYear() !== y ||
    probe.getUTCMonth() !== mo - 1 ||
    probe.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  )
    return undefined;
  const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  return { text: `${date}T${pad(h)}:${pad(mi)}:${pad(s)}`, date, parts };
}

export function carriesZone(value: string): boolean {
  return zonedPattern.test(value.trim()) && /\d{2}:\d{2}/.test(value);
}

export function isDate(value: string): boolean {
  const m = datePattern.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** `HH:MM[:SS]` → minutes after midnight, or undefined. */
export function parseTimeOfDay(value: string): number | undefined {
  const m = timePattern.exec(value);
  if (!m) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0))) return undefined;
  return h * 60 + mi;
}

export function formatTimeOfDay(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;
}

const dayMs = 86_400_000;

function dateToUtc(date: string): number {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

const addDaysMemo = new Map<string, string>();

export function addDays(date: string, days: number): string {
  const key = `${date}|${String(days)}`;
  let out = addDaysMemo.get(key);
  if (out === undefined) {
    out = new Date(dateToUtc(date) + days * dayMs).toISOString().slice(0, 10);
    if (addDaysMemo.size > 100_000) addDaysMemo.clear();
    addDaysMemo.set(key, out);
  }
  return out;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((dateToUtc(to) - dateToUtc(from)) / dayMs);
}

/** drchrono's week: 0 = Monday ... 6 = Sunday. */
export function weekDay(date: string): number {
  return (new Date(dateToUtc(date)).getUTCDay() + 6) % 7;
}

/** Minutes since the epoch on the wall clock: a zone-free number for overlap arithmetic. */
export function wallMinutes(wall: string): number {
  // Fast path for the canonical form every stored timestamp has: this runs in overlap checks.
  if (wall.length === 19 && wall[10] === 'T')
    return dateToUtc(wall) / 60_000 + Number(wall.slice(11, 13)) * 60 + Number(wall.slice(14, 16));
  const parsed = parseWall(wall);
  if (!parsed) throw new RangeError(`not a wall-clock timestamp: ${wall}`);
  const [y, mo, d, h, mi] = parsed.parts;
  return Date.UTC(y, mo - 1, d, h, mi) / 60_000;
}

export function wallFromMinutes(minutes: number): string {
  return new Date(minutes * 60_000).toISOString().slice(0, 19);
}

export function wallAt(date: string, minutesOfDay: number): string {
  return `${date}T${formatTimeOfDay(minutesOfDay)}`;
}
