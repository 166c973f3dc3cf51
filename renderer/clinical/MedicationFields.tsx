import { medicationOrderStatuses } from '../../shared/drchrono';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../forms';

export function MedicationFields() {
  return (
    <div className="fd-form__grid">
      <TextField name="name" label="Medication" required />
      <TextField name="dosage_quantity" label="Dose" hint="E.g. 10" />
      <TextField name="dosage_units" label="Dose units" hint="E.g. mg" />
      <TextField name="frequency" label="Frequency" hint="E.g. once daily" />
      <TextField name="route" label="Route" hint="E.g. by mouth" />
      <TextField name="indication" label="Taken for" />
      <TextField name="date_prescribed" label="Prescribed on" type="date" />
      <TextField name="date_started_taking" label="Started taking" type="date" />
      <TextField name="date_stopped_taking" label="Stopped taking" type="date" />
      <TextField name="dispense_quantity" label="Dispense quantity" inputMode="decimal" />
      <TextField name="number_refills" label="Refills" type="number" min={0} max={99} numeric />
      <SelectField
        name="order_status"
        label="Order status"
        options={medicationOrderStatuses.map((s) => ({ value: s, label: s || 'Not set' }))}
      />
      <SelectField
        name="status"
        label="Status"
        options={[
          { value: 'active', label: 'Active' },
          { value: 'inactive', label: 'Inactive' },
        ]}
      />
      <TextField name="rxnorm" label="RxNorm code" />
      <CheckboxField name="prn" label="Take as needed (PRN)" />
      <CheckboxField name="daw" label="Dispense as written" />
      <TextAreaField name="notes" label="Notes" />
    </div>
  );
}
