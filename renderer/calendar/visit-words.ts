/**
 * A visit's day and time in the words a toast or a notice uses: "Mon 7 Dec at 9:55 AM". The
 * value is a practice wall time (drchrono's naive timestamp), so it is read as written: the
 * computer's own zone never shifts it.
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

/** "09:55" or "2026-12-07T13:05:00" → "9:55 AM" / "1:05 PM". */
export function clockTime(wall: string): string {
  const m = /(\d{2}):(\d{2})/.exec(wall.includes('T') ? wall.slice(11) : wall);
  if (!m) return wall;
  const hour = Number(m[1]);
  const suffix = hour < 12 ? 'AM' : 'PM';
  return `${String(hour % 12 === 0 ? 12 : hour % 12)}:${m[2] ?? '00'} ${suffix}`;
}

/** "2026-12-07" → "Mon 7 Dec". */
export function dayWords(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return `${weekdays[d.getUTCDay()] ?? ''} ${String(d.getUTCDate())} ${months[d.getUTCMonth()] ?? ''}`;
}

/** "2026-12-07T09:55" → "Mon 7 Dec at 9:55 AM". */
export function visitWhen(wall: string): string {
  return `${dayWords(wall.slice(0, 10))} at ${clockTime(wall)}`;
}
