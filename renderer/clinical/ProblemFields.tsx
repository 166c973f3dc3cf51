import { SelectField, TextAreaField, TextField } from '../forms';

export function ProblemFields() {
  return (
    <div className="fd-form__grid">
      <TextField name="name" label="Problem" required hint="E.g. Type 2 diabetes" />
      <TextField name="icd_code" label="ICD code" hint="E.g. E11.9" />
      <SelectField
        name="icd_version"
        label="ICD version"
        numeric
        options={[
          { value: 10, label: 'ICD-10' },
          { value: 9, label: 'ICD-9' },
        ]}
      />
      <SelectField
        name="status"
        label="Status"
        options={[
          { value: 'active', label: 'Active' },
          { value: 'inactive', label: 'Inactive' },
          { value: 'resolved', label: 'Resolved' },
        ]}
      />
      <TextField name="date_onset" label="Onset" type="date" />
      <TextField name="date_diagnosis" label="Diagnosed on" type="date" />
      <TextField name="date_changed" label="Last changed" type="date" />
      <TextField name="snomed_ct_code" label="SNOMED CT code" />
      <TextAreaField name="description" label="Description" />
      <TextAreaField name="notes" label="Notes" />
    </div>
  );
}
