import type { Prefs } from '../../shared/contract';
import type { IsoDate } from '../../shared/time/practice-time';
import { useMemo } from 'react';
import { useQuery } from '../bridge';
import { visibleRange } from './view-range';

/**
 * The book for the visible dates, from main's cache first: a day already loaded costs no call, and
 * `data:changed` only reloads it when the change touches the dates on screen. While another day
 * loads, the last one stays up (no blank flash).
 */
export function useBook(
  calendar: Prefs['calendar'],
  date: IsoDate,
  officeId: number,
  firstDay: 0 | 1,
) {
  const range = useMemo(
    () => visibleRange(calendar.view, date, firstDay),
    [calendar.view, date, firstDay],
  );
  const doctorId = calendar.doctorId;
  // The rooms view is one office; the other views follow a doctor across offices when one is chosen.
  const filter =
    calendar.view === 'rooms' || doctorId === null
      ? { officeId, ...(doctorId !== null ? { doctorId } : {}) }
      : { doctorId };
  const book = useQuery(
    'appointments:list',
    { ...range, ...filter },
    {
      refreshOn: ['appointments', 'patients'],
      refreshIf: (change) =>
        !change.dates ||
        change.dates.length === 0 ||
        change.dates.some((d) => d >= range.start && d <= range.end),
      keepPrevious: true,
    },
  );
  return { book, range };
}
