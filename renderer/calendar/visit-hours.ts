import type { IsoDate } from '../../shared/time/practice-time';
import type { CalendarEvent } from './event-inputs';

const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00:00`;

/**
 * The time axis widened to whole hours around any block of the visible dates that falls outside
 * it: a walk-in booked after closing, or a visit moved before opening, must still be on the
 * grid — the desk cannot act on what it cannot see. Inside office hours nothing changes.
 */
export function widenToVisits(
  hours: { min: string; max: string },
  events: readonly CalendarEvent[],
  range: { start: IsoDate; end: IsoDate },
): { min: string; max: string } {
  let min = hours.min;
  let max = hours.max;
  for (const e of events) {
    const { start, end } = e.input;
    if (typeof start !== 'number') continue;
    const from = new Date(start).toISOString();
    const date = from.slice(0, 10);
    if (date < range.start || date > range.end) continue;
    const startHour = pad(Number(from.slice(11, 13)));
    if (startHour < min) min = startHour;
    if (typeof end !== 'number') continue;
    const until = new Date(end).toISOString();
    // A block that ends after midnight or on the hour needs no extra hour beyond its end.
    const endHour =
      until.slice(0, 10) > date
        ? '24:00:00'
        : pad(Number(until.slice(11, 13)) + (until.slice(14, 19) === '00:00' ? 0 : 1));
    if (endHour > max) max = endHour;
  }
  return min === hours.min && max === hours.max ? hours : { min, max };
}
