import type { WallTime } from '../time/practice-time';

/** "9:30 AM" on a 12-hour desk, "09:30" on a 24-hour one: the wall time as the practice reads it. */
export function formatClock(wall: WallTime, hour12: boolean): string {
  const h = Number(wall.slice(11, 13));
  const m = wall.slice(14, 16);
  if (!hour12) return `${wall.slice(11, 13)}:${m}`;
  const suffix = h < 12 ? 'AM' : 'PM';
  return `${String(h % 12 === 0 ? 12 : h % 12)}:${m} ${suffix}`;
}

/** "9:30–10:00 AM", "11:30 AM–12:15 PM", "09:30–10:00": a span without repeating the half of day. */
export function formatClockRange(start: WallTime, end: WallTime, hour12: boolean): string {
  const a = formatClock(start, hour12);
  const b = formatClock(end, hour12);
  if (hour12 && a.slice(-2) === b.slice(-2)) return `${a.slice(0, -3)}–${b}`;
  return `${a}–${b}`;
}
