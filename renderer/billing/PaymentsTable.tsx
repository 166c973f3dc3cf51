import type { LineItem, PatientPayment } from '../../shared/drchrono';
import { formatDate } from '../patients/common/format';
import { EmptyState } from '../ui';
import { formatMoney, methodLabel } from './money';

/** Patient payments, newest first. */
export function PaymentsTable({
  payments,
  lineItems = [],
  empty,
}: {
  payments: readonly PatientPayment[];
  lineItems?: readonly LineItem[];
  empty: string;
}) {
  if (payments.length === 0) return <EmptyState>{empty}</EmptyState>;
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
                <td>
                  {item
                    ? `Line ${item.code ?? item.id}`
                    : p.appointment
                      ? `Appointment ${p.appointment}`
                      : 'Account'}
                </td>
                <td>{p.trace_number || '—'}</td>
                <td>{p.notes || '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
