import type { Doctor, Office } from '../../shared/drchrono';
import { useQuery } from '../bridge';
import { PatientAppointmentsPrint } from '../paperwork/PatientAppointmentsPrint';
import { ErrorNotice, Spinner } from '../ui';
import { AppointmentTable } from './AppointmentTable';

/** The patient's upcoming and past visits (from the cached book where it can). */
export function AppointmentsTab({
  patientId,
  patient,
  doctors,
  offices,
}: {
  patientId: number;
  /** For the printed list's heading. */
  patient?: {
    first_name?: string | null;
    last_name?: string | null;
    date_of_birth?: string | null;
  };
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
      <PatientAppointmentsPrint patient={patient} {...data} doctors={doctors} offices={offices} />
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
