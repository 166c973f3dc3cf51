import type { AppointmentItem } from '../../shared/contract';
import { instantToWall } from '../../shared/time/practice-time';
import { useQuery } from '../bridge';
import { useDeskLocale } from '../calendar/useDeskLocale';
import { useNow } from './useNow';
import { EligibilityBadge } from './EligibilityBadge';
import { describeReminder } from './reminder-words';
import { useDayEligibility } from './useDayEligibility';
import './paperwork.css';

/**
 * The appointment card's reminders and eligibility. Both come from the day's fetches in main
 * (one for eligibility, the verbose day for reminders), so hovering card after card costs no call.
 */
export function CardPaperwork({ appointment }: { appointment: AppointmentItem }) {
  const date = appointment.scheduled_time.slice(0, 10);
  const isVisit = appointment.patient !== null;
  const now = useNow();
  const { hour12 } = useDeskLocale();
  const practice = useQuery('practice:get', isVisit ? {} : null);
  // Main answers from its copy of the day; it fetches again only when that copy predates this
  // visit (a booking), so a status change or a move costs no call.
  const reminders = useQuery(
    'reminders:day',
    isVisit ? { date, appointmentId: appointment.id } : null,
    {
      refreshOn: ['appointments'],
      refreshIf: (change) => change.dates?.includes(date) ?? true,
    },
  );
  const eligibility = useDayEligibility(isVisit ? date : null);
  if (!isVisit) return null;
  const zone = practice.data?.timezone ?? 'UTC';
  const nowWall = instantToWall(now, zone);
  const list = reminders.data
    ? (reminders.data.byAppointment[appointment.id] ?? appointment.reminders ?? [])
    : (appointment.reminders ?? null);
  return (
    <dl className="fdp-card" aria-label="Reminders and eligibility">
      <dt>Reminders</dt>
      <dd>
        {reminders.error && !list
          ? `Not available: ${reminders.error.message}`
          : list === null
            ? 'Loading…'
            : list.length === 0
              ? 'None'
              : list.map((r) => describeReminder(r, nowWall, hour12)).join(' · ')}
      </dd>
      <dt>Insurance</dt>
      <dd>
        {eligibility.error ? (
          `Eligibility not available: ${eligibility.error}`
        ) : eligibility.byAppointment ? (
          <EligibilityBadge checks={eligibility.byAppointment[appointment.id]} />
        ) : (
          'Loading…'
        )}
      </dd>
    </dl>
  );
}
