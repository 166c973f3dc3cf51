import { useState } from 'react';
import type { InsuranceSlot } from '../../shared/drchrono';
import { useQuery } from '../bridge';
import { AccountBalance } from '../billing/AccountBalance';
import { PatientPayments } from '../billing/PatientPayments';
import { ClinicalPanel } from '../clinical/ClinicalPanel';
import { DocumentsTab } from '../documents/DocumentsTab';
import { ErrorNotice, Spinner, useNavigation } from '../ui';
import { AppointmentsTab } from './AppointmentsTab';
import { Tabs, type TabDef } from './common/Tabs';
import { fullName } from './common/format';
import { InsuranceDialog } from './InsuranceDialog';
import { InsuranceTab } from './InsuranceTab';
import { OverviewTab } from './OverviewTab';
import { PatientForm } from './PatientForm';
import { PatientHeader } from './PatientHeader';

type TabKey =
  | 'overview'
  | 'insurance'
  | 'documents'
  | 'appointments'
  | 'allergies'
  | 'medications'
  | 'problems'
  | 'payments';

const tabs: TabDef<TabKey>[] = [
  { key: 'overview', label: 'Overview' },
  { key: 'insurance', label: 'Insurance' },
  { key: 'documents', label: 'Documents' },
  { key: 'appointments', label: 'Appointments' },
  { key: 'allergies', label: 'Allergies' },
  { key: 'medications', label: 'Medications' },
  { key: 'problems', label: 'Problems' },
  { key: 'payments', label: 'Payments' },
];

/** One patient: header with the next actions, then tabs; "Edit details" turns it into the form. */
export function PatientDetail({ patientId }: { patientId: number }) {
  const { navigate } = useNavigation();
  const patient = useQuery(
    'patients:get',
    { id: patientId },
    {
      refreshOn: ['patients'],
      // Another patient's change is no reason to read this one again (a drchrono call).
      refreshIf: (change) => change.patients?.includes(patientId) ?? true,
    },
  );
  const practice = useQuery('practice:get', {});
  const custom = useQuery('patients:customFields', {});
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<TabKey>('overview');
  const [slot, setSlot] = useState<InsuranceSlot | null>(null);

  if (patient.error && !patient.data) {
    return <ErrorNotice error={patient.error} onRetry={patient.reload} />;
  }
  if (!patient.data || !practice.data) return <Spinner label="Loading the patient" />;
  const record = patient.data.patient;
  const { doctors, offices, today, user } = practice.data;
  // A practice without custom demographics (or without the Settings permission) still works.
  const customFields = custom.data?.fields ?? [];

  if (editing) {
    return (
      <PatientForm
        mode="edit"
        patient={record}
        doctors={doctors}
        customFields={customFields}
        customAvailability={custom.data?.availability}
        defaultDoctor={user.doctor}
        onCancel={() => {
          setEditing(false);
        }}
        onSaved={() => {
          setEditing(false);
          patient.reload();
        }}
      />
    );
  }

  const name = fullName(record);
  return (
    <article className="fd-rec-detail" aria-label={name}>
      <PatientHeader
        patient={record}
        today={today}
        onEdit={() => {
          setEditing(true);
        }}
        onBook={() => void navigate({ area: 'calendar', bookForPatientId: record.id })}
        onNewTask={() =>
          void navigate({ area: 'tasks', newFor: { type: 'patient', id: String(record.id) } })
        }
      />
      <AccountBalance patientId={record.id} />
      <Tabs label={`${name}’s record`} tabs={tabs} selected={tab} onSelect={setTab}>
        {tab === 'overview' ? (
          <OverviewTab patient={record} doctors={doctors} customFields={customFields} />
        ) : null}
        {tab === 'insurance' ? <InsuranceTab patient={record} onEdit={setSlot} /> : null}
        {tab === 'documents' ? (
          <DocumentsTab
            patientId={record.id}
            patientName={name}
            doctorId={record.doctor}
            today={today}
          />
        ) : null}
        {tab === 'appointments' ? (
          <AppointmentsTab
            patientId={record.id}
            patient={record}
            doctors={doctors}
            offices={offices}
          />
        ) : null}
        {tab === 'allergies' || tab === 'medications' || tab === 'problems' ? (
          <ClinicalPanel
            key={tab}
            kind={tab}
            patientId={record.id}
            doctorId={record.doctor}
            patientName={name}
          />
        ) : null}
        {tab === 'payments' ? (
          <PatientPayments
            patientId={record.id}
            patientName={name}
            doctorId={record.doctor}
            today={today}
            birthDate={record.date_of_birth}
          />
        ) : null}
      </Tabs>
      {slot ? (
        <InsuranceDialog
          patient={record}
          slot={slot}
          onClose={() => {
            setSlot(null);
          }}
          onSaved={() => {
            setSlot(null);
            patient.reload();
          }}
        />
      ) : null}
    </article>
  );
}
