import { useMemo } from 'react';
import { useQuery } from '../bridge';
import { deskLocale, type DeskLocale } from '../../shared/schedule';

/**
 * The desk's clock and week for a screen or message outside the calendar (Today, toasts, notices):
 * the workstation's choice in Settings, else the practice's convention. Both reads are answered by
 * main from memory (no drchrono call); until they arrive, the US convention (most practices).
 */
export function useDeskLocale(): DeskLocale {
  const prefs = useQuery('prefs:get', {});
  const practice = useQuery('practice:get', {}, { refreshOn: ['reference'] });
  const calendar = prefs.data?.calendar;
  const offices = practice.data?.offices;
  return useMemo(() => deskLocale(calendar ?? {}, offices ?? []), [calendar, offices]);
}
