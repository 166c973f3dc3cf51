import './collected.css';
import type { CollectedTotals } from '../../shared/drchrono';
import { formatMoney, isPositive, methodLabel } from './money';

/**
 * "Collected $25.00 · Cash": what the desk took for a visit, whether or not the visit has line
 * items yet. Reusable wherever a visit is shown (the billing screen, the Today board); renders
 * nothing when nothing was collected.
 */
export function CollectedLine({
  totals,
  compact = false,
}: {
  totals: CollectedTotals | null | undefined;
  /** One short line (a board cell): no note about the account. */
  compact?: boolean;
}) {
  if (!totals || !isPositive(totals.amount)) return null;
  const methods = totals.methods.map(methodLabel).join(', ');
  return (
    <p className="fd-collected" aria-label={`Collected ${formatMoney(totals.amount)}`}>
      <span className="fd-collected__amount">Collected {formatMoney(totals.amount)}</span>
      {methods ? <span> · {methods}</span> : null}
      {!compact && isPositive(totals.onAccount) ? (
        <span className="fd-collected__note">
          {' '}
          · {formatMoney(totals.onAccount)} on the account until applied to a line item
        </span>
      ) : null}
    </p>
  );
}
