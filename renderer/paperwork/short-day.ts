import { formatClock } from '../../shared/schedule';

const monthDay = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
});

/**
 * "Dec 6" for a practice date or wall time ("2026-12-06", "2026-12-06T09:30:00"); formatted
 * through UTC so this computer's zone cannot shift the day. Anything unreadable is shown as it came.
 */
export function shortDay(wall: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(wall);
  return m
    ? monthDay.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))))
    : wall;
}

/** "Dec 6 9:30 AM" or "Dec 6 09:30": a wall time ("T" or a space before the hour) the desk's way. */
export function shortDayTime(wall: string, hour12: boolean): string {
  return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(wall)
    ? `${shortDay(wall)} ${formatClock(wall, hour12)}`
    : wall;
}
