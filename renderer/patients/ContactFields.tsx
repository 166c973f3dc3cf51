import { SelectField, TextField } from '../forms';
import { stateOptions } from './choices';

/** Phones, address, emergency contact, employer and responsible party. */
export function ContactFields({
  state,
  employerState,
}: {
  state: string | null | undefined;
  employerState: string | null | undefined;
}) {
  return (
    <>
      <fieldset className="fd-fieldset">
        <legend>Contact</legend>
        <div className="fd-form__grid">
          <TextField name="cell_phone" label="Cell phone" type="tel" autoComplete="off" />
          <TextField name="home_phone" label="Home phone" type="tel" autoComplete="off" />
          <TextField name="email" label="Email" type="email" autoComplete="off" />
          <TextField name="address" label="Street address" autoComplete="off" />
          <TextField name="city" label="City" autoComplete="off" />
          <SelectField name="state" label="State" options={stateOptions(state)} />
          <TextField name="zip_code" label="ZIP code" inputMode="numeric" autoComplete="off" />
        </div>
      </fieldset>
      <fieldset className="fd-fieldset">
        <legend>Emergency contact</legend>
        <div className="fd-form__grid">
          <TextField name="emergency_contact_name" label="Emergency contact name" />
          <TextField name="emergency_contact_phone" label="Emergency contact phone" type="tel" />
          <TextField name="emergency_contact_relation" label="Relation to the patient" />
        </div>
      </fieldset>
      <fieldset className="fd-fieldset">
        <legend>Employer</legend>
        <div className="fd-form__grid">
          <TextField name="employer" label="Employer" />
          <TextField name="employer_address" label="Employer address" />
          <TextField name="employer_city" label="Employer city" />
          <SelectField
            name="employer_state"
            label="Employer state"
            options={stateOptions(employerState)}
          />
          <TextField name="employer_zip_code" label="Employer ZIP code" inputMode="numeric" />
        </div>
      </fieldset>
      <fieldset className="fd-fieldset">
        <legend>Responsible party</legend>
        <div className="fd-form__grid">
          <TextField name="responsible_party_name" label="Responsible party name" />
          <TextField name="responsible_party_relation" label="Responsible party relation" />
          <TextField name="responsible_party_phone" label="Responsible party phone" type="tel" />
          <TextField name="responsible_party_email" label="Responsible party email" type="email" />
        </div>
      </fieldset>
    </>
  );
}
