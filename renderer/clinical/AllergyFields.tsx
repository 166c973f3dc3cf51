import { SelectField, TextAreaField, TextField } from '../forms';

export function AllergyFields() {
  return (
    <div className="fd-form__grid">
      <TextField name="description" label="Allergy" required hint="E.g. Penicillin, Cat hair" />
      <TextField name="reaction" label="Reaction" hint="E.g. Hives" />
      <SelectField
        name="status"
        label="Status"
        options={[
          { value: 'active', label: 'Active' },
          { value: 'inactive', label: 'Inactive' },
        ]}
      />
      <TextField name="rxnorm" label="RxNorm code" hint="For drug allergies" />
      <TextField name="snomed_reaction" label="SNOMED reaction code" />
      <TextAreaField name="notes" label="Notes" />
    </div>
  );
}
