import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { procedureTypes, type LineItemWritable } from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import { FormDialog, SelectField, TextField, useZodForm } from '../forms';
import { GroupError } from '../patients/common/GroupError';
import { useSaveReply } from '../patients/common/useSaveReply';
import { lineItemFields, lineItemFormSchema } from './line-item-form';

/** Adds a procedure to the appointment's bill (drchrono creates; there is no edit or delete). */
export function LineItemDialog({
  appointmentId,
  doctorId,
  serviceDate,
  onClose,
  onSaved,
}: {
  appointmentId: string;
  doctorId: number;
  serviceDate: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const api = useFrontdesk();
  const handleReply = useSaveReply();
  const initial = useMemo(
    () => ({
      appointment: appointmentId,
      doctor: doctorId,
      code: '',
      procedure_type: 'C' as const,
      price: '',
      quantity: '1',
      modifiers: ['', '', '', ''],
      diagnosis_pointers: ['1', '', '', ''],
      service_date: serviceDate,
    }),
    [appointmentId, doctorId, serviceDate],
  );
  const form = useZodForm(lineItemFormSchema, initial);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (values: z.output<typeof lineItemFormSchema>) => {
    setMessage(null);
    const lineItem: LineItemWritable = values;
    const reply = await api.billing.addLineItem({ lineItem });
    setMessage(
      handleReply(reply, {
        setError: form.setError,
        shownFields: lineItemFields,
        done: `Line item ${values.code} added`,
        onSuccess: () => {
          form.reset(initial);
          onSaved();
        },
      }),
    );
  };

  return (
    <FormDialog
      open
      title="Add a line item"
      form={form}
      onSubmit={submit}
      onClose={onClose}
      submitLabel="Add line item"
      message={message}
    >
      <div className="fd-form__grid">
        <TextField
          name="code"
          label="Procedure code"
          required
          hint="E.g. 99213"
          autoComplete="off"
        />
        <SelectField
          name="procedure_type"
          label="Code type"
          required
          options={Object.entries(procedureTypes).map(([value, label]) => ({ value, label }))}
        />
        <TextField name="price" label="Price" required inputMode="decimal" hint="E.g. 125.00" />
        <TextField name="quantity" label="Quantity" inputMode="decimal" />
        <TextField name="service_date" label="Service date" type="date" />
      </div>
      <fieldset className="fd-fieldset">
        <legend>Modifiers (up to 4)</legend>
        <div className="fd-rec-quad">
          {[0, 1, 2, 3].map((i) => (
            <TextField key={i} name={`modifiers.${i}`} label={`Modifier ${i + 1}`} maxLength={2} />
          ))}
        </div>
        <GroupError name="modifiers" />
      </fieldset>
      <fieldset className="fd-fieldset">
        <legend>Diagnosis pointers (1 to 4)</legend>
        <p className="fd-field__hint">
          The number of a diagnosis on the claim (1–12), or an ICD-10 code such as E11.9.
        </p>
        <div className="fd-rec-quad">
          {[0, 1, 2, 3].map((i) => (
            <TextField key={i} name={`diagnosis_pointers.${i}`} label={`Pointer ${i + 1}`} />
          ))}
        </div>
        <GroupError name="diagnosis_pointers" />
      </fieldset>
    </FormDialog>
  );
}
