import type { Practice } from '../../shared/contract';
import { useQuery } from '../bridge';
import { ErrorNotice, Spinner } from '../ui';
import { CalendarWorkspace } from './CalendarWorkspace';
import { useCalendarPrefs } from './useCalendarPrefs';
import './calendar.css';

export function chooseOffice(practice: Practice, preferred: number | null): number | null {
  const offices = practice.offices.filter((o) => o.archived !== true);
  return offices.find((o) => o.id === preferred)?.id ?? offices[0]?.id ?? null;
}

/**
 * The front desk's calendar: the practice's book in the practice's own time, one column per exam
 * room. Reads everything through the bridge (cache first); takes no props.
 */
export function CalendarScreen() {
  const [prefs, setPrefs] = useCalendarPrefs();
  const practice = useQuery('practice:get', {}, { refreshOn: ['reference'] });

  let body;
  if (practice.data && prefs) {
    const officeId = chooseOffice(practice.data, prefs.officeId);
    body =
      officeId === null ? (
        <p className="fd-empty">This practice has no office in drchrono yet.</p>
      ) : (
        <CalendarWorkspace
          practice={practice.data}
          prefs={prefs}
          onPrefs={setPrefs}
          officeId={officeId}
        />
      );
  } else if (practice.error) {
    body = <ErrorNotice error={practice.error} onRetry={practice.reload} />;
  } else {
    body = <Spinner label="Loading the calendar" />;
  }
  return (
    <section className="fdc-screen" aria-label="Calendar">
      {body}
    </section>
  );
}
