import { useState } from 'react';
import type { Practice } from '../../shared/contract';
import { useQuery } from '../bridge';
import { ErrorNotice, Spinner } from '../ui';
import { deskLocale } from '../calendar/desk-locale';
import { TodayBoard } from './TodayBoard';
import '../calendar/calendar.css';
import './today.css';

function officeFor(practice: Practice, preferred: number | null): number | null {
  const offices = practice.offices.filter((o) => o.archived !== true);
  return offices.find((o) => o.id === preferred)?.id ?? offices[0]?.id ?? null;
}

/**
 * The first screen after sign-in: today's arrivals board for one office (the calendar's office
 * to begin with). Reads through the bridge, cache first; takes no props.
 */
export function TodayScreen() {
  const practice = useQuery('practice:get', {}, { refreshOn: ['reference'] });
  const prefs = useQuery('prefs:get', {});
  const [chosen, setChosen] = useState<number | null>(null);

  let body;
  if (practice.data && (prefs.data || prefs.error)) {
    const officeId = officeFor(practice.data, chosen ?? prefs.data?.calendar.officeId ?? null);
    body =
      officeId === null ? (
        <p className="fd-empty">This practice has no office in drchrono yet.</p>
      ) : (
        <TodayBoard
          practice={practice.data}
          officeId={officeId}
          hour12={deskLocale(prefs.data?.calendar ?? {}, practice.data.offices).hour12}
          onOffice={setChosen}
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
