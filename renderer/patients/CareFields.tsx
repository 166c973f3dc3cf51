import type { ListAvailability } from '../../shared/contract';
import type { CustomDemographicField, Doctor } from '../../shared/drchrono';
import { SelectField, TextField } from '../forms';
import { AvailabilityNote } from '../ui';
import { paymentProfileOptions } from './choices';

export function doctorName(doctor: Pick<Doctor, 'first_name' | 'last_name' | 'suffix'>): string {
  return `Dr. ${doctor.first_name} ${doctor.last_name}${doctor.suffix ? `, ${doctor.suffix}` : ''}`;
}

/** Provider, billing profile, care details and the practice's own custom demographics. */
export function CareFields({
  doctors,
  customFields,
  customAvailability,
}: {
  doctors: readonly Doctor[];
  customFields: readonly CustomDemographicField[];
  customAvailability?: ListAvailability | undefined;
}) {
  return (
    <>
      <fieldset className="fd-fieldset">
        <legend>Care and billing</legend>
        <div className="fd-form__grid">
          <SelectField
            name="doctor"
            label="Primary provider"
            required
            numeric
            placeholder="— choose —"
            options={doctors.map((d) => ({ value: d.id, label: doctorName(d) }))}
          />
          <SelectField
            name="patient_payment_profile"
            label="Payment profile"
            options={paymentProfileOptions}
          />
          <TextField
            name="chart_id"
            label="Chart ID"
            hint="drchrono makes one from the name if empty"
          />
          <TextField name="primary_care_physician" label="Referring / primary care physician" />
          <TextField name="referring_source" label="Referring source" />
          <TextField
            name="default_pharmacy"
            label="Default pharmacy (NCPDP ID)"
            inputMode="numeric"
          />
        </div>
      </fieldset>
      <AvailabilityNote availability={customAvailability} />
      {customFields.length > 0 ? (
        <fieldset className="fd-fieldset">
          <legend>Practice fields</legend>
          <div className="fd-form__grid">
            {customFields.map((field) =>
              field.allowed_values && field.allowed_values.length > 0 ? (
                <SelectField
                  key={field.id}
                  name={`custom.${field.id}`}
                  label={field.name}
                  {...(field.description ? { hint: field.description } : {})}
                  options={[
                    { value: '', label: '—' },
                    ...field.allowed_values.map((v) => ({ value: v, label: v })),
                  ]}
                />
              ) : (
                <TextField
                  key={field.id}
                  name={`custom.${field.id}`}
                  label={field.name}
                  {...(field.description ? { hint: field.description } : {})}
                />
              ),
            )}
          </div>
        </fieldset>
      ) : null}
    </>
  );
}
