import type { WallTime } from '../../shared/time/practice-time';
import { formatClock } from '../../shared/schedule';

/**
 * A visit's day and time in the words a toast or a notice uses: "Mon 7 Dec at 9:55 AM" (or
 * "at 09:55" on a 24-hour desk). The value is a practice wall time (drchrono's naive timestamp),
 * so it is read as written: the computer's own zone never shifts it.
 */

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const months = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** "2026-12-07" → "Mon 7 Dec". */
export function dayWords(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return `${weekdays[d.getUTCDay()] ?? ''} ${String(d.getUTCDate())} ${months[d.getUTCMonth()] ?? ''}`;
}

/** "2026-12-07T09:55:00" → "Mon 7 Dec at 9:55 AM" (12-hour desk) or "Mon 7 Dec at 09:55". */
export function visitWhen(wall: WallTime, hour12: boolean): string {
  return `${dayWords(wall.slice(0, 10))} at ${formatClock(wall, hour12)}`;
}
