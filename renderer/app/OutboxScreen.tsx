import type { OutboxEntryView } from '../../shared/contract';
import { useFrontdesk, useQuery } from '../bridge';
import { Button, EmptyState, ErrorNotice, errorToast, Notice, Spinner, useToast } from '../ui';
import { useDeskLocale } from '../calendar/useDeskLocale';
import { practiceClock } from './format';

const stateLabels: Record<OutboxEntryView['state'], string> = {
  pending: 'Waiting to send',
  sending: 'Sending',
  conflict: 'Conflict',
  attention: 'Needs attention',
};

/**
 * The outbox: edits not yet on drchrono, and the ones that need a person (a clash with someone
 * else's change, a refusal). Nothing leaves it without a decision made here.
 */
export function OutboxScreen({ zone }: { zone: string | null }) {
  const outbox = useQuery('outbox:list', {}, { refreshOn: ['outbox'] });
  if (outbox.error) return <ErrorNotice error={outbox.error} onRetry={outbox.reload} />;
  if (!outbox.data) return <Spinner label="Loading the outbox" />;
  const entries = outbox.data.entries;
  return (
    <div className="fd-outbox">
      <h1>Outbox</h1>
      {outbox.data.problem ? <Notice kind="warning">{outbox.data.problem}</Notice> : null}
      {entries.length === 0 ? (
        <EmptyState>
          <p>Every change has reached drchrono.</p>
        </EmptyState>
      ) : (
        <ol className="fd-outbox__list">
          {entries.map((entry) => (
            <OutboxItem key={entry.id} entry={entry} zone={zone} onDone={outbox.reload} />
          ))}
        </ol>
      )}
    </div>
  );
}

function OutboxItem({
  entry,
  zone,
  onDone,
}: {
  entry: OutboxEntryView;
  zone: string | null;
  onDone: () => void;
}) {
  const api = useFrontdesk();
  const toast = useToast();
  const { hour12 } = useDeskLocale();
  const needsPerson = entry.state === 'conflict' || entry.state === 'attention';

  async function resolve(action: 'keep-mine' | 'keep-theirs' | 'retry'): Promise<void> {
    const reply = await api.outbox.resolve({ id: entry.id, action });
    if (!reply.ok) toast(errorToast(reply.error));
    onDone();
  }

  return (
    <li className={`fd-outbox__item fd-outbox__item--${entry.state}`}>
      <div className="fd-outbox__head">
        <strong>{entry.summary}</strong>
        <span className="fd-outbox__state">{stateLabels[entry.state]}</span>
      </div>
      <p className="fd-muted">
        Made at {practiceClock(entry.createdAt, zone, hour12) ?? '?'}
        {entry.attempts > 0 ? ` · ${entry.attempts} attempts` : ''}
      </p>
      {entry.message ? <p>{entry.message}</p> : null}
      {entry.state === 'conflict' && entry.theirs && entry.mine ? (
        <table className="fd-outbox__diff">
          <caption className="fd-visually-hidden">What changed on both sides</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Yours</th>
              <th scope="col">On drchrono now</th>
            </tr>
          </thead>
          <tbody>
            {Object.keys({ ...entry.mine, ...entry.theirs }).map((field) => (
              <tr key={field}>
                <th scope="row">{field.replace(/_/g, ' ')}</th>
                <td>{show(entry.mine?.[field])}</td>
                <td>{show(entry.theirs?.[field])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {needsPerson ? (
        <div className="fd-form__actions">
          {entry.state === 'conflict' ? (
            <Button variant="primary" onClick={() => void resolve('keep-mine')}>
              Keep mine
            </Button>
          ) : (
            <Button variant="primary" onClick={() => void resolve('retry')}>
              Try again
            </Button>
          )}
          <Button onClick={() => void resolve('keep-theirs')}>
            {entry.state === 'conflict' ? 'Keep theirs' : 'Drop my change'}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
