import type { PatientPayment } from '../../shared/drchrono';
import { formatMoney, methodLabel } from '../billing/money';
import { hasReceipt, type ReceiptSubject } from './receipt';
import { PrintReceiptButton } from './PrintReceiptButton';

/** "Print receipt" beside a visit's "Collected …" line: one per payment taken for the visit. */
export function CollectedReceipts({
  payments,
  subject,
}: {
  payments: readonly PatientPayment[];
  subject: ReceiptSubject;
}) {
  const given = payments.filter(hasReceipt);
  if (given.length === 0) return null;
  return (
    <p className="fd-collected-receipts">
      {given.map((p) => (
        <PrintReceiptButton
          key={p.id}
          payment={p}
          subject={subject}
          label={
            given.length === 1
              ? 'Print receipt'
              : `Print receipt (${formatMoney(p.amount)} · ${methodLabel(p.payment_method)})`
          }
        />
      ))}
    </p>
  );
}
