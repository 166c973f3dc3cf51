import { useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { paymentMethods, withVisitMark, type LineItem } from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import { FormDialog, SelectField, TextAreaField, TextField, useZodForm } from '../forms';
import { Notice } from '../ui';
import { useSaveReply } from '../patients/common/useSaveReply';
import type { ReceiptSubject } from '../receipt/receipt';
import { receiptAction } from '../receipt/receipt-action';
import { formatMoney, methodLabel, minus, isPositive } from './money';
import { paymentFields, paymentFormSchema, type PaymentFormOutput } from './payment-form';

/**
 * Takes a payment: a copay against one of the appointment's line items, or a payment on the
 * patient's account. The amount stays a decimal string; the balance preview is big.js arithmetic.
 */
export function PaymentDialog({
  patientId,
  patientName,
  doctorId,
  appointmentId,
  lineItems = [],
  today,
  onClose,
  onSaved,
  receipt,
}: {
  patientId: number;
  patientName: string;
  doctorId?: number | null;
  /** Set when the payment is taken at an appointment (then a line item is chosen). */
  appointmentId?: string;
  lineItems?: readonly LineItem[];
  today: string;
  onClose: () => void;
  onSaved: () => void;
  /** Offers "Print receipt" once the payment is taken. */
  receipt?: ReceiptSubject;
}) {
  const api = useFrontdesk();
  const handleReply = useSaveReply();
  const owing = lineItems.find((li) => isPositive(li.balance_pt)) ?? lineItems[0];
  const initial = useMemo(
    () => ({
      patient: patientId,
      amount: owing && isPositive(owing.balance_pt) ? (owing.balance_pt ?? '') : '',
      payment_method: 'CASH' as const,
      received_date: today,
      notes: '',
      trace_number: '',
      doctor: doctorId ?? null,
      line_item: appointmentId && owing ? owing.id : null,
    }),
    [patientId, owing, today, doctorId, appointmentId],
  );
  const form = useZodForm(paymentFormSchema, initial);
  const [message, setMessage] = useState<string | null>(null);
  const amount = useWatch({ control: form.control, name: 'amount' }) as string | undefined;
  const lineItemId = useWatch({ control: form.control, name: 'line_item' }) as
    number | null | undefined;
  const chosen = lineItems.find((li) => li.id === lineItemId);
  const after = chosen ? minus(chosen.balance_pt, amount) : null;

  const submit = async (values: PaymentFormOutput) => {
    setMessage(null);
    const { line_item, notes, trace_number, ...rest } = values;
    // No line item yet: drchrono takes it on the account; the mark shows it on this visit.
    const checkIn = appointmentId !== undefined && lineItems.length === 0;
    const marked = checkIn ? withVisitMark(notes, appointmentId) : notes;
    const payment = {
      ...rest,
      ...(marked ? { notes: marked } : {}),
      ...(trace_number ? { trace_number } : {}),
      ...(appointmentId && line_item !== undefined
        ? { appointment: appointmentId, line_item }
        : {}),
    };
    const reply = await api.billing.addPayment({ payment });
    setMessage(
      handleReply(reply, {
        setError: form.setError,
        shownFields: paymentFields,
        done: `Payment of ${formatMoney(values.amount)} recorded`,
        toastAction: receiptAction(receipt, payment),
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
      title={`Take a payment — ${patientName}`}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      submitLabel="Record payment"
      message={message}
      notice={
        appointmentId && lineItems.length === 0 ? (
          <Notice kind="info" live={false}>
            This visit has no line items yet. drchrono keeps the payment on the patient’s account,
            marked for this visit, and it shows here as collected; once the visit has line items it
            can be applied to them.
          </Notice>
        ) : undefined
      }
    >
      <div className="fd-form__grid">
        <TextField name="amount" label="Amount" required inputMode="decimal" hint="E.g. 25.00" />
        <SelectField
          name="payment_method"
          label="Method"
          options={paymentMethods.map((m) => ({ value: m, label: methodLabel(m) }))}
        />
        <TextField name="received_date" label="Received on" type="date" />
        {appointmentId && lineItems.length > 0 ? (
          <SelectField
            name="line_item"
            label="Apply to"
            numeric
            options={lineItems.map((li) => ({
              value: li.id,
              label: `${li.code ?? 'Item'}${li.description ? ` ${li.description}` : ''} — patient owes ${formatMoney(li.balance_pt)}`,
            }))}
          />
        ) : null}
        <TextField name="trace_number" label="Check or reference number" />
      </div>
      {after !== null ? (
        <p className="fd-rec-preview" role="status">
          Patient balance on this line after the payment: <strong>{formatMoney(after)}</strong>
        </p>
      ) : null}
      <TextAreaField name="notes" label="Notes" />
    </FormDialog>
  );
}
