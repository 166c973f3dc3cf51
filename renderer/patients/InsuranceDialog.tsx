import { useMemo, useState } from 'react';
import type { ResponseOf } from '../../shared/contract';
import { insuranceWritable, type InsuranceSlot, type Patient } from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import { sameValue, useZodForm } from '../forms';
import { Notice } from '../ui';
import { FormDialog } from './common/FormDialog';
import { useSaveReply } from './common/useSaveReply';
import { InsuranceFields } from './InsuranceFields';
import { cardValues, insuranceFormFields, slotTitles, unbillableWarning } from './insurance-form';

/**
 * Edits one insurance card. Only this card travels, laid by main over the card drchrono holds, so
 * keys Frontdesk does not show (the card's format is not in the reference) are kept.
 */
export function InsuranceDialog({
  patient,
  slot,
  onClose,
  onSaved,
}: {
  patient: Patient;
  slot: InsuranceSlot;
  onClose: () => void;
  onSaved: (result: ResponseOf<'patients:update'>) => void;
}) {
  const api = useFrontdesk();
  const initial = useMemo(() => cardValues(patient[slot]), [patient, slot]);
  const form = useZodForm(insuranceWritable, initial);
  const [message, setMessage] = useState<string | null>(null);
  const handleReply = useSaveReply();

  const submit = async (values: ReturnType<typeof insuranceWritable.parse>) => {
    if (sameValue(initial, values)) {
      onClose();
      return;
    }
    const before = insuranceWritable.safeParse(initial);
    const reply = await api.patients.update({
      id: patient.id,
      changes: { [slot]: values },
      base: before.success ? { [slot]: before.data } : {},
    });
    setMessage(
      handleReply(reply, {
        setError: form.setError,
        shownFields: insuranceFormFields,
        fieldPrefix: `${slot}.`,
        done: `${slotTitles[slot]} saved`,
        onSuccess: (value) => {
          form.reset(values);
          onSaved(value);
        },
      }),
    );
  };

  return (
    <FormDialog
      open
      title={`${slotTitles[slot]} — ${[patient.first_name, patient.last_name].filter(Boolean).join(' ')}`}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      submitLabel="Save insurance"
      message={message}
      notice={
        <Notice kind="warning" live={false}>
          {unbillableWarning}
        </Notice>
      }
    >
      <InsuranceFields />
    </FormDialog>
  );
}
