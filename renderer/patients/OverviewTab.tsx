import type { CustomDemographicField, Doctor, Patient } from '../../shared/drchrono';
import { doctorName } from './CareFields';
import { ethnicityLabel, languageName, raceLabel, statusLabel } from './choices';
import { Facts } from './common/Facts';
import { formatBirthDate } from '../../shared/time/birth-date';

function address(...parts: (string | null | undefined)[]): string {
  return parts.filter((p) => p && p.trim()).join(', ');
}

function maskSsn(ssn: string | null | undefined): string | null {
  if (!ssn) return null;
  const digits = ssn.replace(/\D/g, '');
  return digits.length >= 4 ? `•••-••-${digits.slice(-4)}` : '•••';
}

/** Everything the desk reads about a patient, grouped as on the paper intake form. */
export function OverviewTab({
  patient,
  doctors,
  customFields,
}: {
  patient: Patient;
  doctors: readonly Doctor[];
  customFields: readonly CustomDemographicField[];
}) {
  const doctor = doctors.find((d) => d.id === patient.doctor);
  const custom = patient.custom_demographics ?? [];
  return (
    <div className="fd-rec-overview">
      <Facts
        title="Demographics"
        facts={[
          ['Date of birth', formatBirthDate(patient.date_of_birth)],
          ['Sex', patient.gender],
          ['Preferred name', patient.nick_name],
          ['Race', raceLabel(patient.race)],
          ['Ethnicity', ethnicityLabel(patient.ethnicity)],
          ['Preferred language', languageName(patient.preferred_language)],
          ['Status', statusLabel(patient.patient_status)],
          ['Social Security', maskSsn(patient.social_security_number)],
        ]}
      />
      <Facts
        title="Contact"
        facts={[
          ['Cell phone', patient.cell_phone],
          ['Home phone', patient.home_phone],
          ['Email', patient.email],
          ['Address', address(patient.address, patient.city, patient.state, patient.zip_code)],
        ]}
      />
      <Facts
        title="Emergency contact"
        facts={[
          ['Name', patient.emergency_contact_name],
          ['Phone', patient.emergency_contact_phone],
          ['Relation', patient.emergency_contact_relation],
        ]}
      />
      <Facts
        title="Employer"
        facts={[
          ['Employer', patient.employer],
          [
            'Address',
            address(
              patient.employer_address,
              patient.employer_city,
              patient.employer_state,
              patient.employer_zip_code,
            ),
          ],
        ]}
      />
      <Facts
        title="Responsible party"
        facts={[
          ['Name', patient.responsible_party_name],
          ['Relation', patient.responsible_party_relation],
          ['Phone', patient.responsible_party_phone],
          ['Email', patient.responsible_party_email],
        ]}
      />
      <Facts
        title="Care and billing"
        facts={[
          ['Primary provider', doctor ? doctorName(doctor) : `Doctor #${patient.doctor}`],
          ['Payment profile', patient.patient_payment_profile || 'Not set'],
          ['Chart ID', patient.chart_id],
          ['Referring physician', patient.primary_care_physician],
          ['Referring source', patient.referring_source],
          ['Default pharmacy', patient.default_pharmacy],
        ]}
      />
      {customFields.length > 0 || custom.length > 0 ? (
        <Facts
          title="Practice fields"
          facts={[
            ...customFields.map((field): [string, string | null] => [
              field.name,
              custom.find((c) => c.field_type === field.id)?.value ?? null,
            ]),
            ...custom
              .filter((c) => !customFields.some((f) => f.id === c.field_type))
              .map((c): [string, string | null] => [`Field #${c.field_type}`, c.value ?? null]),
          ]}
        />
      ) : null}
    </div>
  );
}
