import type { EligibilityCheck } from '../../shared/drchrono';
import { summarizeEligibility } from './eligibility-words';
import './paperwork.css';

/**
 * The last eligibility check of a visit as a badge: "Eligible · Aetna · checked Dec 5".
 * Give it the visit's checks from `eligibility:day` (`useDayEligibility`), newest first.
 */
export function EligibilityBadge({
  checks,
  compact = false,
}: {
  checks: readonly EligibilityCheck[] | undefined;
  /** Only the verdict (the payer and date go in the tooltip). */
  compact?: boolean;
}) {
  const summary = summarizeEligibility(checks);
  if (!summary) return <span className="fdp-badge fdp-badge--none">No eligibility check</span>;
  const checked = summary.checkedOn ? `checked ${summary.checkedOn}` : null;
  const details = [summary.payer, checked].filter(Boolean).join(' · ');
  return (
    <span
      className={`fdp-badge fdp-badge--${summary.verdict}`}
      title={details || undefined}
      data-eligibility={summary.verdict}
    >
      {compact || !details ? (
        summary.label
      ) : (
        <>
          {[summary.label, summary.payer].filter(Boolean).join(' · ')}
          {checked ? (
            <>
              {' · '}
              {/* A narrow column (Today) wraps before the date, never inside it. */}
              <span className="fdp-badge__when">{checked}</span>
            </>
          ) : null}
        </>
      )}
    </span>
  );
}
