import { useCallback, useState } from 'react';
import { recallTodayView, rememberTodayView, type TodayView } from '../app/area-memory';

/**
 * Today's office, doctor and grouping, kept for the window's session (a reload or the lock brings
 * them back; signing out forgets them). Only ids and a switch are stored.
 */
export function useTodayView(): [TodayView, (patch: Partial<TodayView>) => void] {
  const [view, setView] = useState<TodayView>(recallTodayView);
  const update = useCallback((patch: Partial<TodayView>) => {
    setView((prev) => {
      const next = { ...prev, ...patch };
      rememberTodayView(next);
      return next;
    });
  }, []);
  return [view, update];
}
