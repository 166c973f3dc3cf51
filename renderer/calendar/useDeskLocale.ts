import { useEffect, useMemo } from 'react';
import { deskLocale, type DeskLocale } from '../../shared/schedule';
import { useQuery } from '../bridge';

const CHANGED = 'frontdesk:desk-locale';

/** Settings changed the clock or the week: screens already open read the preference again. */
export function announceDeskLocale(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/**
 * The desk's clock and week for a screen or message outside the calendar (Today, toasts, notices,
 * the status bar): the workstation's choice in Settings, else the practice's convention. Both
 * reads are answered by main from memory (no drchrono call); until they arrive, the US convention
 * (most practices).
 */
export function useDeskLocale(): DeskLocale {
  const prefs = useQuery('prefs:get', {});
  const practice = useQuery('practice:get', {}, { refreshOn: ['reference'] });
  const { reload } = prefs;
  useEffect(() => {
    window.addEventListener(CHANGED, reload);
    return () => {
      window.removeEventListener(CHANGED, reload);
    };
  }, [reload]);
  const calendar = prefs.data?.calendar;
  const offices = practice.data?.offices;
  return useMemo(() => deskLocale(calendar ?? {}, offices ?? []), [calendar, offices]);
}
