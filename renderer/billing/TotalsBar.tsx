import type { ResponseOf } from '../../shared/contract';
import { formatMoney, isPositive } from './money';

type Totals = ResponseOf<'billing:appointment'>['totals'];

/** The appointment's totals, as its line items report them. */
export function TotalsBar({ totals }: { totals: Totals }) {
  const items: [string, string, boolean][] = [
    ['Billed', totals.billed, false],
    ['Paid', totals.paid, false],
    ['Patient owes', totals.balancePatient, isPositive(totals.balancePatient)],
    ['Insurance owes', totals.balanceInsurance, false],
    ['Balance', totals.balanceTotal, isPositive(totals.balanceTotal)],
  ];
  return (
    <dl className="fd-rec-totals" aria-label="Totals">
      {items.map(([label, value, owed]) => (
        <div
          key={label}
          className={`fd-rec-totals__item${owed ? ' fd-rec-totals__item--owed' : ''}`}
        >
          <dt>{label}</dt>
          <dd>{formatMoney(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
