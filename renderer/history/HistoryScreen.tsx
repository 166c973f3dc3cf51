import { useMemo, useState } from 'react';
import type { HistoryListEntry } from '../../shared/contract';
import { useQuery } from '../bridge';
import { practiceClock } from '../app/format';
import { useDeskLocale } from '../calendar/useDeskLocale';
import { formatDate } from '../patients/common/format';
import { EmptyState, ErrorNotice, Spinner } from '../ui';
import { fieldChanges, outcomeWords, summaryWords, type Places } from './describe-change';
import './history.css';

/**
 * History: every change this workstation sent to drchrono (or tried to), by day and by patient —
 * who was signed in, when, what it changed from and to, and whether drchrono took it. Read from
 * this computer's encrypted store; no drchrono call.
 */
export function HistoryScreen({
  day: initialDay,
  patientId,
}: {
  day?: string | undefined;
  patientId?: number | undefined;
}) {
  const practice = useQuery('practice:get', {});
  const { hour12 } = useDeskLocale();
  const [day, setDay] = useState<string | null>(initialDay ?? null);
  const [allDays, setAllDays] = useState(patientId !== undefined && initialDay === undefined);
  const [patientText, setPatientText] = useState('');
  const shownDay = allDays ? undefined : (day ?? practice.data?.today);
  const history = useQuery('history:list', practice.data ? { day: shownDay, patientId } : null, {
    refreshOn: ['history'],
    keepPrevious: true,
  });

  const entries = useMemo(() => {
    const text = patientText.trim().toLowerCase();
    const all = history.data?.entries ?? [];
    return text ? all.filter((e) => (e.patientName ?? '').toLowerCase().includes(text)) : all;
  }, [history.data, patientText]);

  if (practice.error && !practice.data) {
    return <ErrorNotice error={practice.error} onRetry={practice.reload} />;
  }
  const places = practice.data ? { ...practice.data, hour12 } : null;
  if (!places) return <Spinner label="Loading the history" />;
  return (
    <div className="fd-history">
      <header className="fd-history__header">
        <h1>History</h1>
        <p className="fd-rec-muted">
          Changes sent from this computer, kept {String(history.data?.retentionDays ?? '…')} days
          (Settings → History).
        </p>
      </header>
      <div className="fd-toolbar fd-history__filters" role="search" aria-label="Filter the history">
        <label className="fd-history__filter">
          Day
          <input
            type="date"
            value={shownDay ?? ''}
            disabled={allDays}
            onChange={(e) => {
              setDay(e.currentTarget.value || null);
            }}
          />
        </label>
        <label className="fd-history__filter">
          <input
            type="checkbox"
            checked={allDays}
            onChange={(e) => {
              setAllDays(e.currentTarget.checked);
            }}
          />
          All days
        </label>
        <label className="fd-history__filter">
          Patient
          <input
            type="search"
            placeholder="Name"
            value={patientText}
            onChange={(e) => {
              setPatientText(e.currentTarget.value);
            }}
          />
        </label>
      </div>
      {history.error && !history.data ? (
        <ErrorNotice error={history.error} onRetry={history.reload} />
      ) : null}
      {!history.data && !history.error ? <Spinner label="Loading the history" /> : null}
      {history.data && entries.length === 0 ? (
        <EmptyState>
          No changes from this computer {allDays ? 'in the history' : `on ${formatDate(shownDay)}`}
          {patientText ? ` for “${patientText}”` : ''}.
        </EmptyState>
      ) : null}
      {entries.length > 0 ? (
        <table className="fd-table fd-history__table" aria-label="Changes">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Patient</th>
              <th scope="col">Change</th>
              <th scope="col">Before → after</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <HistoryRow key={e.id} entry={e} places={places} showDay={allDays} />
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

function HistoryRow({
  entry,
  places,
  showDay,
}: {
  entry: HistoryListEntry;
  places: Places;
  showDay: boolean;
}) {
  const changes = fieldChanges(entry, places);
  const refused = entry.state === 'refused' || entry.state === 'conflict';
  return (
    <tr className={refused ? 'fd-history__row--refused' : undefined}>
      <td>
        {showDay ? `${formatDate(entry.day)} ` : ''}
        {practiceClock(entry.at, places.timezone, places.hour12 ?? true)}
      </td>
      <td>{entry.by ?? '—'}</td>
      <td>
        {entry.patientName ?? (entry.patientId ? `Patient #${String(entry.patientId)}` : '—')}
      </td>
      <td>{summaryWords(entry)}</td>
      <td>
        {changes.length === 0 ? (
          '—'
        ) : (
          <ul className="fd-history__changes">
            {changes.map((c) => (
              <li key={c.field}>
                {c.field}:{' '}
                {c.before !== null ? <span className="fd-history__before">{c.before}</span> : null}
                {c.before !== null ? ' → ' : ''}
                <span className="fd-history__after">{c.after}</span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <span className={`fd-history__state fd-history__state--${entry.state}`}>
          {outcomeWords[entry.state]}
        </span>
        {entry.message ? <div className="fd-rec-muted">{entry.message}</div> : null}
      </td>
    </tr>
  );
}
