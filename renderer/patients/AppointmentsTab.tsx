import type { Doctor, Office } from '../../shared/drchrono';
import { useQuery } from '../bridge';
import { ErrorNotice, Spinner } from '../ui';
import { AppointmentTable } from './AppointmentTable';

/** The patient's upcoming and past visits (from the cached book where it can). */
export function AppointmentsTab({
  patientId,
  doctors,
  offices,
}: {
  patientId: number;
  doctors: readonly Doctor[];
  offices: readonly Office[];
}) {
  const { data, error, loading, reload } = useQuery(
    'appointments:forPatient',
    { patientId },
    { refreshOn: ['appointments'] },
  );
  if (error && !data) return <ErrorNotice error={error} onRetry={reload} />;
  if (loading || !data) return <Spinner label="Loading appointments" />;
  return (
    <div className="fd-rec-stack">
      <AppointmentTable
        caption="Upcoming appointments"
        appointments={data.upcoming}
        doctors={doctors}
        offices={offices}
      />
      <AppointmentTable
        caption="Past appointments"
        appointments={[...data.past].sort((a, b) =>
          b.scheduled_time.localeCompare(a.scheduled_time),
        )}
        doctors={doctors}
        offices={offices}
      />
    </div>
  );
}
