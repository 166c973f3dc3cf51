import './collected.css';
import { useQuery } from '../bridge';
import { formatMoney, isPositive } from './money';

/**
 * The patient's account at a glance, on the record: what the visits' line items leave the patient
 * owing, less what was paid on the account (e.g. a copay taken before the visit was billed).
 */
export function AccountBalance({ patientId }: { patientId: number }) {
  const { data, error } = useQuery('billing:account', { patientId }, { refreshOn: ['billing'] });
  if (error && !data) {
    return (
      <p className="fd-rec-muted fd-account" role="status">
        Account balance not shown: {error.message}
      </p>
    );
  }
  if (!data) return null;
  const owes = isPositive(data.balance);
  const credit = data.balance.startsWith('-');
  return (
    <p className={`fd-account${owes ? ' fd-account--owes' : ''}`} aria-label="Account balance">
      <strong>
        Account balance{' '}
        {credit ? `${formatMoney(data.balance.slice(1))} in credit` : formatMoney(data.balance)}
      </strong>
      <span className="fd-rec-muted">
        {' '}
        · owes {formatMoney(data.owedOnVisits)} on{' '}
        {data.visitsOwing === 1 ? '1 visit' : `${String(data.visitsOwing)} visits`} ·{' '}
        {formatMoney(data.onAccount)} paid on account
      </span>
    </p>
  );
}
