import { useMemo, useState } from 'react';
import { z } from 'zod';
import type { LineItem, PatientPayment } from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import { FormDialog, SelectField, useZodForm } from '../forms';
import { useSaveReply } from '../patients/common/useSaveReply';
import { formatMoney, isPositive, methodLabel } from './money';

const applySchema = z.strictObject({
  line_item: z.coerce.number().int().positive('Choose the line item'),
});

/**
 * Applies a copay taken at check-in (on the account, marked for this visit) to one of the visit's
 * line items. drchrono cannot change a payment, so main records it on the line item and takes it
 * back off the account: two payments, through the outbox, counted once on this screen.
 */
export function ApplyCollectedDialog({
  appointmentId,
  payment,
  lineItems,
  onClose,
  onSaved,
}: {
  appointmentId: string;
  payment: PatientPayment;
  lineItems: readonly LineItem[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const api = useFrontdesk();
  const handleReply = useSaveReply();
  const owing = lineItems.find((li) => isPositive(li.balance_pt)) ?? lineItems[0];
  const initial = useMemo(() => ({ line_item: owing?.id ?? 0 }), [owing]);
  const form = useZodForm(applySchema, initial);
  const [message, setMessage] = useState<string | null>(null);
  const amount = formatMoney(payment.amount);

  const submit = async (values: z.output<typeof applySchema>) => {
    setMessage(null);
    const reply = await api.billing.applyCollected({
      appointmentId,
      paymentId: payment.id,
      lineItemId: values.line_item,
    });
    setMessage(
      handleReply(reply, {
        setError: form.setError,
        shownFields: ['line_item'],
        done: `${amount} applied to the visit`,
        onSuccess: () => {
          form.reset(values);
          onSaved();
        },
      }),
    );
  };

  return (
    <FormDialog
      open
      title={`Apply the ${amount} collected at check-in`}
      description={`${methodLabel(payment.payment_method)}, received ${payment.received_date ?? ''}`}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      submitLabel="Apply"
      message={message}
    >
      <SelectField
        name="line_item"
        label="Apply to"
        numeric
        options={lineItems.map((li) => ({
          value: li.id,
          label: `${li.code ?? 'Item'}${li.description ? ` ${li.description}` : ''} — patient owes ${formatMoney(li.balance_pt)}`,
        }))}
      />
    </FormDialog>
  );
}
