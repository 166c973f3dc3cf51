import { SelectField, TextField } from '../forms';
import {
  ethnicityOptions,
  genderOptions,
  languageOptions,
  raceOptions,
  statusOptions,
} from './choices';

/** Name, demographics and status: the top of the patient form. */
export function NameFields({ language }: { language: string | null | undefined }) {
  return (
    <>
      <fieldset className="fd-fieldset">
        <legend>Name</legend>
        <div className="fd-form__grid">
          <TextField name="first_name" label="First name" required autoComplete="off" />
          <TextField name="middle_name" label="Middle name" autoComplete="off" />
          <TextField name="last_name" label="Last name" required autoComplete="off" />
          <TextField name="nick_name" label="Preferred name" autoComplete="off" />
        </div>
      </fieldset>
      <fieldset className="fd-fieldset">
        <legend>Demographics</legend>
        <div className="fd-form__grid">
          <TextField name="date_of_birth" label="Date of birth" type="date" />
          <SelectField
            name="gender"
            label="Sex"
            required
            placeholder="— choose —"
            options={genderOptions}
          />
          <SelectField name="race" label="Race" options={raceOptions} />
          <SelectField name="ethnicity" label="Ethnicity" options={ethnicityOptions} />
          <SelectField
            name="preferred_language"
            label="Preferred language"
            options={languageOptions(language)}
          />
          <SelectField name="patient_status" label="Patient status" options={statusOptions} />
          <TextField
            name="social_security_number"
            label="Social Security number"
            autoComplete="off"
            inputMode="numeric"
          />
        </div>
      </fieldset>
    </>
  );
}
