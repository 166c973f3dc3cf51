import type { PatientPayment } from '../../shared/drchrono';
import { showReceipt } from './receipt-offer';
import type { ReceiptPayment, ReceiptSubject } from './receipt';

/** A payment as the dialog sends it (the contract's input: the appointment id may be a string). */
interface SentPayment {
  patient: number;
  amount: string;
  payment_method?: string;
  received_date?: string;
  appointment?: string | number;
  line_item?: number;
  doctor?: number;
  notes?: string;
  trace_number?: string;
}

/** The payment as sent, for its receipt while it waits in the outbox (no drchrono id yet). */
export function pendingPayment(sent: SentPayment): ReceiptPayment {
  return {
    id: null,
    amount: sent.amount,
    payment_method: sent.payment_method ?? null,
    received_date: sent.received_date ?? null,
    created_at: null,
    created_by: null,
    appointment: sent.appointment === undefined ? null : String(sent.appointment),
    line_item: sent.line_item ?? null,
    doctor: sent.doctor ?? null,
    notes: sent.notes ?? null,
    trace_number: sent.trace_number ?? null,
  };
}

/**
 * "Print receipt" on the toast that says a payment was taken: drchrono's copy when it answered,
 * else the payment as sent (its receipt says the number is still to come).
 */
export function receiptAction(subject: ReceiptSubject | undefined, sent: SentPayment) {
  return ({ payment }: { payment: PatientPayment | null }) =>
    subject
      ? {
          label: 'Print receipt',
          run: () => {
            showReceipt({ payment: payment ?? pendingPayment(sent), subject });
          },
        }
      : undefined;
}
