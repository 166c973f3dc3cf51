import type { AppointmentItem } from '../../shared/contract';
import type { Doctor, Office } from '../../shared/drchrono';
import { Button, EmptyState, useNavigation } from '../ui';
import { formatDayTime } from './common/format';

function roomName(offices: readonly Office[], a: AppointmentItem): string {
  const office = offices.find((o) => o.id === a.office);
  const room = office?.exam_rooms.find((r) => r.index === a.exam_room);
  return [office?.name, room?.name ?? `Room ${a.exam_room}`].filter(Boolean).join(' · ');
}

/** A list of visits with a way to each one's place in the book and its billing. */
export function AppointmentTable({
  caption,
  appointments,
  doctors,
  offices,
}: {
  caption: string;
  appointments: readonly AppointmentItem[];
  doctors: readonly Doctor[];
  offices: readonly Office[];
}) {
  const { navigate } = useNavigation();
  if (appointments.length === 0) return <EmptyState>No {caption.toLowerCase()}.</EmptyState>;
  return (
    <table className="fd-table">
      <caption className="fd-rec-caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Reason</th>
          <th scope="col">Provider</th>
          <th scope="col">Where</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="fd-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {appointments.map((a) => {
          const doctor = doctors.find((d) => d.id === a.doctor);
          return (
            <tr key={a.id}>
              <td>{formatDayTime(a.scheduled_time)}</td>
              <td>{a.reason || '—'}</td>
              <td>{doctor ? `Dr. ${doctor.last_name}` : '—'}</td>
              <td>{roomName(offices, a)}</td>
              <td>
                {a.status ? <span className="fd-badge">{a.status}</span> : '—'}
                {a.pending ? <span className="fd-badge fd-rec-badge--pending">pending</span> : null}
              </td>
              <td className="fd-rec-actions">
                <Button
                  size="small"
                  onClick={() =>
                    void navigate({
                      area: 'calendar',
                      date: a.scheduled_time.slice(0, 10),
                      appointmentId: a.id,
                    })
                  }
                >
                  Open in calendar
                </Button>
                <Button
                  size="small"
                  onClick={() => void navigate({ area: 'billing', appointmentId: a.id })}
                >
                  Billing
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
