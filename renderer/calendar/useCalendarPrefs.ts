import { useCallback, useState } from 'react';
import type { Prefs } from '../../shared/contract';
import { useFrontdesk, useQuery } from '../bridge';

export type CalendarPrefs = Prefs['calendar'];

/** The view, filters and slot size, remembered between starts (main keeps them). */
export function useCalendarPrefs(): [
  CalendarPrefs | null,
  (patch: Partial<CalendarPrefs>) => void,
] {
  const api = useFrontdesk();
  const saved = useQuery('prefs:get', {});
  const [local, setLocal] = useState<CalendarPrefs | null>(null);
  const current = local ?? saved.data?.calendar ?? null;
  const update = useCallback(
    (patch: Partial<CalendarPrefs>) => {
      setLocal((prev) => {
        const base = prev ?? saved.data?.calendar;
        return base ? { ...base, ...patch } : prev;
      });
      void api.prefs.set({ calendar: patch });
    },
    [api, saved.data],
  );
  // Main may be unreachable for prefs (locked, tests): the calendar still opens with defaults.
  if (!current && saved.error) {
    return [{ view: 'rooms', officeId: null, doctorId: null, slotMinutes: 15 }, update];
  }
  return [current, update];
}
