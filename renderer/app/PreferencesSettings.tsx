import type { Prefs } from '../../shared/contract';
import { useFrontdesk, useQuery } from '../bridge';
import { ErrorNotice, errorToast, Spinner, useToast } from '../ui';

const shares = [0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1];
const quotas = [500, 1000, 2000, 5000, 10_000];

/**
 * How this workstation spends the practice's API quota, and how many days it keeps for offline
 * use. Each change is saved at once.
 */
export function PreferencesSettings() {
  const api = useFrontdesk();
  const toast = useToast();
  const prefs = useQuery('prefs:get', {});
  if (prefs.error) return <ErrorNotice error={prefs.error} onRetry={prefs.reload} />;
  if (!prefs.data) return <Spinner label="Loading the preferences" />;
  const { budget, cache } = prefs.data;

  async function save(patch: {
    budget?: Partial<Prefs['budget']>;
    cache?: Partial<Prefs['cache']>;
  }) {
    const reply = await api.prefs.set(patch);
    if (!reply.ok) toast(errorToast(reply.error));
    prefs.reload();
  }

  const withCurrent = (values: number[], current: number) =>
    [...new Set([...values, current])].sort((a, b) => a - b);

  return (
    <section className="fd-preferences" aria-labelledby="preferences-title">
      <h2 id="preferences-title">API budget and offline days</h2>
      <p>
        drchrono allows each API application a number of calls per hour, shared by every computer of
        the practice. This computer keeps to its share, so the others are never locked out.
      </p>
      <label className="fd-field">
        <span className="fd-field__label">The practice’s hourly quota at drchrono</span>
        <select
          className="fd-input"
          value={budget.hourlyQuota}
          onChange={(event) => void save({ budget: { hourlyQuota: Number(event.target.value) } })}
        >
          {withCurrent(quotas, budget.hourlyQuota).map((quota) => (
            <option key={quota} value={quota}>
              {quota} calls an hour
            </option>
          ))}
        </select>
      </label>
      <label className="fd-field">
        <span className="fd-field__label">This computer’s share</span>
        <select
          className="fd-input"
          value={budget.share}
          onChange={(event) => void save({ budget: { share: Number(event.target.value) } })}
        >
          {withCurrent(shares, budget.share).map((share) => (
            <option key={share} value={share}>
              {Math.round(share * 100)} % ({Math.floor(share * budget.hourlyQuota)} calls an hour)
            </option>
          ))}
        </select>
      </label>
      <label className="fd-field">
        <span className="fd-field__label">Days kept before today</span>
        <select
          className="fd-input"
          value={cache.daysBefore}
          onChange={(event) => void save({ cache: { daysBefore: Number(event.target.value) } })}
        >
          {withCurrent([0, 1, 2, 3, 7, 14], cache.daysBefore).map((days) => (
            <option key={days} value={days}>
              {days} {days === 1 ? 'day' : 'days'}
            </option>
          ))}
        </select>
      </label>
      <label className="fd-field">
        <span className="fd-field__label">Days kept after today</span>
        <select
          className="fd-input"
          value={cache.daysAfter}
          onChange={(event) => void save({ cache: { daysAfter: Number(event.target.value) } })}
        >
          {withCurrent([1, 3, 7, 14, 31], cache.daysAfter).map((days) => (
            <option key={days} value={days}>
              {days} {days === 1 ? 'day' : 'days'}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
