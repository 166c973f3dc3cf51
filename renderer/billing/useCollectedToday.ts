import { useEffect, useRef } from 'react';
import type { CollectedSummary } from '../../shared/contract';
import { useQuery } from '../bridge';

/**
 * What the desk collected today, by appointment id: one call for the whole day (payments since
 * the practice's midnight), read again after a payment is taken or applied, or when the day turns.
 */
export function useCollectedToday(today: string): {
  byAppointment: Record<string, CollectedSummary> | null;
  error: string | null;
} {
  const collected = useQuery('billing:collectedToday', {}, { refreshOn: ['billing'] });
  const { reload } = collected;
  const day = useRef(today);
  useEffect(() => {
    // Main decides what "today" is: a board left open past midnight asks again for the new day.
    if (day.current === today) return;
    day.current = today;
    reload();
  }, [today, reload]);
  return {
    byAppointment: collected.data?.byAppointment ?? null,
    error: collected.error?.message ?? null,
  };
}
