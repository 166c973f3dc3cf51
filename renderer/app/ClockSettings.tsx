import type { Prefs } from '../../shared/contract';
import { useFrontdesk, useQuery } from '../bridge';
import { deskLocale } from '../../shared/schedule';
import { announceDeskLocale } from '../calendar/useDeskLocale';
import { ErrorNotice, errorToast, Spinner, useToast } from '../ui';

type CalendarPrefs = Prefs['calendar'];

/**
 * How this workstation writes times and starts its weeks: the practice's convention (its offices'
 * country) unless the desk chooses otherwise. Saved at once; every calendar view follows.
 */
export function ClockSettings() {
  const api = useFrontdesk();
  const toast = useToast();
  const prefs = useQuery('prefs:get', {});
  const practice = useQuery('practice:get', {});
  if (prefs.error) return <ErrorNotice error={prefs.error} onRetry={prefs.reload} />;
  if (!prefs.data) return <Spinner label="Loading the preferences" />;
  const { calendar } = prefs.data;
  // What "the practice's" means here, in words.
  const practiceWay = deskLocale({}, practice.data?.offices ?? []);

  async function save(patch: Partial<Pick<CalendarPrefs, 'clock' | 'weekStart'>>) {
    const reply = await api.prefs.set({ calendar: patch });
    if (!reply.ok) toast(errorToast(reply.error));
    prefs.reload();
    // The status bar and any open screen follow at once, not after a reload.
    announceDeskLocale();
  }

  return (
    <section className="fd-preferences" aria-labelledby="clock-title">
      <h2 id="clock-title">Time and week</h2>
      <label className="fd-field">
        <span className="fd-field__label">Clock</span>
        <select
          className="fd-input"
          value={calendar.clock ?? 'auto'}
          onChange={(event) =>
            void save({ clock: event.target.value as NonNullable<CalendarPrefs['clock']> })
          }
        >
          <option value="auto">
            As the practice ({practiceWay.hour12 ? '12-hour, 9:30 AM' : '24-hour, 09:30'})
          </option>
          <option value="12h">12-hour (9:30 AM)</option>
          <option value="24h">24-hour (09:30)</option>
        </select>
      </label>
      <label className="fd-field">
        <span className="fd-field__label">Weeks start on</span>
        <select
          className="fd-input"
          value={calendar.weekStart ?? 'auto'}
          onChange={(event) =>
            void save({
              weekStart: event.target.value as NonNullable<CalendarPrefs['weekStart']>,
            })
          }
        >
          <option value="auto">
            As the practice ({practiceWay.firstDay === 0 ? 'Sunday' : 'Monday'})
          </option>
          <option value="sunday">Sunday</option>
          <option value="monday">Monday</option>
        </select>
      </label>
    </section>
  );
}
