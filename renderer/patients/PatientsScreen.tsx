import { useQuery } from '../bridge';
import { EmptyState, ErrorNotice, Spinner, useNavigation } from '../ui';
import './common/records.css';
import { PatientDetail } from './PatientDetail';
import { PatientForm } from './PatientForm';
import { PatientSearchPanel } from './PatientSearchPanel';

/**
 * Patients: find one (the roster on this computer first, then drchrono), read and edit the record,
 * insurance, visits, allergies, medications, problems and payments; or register a new patient.
 * What is shown follows the navigation target, so the calendar's card can open a patient directly.
 */
export function PatientsScreen({ patientId, create }: { patientId?: number; create?: boolean }) {
  const { navigate } = useNavigation();
  const practice = useQuery('practice:get', {});
  const custom = useQuery('patients:customFields', {});

  let main;
  if (create) {
    if (practice.error && !practice.data)
      main = <ErrorNotice error={practice.error} onRetry={practice.reload} />;
    else if (!practice.data || (!custom.data && !custom.error))
      main = <Spinner label="Preparing the form" />;
    else
      main = (
        <PatientForm
          mode="create"
          doctors={practice.data.doctors}
          customFields={custom.data?.fields ?? []}
          customAvailability={custom.data?.availability}
          defaultDoctor={practice.data.user.doctor}
          onCancel={() => void navigate({ area: 'patients' })}
          onSaved={(result) => {
            void navigate(
              result.patient
                ? { area: 'patients', patientId: result.patient.id }
                : { area: 'patients' },
            );
          }}
        />
      );
  } else if (patientId !== undefined) {
    main = <PatientDetail key={patientId} patientId={patientId} />;
  } else {
    main = (
      <EmptyState>Find a patient on the left, or register a new one with “New patient”.</EmptyState>
    );
  }

  return (
    <div className="fd-rec-screen fd-rec-split">
      <aside className="fd-rec-split__side" aria-label="Find a patient">
        <PatientSearchPanel
          selectedId={patientId}
          onSelect={(id) => void navigate({ area: 'patients', patientId: id })}
          onCreate={() => void navigate({ area: 'patients', create: true })}
        />
      </aside>
      <main className="fd-rec-split__main">{main}</main>
    </div>
  );
}
