import type { IsoDate } from '../../shared/time/practice-time';
import { useQuery } from '../bridge';

/**
 * Today's book for one office, through the same channel and main-side day cache as the calendar:
 * main fetches a day whole (every office and doctor) once, so a day the calendar has loaded costs
 * nothing here, and neither does switching office or doctor. `data:changed` reloads it only when
 * the change touches today.
 */
export function useTodayBook(date: IsoDate | null, officeId: number | null) {
  return useQuery(
    'appointments:list',
    date === null || officeId === null ? null : { start: date, end: date, officeId },
    {
      refreshOn: ['appointments', 'patients'],
      refreshIf: (change) =>
        !change.dates ||
        change.dates.length === 0 ||
        (date !== null && change.dates.includes(date)),
      keepPrevious: true,
    },
  );
}
