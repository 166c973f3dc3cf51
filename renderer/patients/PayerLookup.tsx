import { useId, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import type { InsurancePayer } from '../../shared/drchrono';
import { payerTypes } from '../../shared/drchrono';
import type { AppError } from '../../shared/result';
import { useFrontdesk } from '../bridge';
import { Button, ErrorNotice, Spinner } from '../ui';

const payerTypeLabels: Record<(typeof payerTypes)[number], string> = {
  emdeon: 'Emdeon (Change Healthcare)',
  gateway: 'Gateway EDI',
  ihcfa: 'iHCFA',
};

/**
 * Looks a payer up in drchrono's list (`/api/insurances`, which needs a payer type) and fills the
 * card's company and payer ID from the one picked: insurance data is otherwise unvalidated.
 */
export function PayerLookup({ prefix }: { prefix: string }) {
  const api = useFrontdesk();
  const { setValue } = useFormContext();
  const id = useId();
  const [payerType, setPayerType] = useState<(typeof payerTypes)[number]>('emdeon');
  const [term, setTerm] = useState('');
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<InsurancePayer[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const search = async () => {
    setBusy(true);
    setError(null);
    const reply = await api.insurances.search({ payerType, term: term.trim() });
    setBusy(false);
    if (reply.ok) setResults(reply.value);
    else {
      setResults(null);
      setError(reply.error);
    }
  };

  const pick = (payer: InsurancePayer) => {
    const options = { shouldDirty: true, shouldValidate: true };
    setValue(`${prefix}insurance_company`, payer.payer_name, options);
    setValue(`${prefix}insurance_payer_id`, payer.payer_id, options);
    setResults(null);
  };

  return (
    <div className="fd-rec-lookup" role="search" aria-label="Find the payer">
      <div className="fd-rec-lookup__row">
        <div className="fd-field">
          <label className="fd-field__label" htmlFor={`${id}-type`}>
            Payer list
          </label>
          <select
            id={`${id}-type`}
            className="fd-select"
            value={payerType}
            onChange={(e) => {
              setPayerType(e.target.value as (typeof payerTypes)[number]);
            }}
          >
            {payerTypes.map((t) => (
              <option key={t} value={t}>
                {payerTypeLabels[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="fd-field fd-rec-lookup__term">
          <label className="fd-field__label" htmlFor={`${id}-term`}>
            Payer name, ID or state
          </label>
          <input
            id={`${id}-term`}
            className="fd-input"
            value={term}
            onChange={(e) => {
              setTerm(e.target.value);
            }}
            onKeyDown={(e) => {
              // Enter searches here instead of submitting the whole form.
              if (e.key === 'Enter') {
                e.preventDefault();
                void search();
              }
            }}
          />
        </div>
        <Button onClick={() => void search()} disabled={busy || term.trim().length < 2}>
          Find payer
        </Button>
        {busy ? <Spinner label="Searching payers" /> : null}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {results ? (
        results.length === 0 ? (
          <p className="fd-field__hint" role="status">
            No payer in this list matches “{term}”.
          </p>
        ) : (
          <ul className="fd-rec-lookup__results" aria-label="Payers found">
            {results.map((payer) => (
              <li key={`${payer.payer_id}-${payer.payer_name}`}>
                <Button
                  size="small"
                  variant="ghost"
                  onClick={() => {
                    pick(payer);
                  }}
                >
                  {payer.payer_name} · {payer.payer_id}
                  {payer.state ? ` · ${payer.state}` : ''}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
