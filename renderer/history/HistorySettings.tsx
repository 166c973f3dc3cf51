import './history.css';
import { useState } from 'react';
import { historyRetentionChoices } from '../../shared/contract';
import { useFrontdesk, useQuery } from '../bridge';
import { errorToast, useToast } from '../ui';

/**
 * How long this computer keeps its history of changes. Shorter settings drop older entries at
 * once; the history itself never leaves the encrypted store.
 */
export function HistorySettings() {
  const api = useFrontdesk();
  const toast = useToast();
  const settings = useQuery('history:settings', {}, { refreshOn: ['history'] });
  const [saving, setSaving] = useState(false);
  return (
    <section className="fd-settings__section" aria-labelledby="history-settings">
      <h2 id="history-settings">History</h2>
      <p className="fd-rec-muted">
        Every change sent from this computer is kept, encrypted, in its history (who, when, before
        and after, delivered or refused).
      </p>
      <label className="fd-history__filter">
        Keep changes for
        <select
          value={settings.data?.retentionDays ?? ''}
          disabled={!settings.data || saving}
          onChange={(e) => {
            const days = Number(e.currentTarget.value) as (typeof historyRetentionChoices)[number];
            setSaving(true);
            void api.history.setRetention({ retentionDays: days }).then((reply) => {
              setSaving(false);
              if (reply.ok) {
                toast({ kind: 'success', message: `History kept for ${String(days)} days` });
                settings.reload();
              } else {
                toast(errorToast(reply.error));
              }
            });
          }}
        >
          {historyRetentionChoices.map((d) => (
            <option key={d} value={d}>
              {d === 365 ? '1 year' : `${String(d)} days`}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
