import type { LineItem, Transaction } from '../../shared/drchrono';
import { formatDate } from '../patients/common/format';
import { EmptyState } from '../ui';
import { formatMoney } from './money';

function insurer(value: Transaction['ins_name']): string {
  if (value === 1 || value === '1') return 'Primary';
  if (value === 2 || value === '2') return 'Secondary';
  if (value === 3 || value === '3') return 'Tertiary';
  return value === null || value === undefined ? '—' : String(value);
}

/** Insurance transactions (ERA postings): read-only at the desk. */
export function TransactionsTable({
  transactions,
  lineItems,
}: {
  transactions: readonly Transaction[];
  lineItems: readonly LineItem[];
}) {
  if (transactions.length === 0) {
    return <EmptyState>No insurance payments or adjustments posted yet.</EmptyState>;
  }
  return (
    <div className="fd-rec-scroll">
      <table className="fd-table fd-rec-money-table">
        <thead>
          <tr>
            <th scope="col">Posted</th>
            <th scope="col">Line</th>
            <th scope="col">Insurer</th>
            <th scope="col" className="fd-rec-num">
              Paid
            </th>
            <th scope="col" className="fd-rec-num">
              Adjustment
            </th>
            <th scope="col">Reason</th>
            <th scope="col">Claim status</th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {transactions.map((t) => {
            const item = lineItems.find((li) => li.id === t.line_item);
            return (
              <tr key={t.id}>
                <td>{formatDate(t.posted_date)}</td>
                <td>{item?.code ?? (t.line_item ? `#${t.line_item}` : '—')}</td>
                <td>{insurer(t.ins_name)}</td>
                <td className="fd-rec-num">{formatMoney(t.ins_paid)}</td>
                <td className="fd-rec-num">{formatMoney(t.adjustment)}</td>
                <td>
                  {[t.adjustment_group_code, t.adjustment_reason].filter(Boolean).join('-') || '—'}
                </td>
                <td>{t.claim_status || '—'}</td>
                <td>
                  {[t.trace_number, t.check_date ? formatDate(t.check_date) : null]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
