import { useWatch, useFormContext } from 'react-hook-form';
import { CheckboxField, SelectField, TextField } from '../forms';
import { relationOptions } from './choices';
import { PayerLookup } from './PayerLookup';

/**
 * The boxes of one insurance card, under `prefix` (e.g. "primary_insurance." in the create form,
 * "" in the insurance dialog). The payer comes from drchrono's payer list, as the reference asks.
 */
export function InsuranceFields({ prefix = '' }: { prefix?: string }) {
  const { control } = useFormContext();
  const subscriberIsPatient = useWatch({ control, name: `${prefix}is_subscriber_the_patient` }) as
    boolean | undefined;
  const relation = useWatch({ control, name: `${prefix}subscriber_relation` }) as
    string | undefined;
  const relations =
    relation && !relationOptions.some((o) => o.value === relation)
      ? [...relationOptions, { value: relation, label: `${relation} (as recorded)` }]
      : relationOptions;
  return (
    <>
      <fieldset className="fd-fieldset">
        <legend>Payer</legend>
        <PayerLookup prefix={prefix} />
        <div className="fd-form__grid">
          <TextField
            name={`${prefix}insurance_company`}
            label="Insurance company"
            hint="Filled in when you pick a payer above"
          />
          <TextField name={`${prefix}insurance_payer_id`} label="Payer ID" />
          <TextField name={`${prefix}insurance_claim_office_number`} label="Claim office number" />
        </div>
      </fieldset>
      <fieldset className="fd-fieldset">
        <legend>Plan and member</legend>
        <div className="fd-form__grid">
          <TextField name={`${prefix}insurance_id_number`} label="Member ID" required />
          <TextField name={`${prefix}insurance_group_number`} label="Group number" />
          <TextField name={`${prefix}insurance_group_name`} label="Group name" />
          <TextField name={`${prefix}insurance_plan_name`} label="Plan name" />
          <TextField
            name={`${prefix}insurance_plan_type`}
            label="Plan type"
            hint="E.g. PPO, HMO, Medicare"
          />
        </div>
      </fieldset>
      <fieldset className="fd-fieldset">
        <legend>Subscriber</legend>
        <CheckboxField
          name={`${prefix}is_subscriber_the_patient`}
          label="The patient is the subscriber"
        />
        {subscriberIsPatient === false ? (
          <div className="fd-form__grid">
            <TextField name={`${prefix}subscriber_first_name`} label="Subscriber first name" />
            <TextField name={`${prefix}subscriber_last_name`} label="Subscriber last name" />
            <TextField
              name={`${prefix}subscriber_date_of_birth`}
              label="Subscriber date of birth"
              type="date"
            />
            <SelectField
              name={`${prefix}subscriber_relation`}
              label="Relation to the patient"
              options={relations}
            />
          </div>
        ) : null}
      </fieldset>
    </>
  );
}
