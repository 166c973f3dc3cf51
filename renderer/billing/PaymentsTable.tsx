import {
  markedVisit,
  reversalOf,
  withoutMarks,
  type LineItem,
  type PatientPayment,
} from '../../shared/drchrono';
import { formatDate } from '../patients/common/format';
import type { ReactNode } from 'react';
import { EmptyState } from '../ui';
import { formatMoney, methodLabel } from './money';

/** Patient payments, newest first. */
export function PaymentsTable({
  payments,
  lineItems = [],
  empty,
  visitLabel = () => null,
  receipt,
}: {
  payments: readonly PatientPayment[];
  lineItems?: readonly LineItem[];
  empty: string;
  /** "Mon 7 Dec 9:30 AM · Dr Smith" for an appointment id, when known. */
  visitLabel?: (appointmentId: string | null) => string | null;
  /** A row's "Print receipt". */
  receipt?: (payment: PatientPayment) => ReactNode;
}) {
  if (payments.length === 0) return <EmptyState>{empty}</EmptyState>;
  const applied = new Set(payments.map((p) => reversalOf(p.notes)));
  const sorted = [...payments].sort((a, b) =>
    (b.received_date ?? b.created_at ?? '').localeCompare(a.received_date ?? a.created_at ?? ''),
  );
  return (
    <div className="fd-rec-scroll">
      <table className="fd-table fd-rec-money-table">
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col" className="fd-rec-num">
              Amount
            </th>
            <th scope="col">Method</th>
            <th scope="col">Applied to</th>
            <th scope="col">Reference</th>
            <th scope="col">Notes</th>
            {receipt ? <th scope="col">Receipt</th> : null}
          </tr>
        </thead>
        <tbody>
          {sorted.map((p) => {
            const item = lineItems.find((li) => li.id === p.line_item);
            return (
              <tr key={p.id}>
                <td>{formatDate(p.received_date ?? p.posted_date)}</td>
                <td className="fd-rec-num">{formatMoney(p.amount)}</td>
                <td>{methodLabel(p.payment_method)}</td>
                <td>{appliedTo(p, item, visitLabel, applied.has(p.id))}</td>
                <td>{p.trace_number || '—'}</td>
                <td>{withoutMarks(p.notes) || '—'}</td>
                {receipt ? <td>{receipt(p)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Where a payment went, in the desk's words: the visit (and line), or the account. */
function appliedTo(
  p: PatientPayment,
  item: LineItem | undefined,
  visitLabel: (appointmentId: string | null) => string | null,
  /** A check-in copay since applied to the visit's line item. */
  moved: boolean,
): string {
  const reversed = reversalOf(p.notes);
  if (reversed !== null) return 'Account (moved to a visit)';
  const marked = markedVisit(p.notes);
  if (p.appointment === null && marked !== null) {
    const visit = visitLabel(marked) ?? 'a visit';
    return moved ? `Account, for ${visit} (since applied to it)` : `Account, for ${visit}`;
  }
  if (p.appointment === null) return 'Account';
  const visit = visitLabel(p.appointment) ?? 'A visit';
  return item ? `${visit} · ${item.code ?? 'line item'}` : visit;
}
