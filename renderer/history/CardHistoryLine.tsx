import './history.css';
import { useQuery } from '../bridge';
import { useDeskLocale } from '../calendar/useDeskLocale';
import { moveLine, outcomeWords } from './describe-change';

/**
 * On the appointment card: the last change this desk made to it, e.g. "Moved from 10:15 Exam 2
 * by frontdesk at 9:02" (read from this computer's history, no drchrono call).
 */
export function CardHistoryLine({ appointmentId }: { appointmentId: string }) {
  const history = useQuery('history:list', { appointmentId, limit: 5 }, { refreshOn: ['history'] });
  const practice = useQuery('practice:get', {});
  const { hour12 } = useDeskLocale();
  if (!history.data || !practice.data) return null;
  const places = { ...practice.data, hour12 };
  const last = history.data.entries.find((e) => moveLine(e, places) !== null);
  if (!last) return null;
  const line = moveLine(last, places);
  return (
    <p className="fdc-card__history">
      {line}
      {last.state !== 'delivered' ? ` · ${outcomeWords[last.state]}` : ''}
    </p>
  );
}
