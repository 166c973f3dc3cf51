import type { LineItem } from '../../shared/drchrono';
import { procedureTypes } from '../../shared/drchrono';
import { EmptyState } from '../ui';
import { formatMoney } from './money';

/** "C" (as written) or "CPT(C)" (as drchrono reads it back) → "CPT". */
function typeLabel(type: string | null | undefined): string {
  const full = type && type in procedureTypes ? procedureTypes[type as 'C'] : (type ?? '');
  return full.replace(/\(\w\)$/, '') || '—';
}

function list(values: readonly (string | number | null)[] | null | undefined): string {
  return (values ?? []).filter((v) => v !== null && v !== '').join(', ') || '—';
}

/** The appointment's procedures with the amounts and balances drchrono reports for each. */
export function LineItemsTable({ items }: { items: readonly LineItem[] }) {
  if (items.length === 0) return <EmptyState>No line items on this appointment yet.</EmptyState>;
  return (
    <div className="fd-rec-scroll">
      <table className="fd-table fd-rec-money-table">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Description</th>
            <th scope="col">Modifiers</th>
            <th scope="col">Dx</th>
            <th scope="col" className="fd-rec-num">
              Qty
            </th>
            <th scope="col" className="fd-rec-num">
              Billed
            </th>
            <th scope="col" className="fd-rec-num">
              Paid
            </th>
            <th scope="col" className="fd-rec-num">
              Patient owes
            </th>
            <th scope="col" className="fd-rec-num">
              Insurance owes
            </th>
            <th scope="col">Claim status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((li) => (
            <tr key={li.id}>
              <td>
                <strong>{li.code ?? '—'}</strong>
                <div className="fd-rec-muted">{typeLabel(li.procedure_type)}</div>
              </td>
              <td>{li.description || '—'}</td>
              <td className="fd-rec-nowrap">{list(li.modifiers)}</td>
              <td className="fd-rec-nowrap">{list(li.diagnosis_pointers)}</td>
              <td className="fd-rec-num">{li.quantity ?? '1'}</td>
              <td className="fd-rec-num">{formatMoney(li.billed ?? li.price)}</td>
              <td className="fd-rec-num">{formatMoney(li.paid_total)}</td>
              <td className="fd-rec-num">{formatMoney(li.balance_pt)}</td>
              <td className="fd-rec-num">{formatMoney(li.balance_ins)}</td>
              <td>{li.billing_status || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
