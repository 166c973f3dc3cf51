import { useMemo } from 'react';
import { useQuery } from '../bridge';
import { visitLabel } from './visit-label';

/**
 * The patient's visits by id, as the desk names them, for payment lists that only carry an
 * appointment id. From the appointment book (cached) and the practice's doctors.
 */
export function useVisitLabels(patientId: number): (appointmentId: string | null) => string | null {
  const visits = useQuery(
    'appointments:forPatient',
    { patientId },
    { refreshOn: ['appointments'] },
  );
  const practice = useQuery('practice:get', {});
  return useMemo(() => {
    const doctors = practice.data?.doctors ?? [];
    const labels = new Map<string, string>();
    for (const a of [...(visits.data?.past ?? []), ...(visits.data?.upcoming ?? [])]) {
      labels.set(a.id, visitLabel(a, doctors));
    }
    return (id) => (id === null ? null : (labels.get(id) ?? null));
  }, [visits.data, practice.data]);
}
