import type { Office } from '../../shared/drchrono';
import { officeDayBounds } from '../../shared/schedule';
import { timeOfDay } from './booking-request';

/** One FullCalendar resource per exam room, in the office's order (`exam_room` is 1-based). */
export function roomResources(office: Office | undefined) {
  return (office?.exam_rooms ?? []).map((r) => ({
    id: String(r.index),
    title: r.name,
    order: r.index,
  }));
}

/** The time axis: from the earliest opening to the latest closing of the offices shown. */
export function axisHours(offices: readonly (Office | undefined)[]): { min: string; max: string } {
  const bounds = offices.filter((o) => o !== undefined).map((o) => officeDayBounds(o));
  const open = Math.min(...bounds.map((b) => b.open), 24 * 60);
  const close = Math.max(...bounds.map((b) => b.close), 0);
  return close > open
    ? { min: timeOfDay(open), max: timeOfDay(close) }
    : { min: '00:00:00', max: '24:00:00' };
}
