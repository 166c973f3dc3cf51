import { useMemo, useState } from 'react';
import type { ResponseOf } from '../../shared/contract';
import {
  insuranceWritable,
  type InsuranceRemoval,
  type InsuranceSlot,
  type InsuranceWritable,
  type Patient,
} from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import { FormDialog, sameValue, useZodForm } from '../forms';
import { Button, Notice, useConfirm } from '../ui';
import { useSaveReply } from './common/useSaveReply';
import { InsuranceFields } from './InsuranceFields';
import { hasInsuranceCard } from './patient-form';
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
  const confirm = useConfirm();
  const name = [patient.first_name, patient.last_name].filter(Boolean).join(' ');

  const send = async (change: InsuranceWritable | InsuranceRemoval, done: string) => {
    const before = insuranceWritable.safeParse(initial);
    const reply = await api.patients.update({
      id: patient.id,
      changes: { [slot]: change },
      base: before.success ? { [slot]: before.data } : {},
    });
    setMessage(
      handleReply(reply, {
        setError: form.setError,
        shownFields: insuranceFormFields,
        fieldPrefix: `${slot}.`,
        done,
        onSuccess: (value) => {
          form.reset('remove' in change ? cardValues(null) : change);
          onSaved(value);
        },
      }),
    );
  };

  const submit = async (values: InsuranceWritable) => {
    if (sameValue(initial, values)) {
      onClose();
      return;
    }
    await send(values, `${slotTitles[slot]} saved`);
  };

  const remove = async () => {
    const sure = await confirm({
      title: `Remove the ${slotTitles[slot].toLowerCase()}?`,
      message: `${unbillableWarning} The card is taken off ${name}'s chart at drchrono.`,
      confirmLabel: 'Remove card',
      cancelLabel: 'Keep the card',
      danger: true,
    });
    if (sure) await send({ remove: true }, `${slotTitles[slot]} removed`);
  };

  return (
    <FormDialog
      open
      title={`${slotTitles[slot]} — ${name}`}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      submitLabel="Save insurance"
      message={message}
      footerAction={
        hasInsuranceCard(patient[slot]) ? (
          <Button variant="danger" onClick={() => void remove()}>
            Remove card
          </Button>
        ) : null
      }
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
