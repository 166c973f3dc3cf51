import type { IsoDate } from '../../shared/time/practice-time';
import type { CalendarEvent } from './event-inputs';

/**
 * Where the visible day begins: just above the full hour of its first appointment or template, never
 * before the office opens (`min`), so the first rows on screen are never an empty hour. Only the
 * dates in `range` count (another day's events linger while a new one loads).
 */
export function dayOpening(
  events: readonly CalendarEvent[],
  range: { start: IsoDate; end: IsoDate },
  min: string,
  max: string,
): string {
  let first: string | null = null;
  for (const e of events) {
    const start = e.input.start;
    if (typeof start !== 'number') continue;
    const iso = new Date(start).toISOString();
    const date = iso.slice(0, 10);
    if (date < range.start || date > range.end) continue;
    const time = `${iso.slice(11, 13)}:00:00`;
    if (first === null || time < first) first = time;
  }
  if (first === null || first <= min || first >= max) return min;
  // Five minutes of the empty hour above: the first blocks show their top edge, not a cut.
  const before = `${String(Number(first.slice(0, 2)) - 1).padStart(2, '0')}:55:00`;
  return before < min ? min : before;
}
