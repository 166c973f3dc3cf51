import type { Practice } from '../../shared/contract';
import { useQuery } from '../bridge';
import { ErrorNotice, Spinner } from '../ui';
import { deskLocale } from '../../shared/schedule';
import { TodayBoard } from './TodayBoard';
import { useTodayView } from './useTodayView';
import '../calendar/calendar.css';
import './today.css';

function officeFor(practice: Practice, preferred: number | null): number | null {
  const offices = practice.offices.filter((o) => o.archived !== true);
  return offices.find((o) => o.id === preferred)?.id ?? offices[0]?.id ?? null;
}

/**
 * The first screen after sign-in: today's arrivals board for one office (the one chosen here this
 * session, else the calendar's). Reads through the bridge, cache first; takes no props.
 */
export function TodayScreen() {
  const practice = useQuery('practice:get', {}, { refreshOn: ['reference'] });
  const prefs = useQuery('prefs:get', {});
  const [view, setView] = useTodayView();

  let body;
  if (practice.data && (prefs.data || prefs.error)) {
    const officeId = officeFor(
      practice.data,
      view.officeId ?? prefs.data?.calendar.officeId ?? null,
    );
    // A doctor kept from earlier in the session who is no longer in the practice: every doctor.
    const doctorId = practice.data.doctors.some((d) => d.id === view.doctorId)
      ? view.doctorId
      : null;
    body =
      officeId === null ? (
        <p className="fd-empty">This practice has no office in drchrono yet.</p>
      ) : (
        <TodayBoard
          practice={practice.data}
          officeId={officeId}
          doctorId={doctorId}
          byDoctor={view.byDoctor}
          hour12={deskLocale(prefs.data?.calendar ?? {}, practice.data.offices).hour12}
          onView={setView}
        />
      );
  } else if (practice.error) {
    body = <ErrorNotice error={practice.error} onRetry={practice.reload} />;
  } else {
    body = <Spinner label="Loading today" />;
  }
  return (
    <section className="fdt-screen" aria-label="Today">
      {body}
    </section>
  );
}
