import type { EligibilityCheck } from '../../shared/drchrono';
import { useQuery } from '../bridge';

/**
 * The day's eligibility checks by appointment id: one call per day, kept in main (opening more
 * cards or screens of the same day costs nothing).
 */
export function useDayEligibility(date: string | null): {
  byAppointment: Record<string, EligibilityCheck[]> | null;
  error: string | null;
} {
  const day = useQuery('eligibility:day', date ? { date } : null);
  return {
    byAppointment: day.data?.byAppointment ?? null,
    error: day.error?.message ?? null,
  };
}
