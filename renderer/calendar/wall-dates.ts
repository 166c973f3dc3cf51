import {
  instantToWall,
  utcMsToWall,
  wallToUtcMs,
  type WallTime,
} from '../../shared/time/practice-time';

/**
 * FullCalendar runs with `timeZone: 'UTC'` and is fed practice wall times as if they were UTC, so
 * what it draws is the practice's clock whatever the PC's zone. These are the only conversions
 * between its Dates and drchrono's wall times.
 */

export function wallToCalendarMs(wall: WallTime): number {
  return wallToUtcMs(wall);
}

export function calendarDateToWall(date: Date): WallTime {
  return utcMsToWall(date.getTime());
}

/** The practice's wall "now", in the same as-if-UTC form. */
export function practiceNowMs(zone: string, now: number = Date.now()): number {
  return wallToUtcMs(instantToWall(now, zone));
}
