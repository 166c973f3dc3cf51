import {
  eligibilityVerdict,
  type EligibilityCheck,
  type EligibilityVerdict,
} from '../../shared/drchrono';
import { shortDay } from './short-day';

export interface EligibilitySummary {
  verdict: EligibilityVerdict;
  /** "Eligible", "Not eligible", "Eligibility unknown". */
  label: string;
  payer: string | null;
  /** The check's run date in the desk's short words, "Dec 5". */
  checkedOn: string | null;
}

const labels: Record<EligibilityVerdict, string> = {
  eligible: 'Eligible',
  'not-eligible': 'Not eligible',
  unknown: 'Eligibility unknown',
};

/** The newest check of a visit (checks come newest first), in the desk's words; null: none run. */
export function summarizeEligibility(
  checks: readonly EligibilityCheck[] | undefined,
): EligibilitySummary | null {
  const newest = checks?.[0];
  if (!newest) return null;
  const verdict = eligibilityVerdict(newest.eligibility);
  return {
    verdict,
    label: labels[verdict],
    payer: newest.payer_name?.trim() || null,
    checkedOn: newest.query_date ? shortDay(newest.query_date) : null,
  };
}
