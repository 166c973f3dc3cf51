import type { AppointmentItem } from '../../shared/contract';
import { formatBirthDate } from '../../shared/time/birth-date';
import type { Doctor, Office } from '../../shared/drchrono';
import { formatClock, patientName, roomName } from '../../shared/schedule';
import { useDeskLocale } from '../calendar/useDeskLocale';
import { PrintButtons } from '../print/PrintButtons';
import { PrintRoot } from '../print/PrintRoot';
import './paperwork.css';

interface PatientLike {
  first_name?: string | null;
  last_name?: string | null;
  date_of_birth?: string | null;
}

/**
 * The patient's appointment list on paper (to hand over at the desk): upcoming first, then past,
 * from what the Appointments tab already loaded.
 */
export function PatientAppointmentsPrint({
  patient,
  upcoming,
  past,
  doctors,
  offices,
}: {
  patient: PatientLike | undefined;
  upcoming: readonly AppointmentItem[];
  past: readonly AppointmentItem[];
  doctors: readonly Doctor[];
  offices: readonly Office[];
}) {
  const { hour12 } = useDeskLocale();
  const name = patientName(patient) ?? 'Patient';
  const table = (caption: string, rows: readonly AppointmentItem[]) => (
    <>
      <h2 className="fd-paper__title">{caption}</h2>
      {rows.length === 0 ? (
        <p className="fd-paper__empty">None.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Time</th>
              <th scope="col">Reason</th>
              <th scope="col">Provider</th>
              <th scope="col">Where</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => {
              const doctor = doctors.find((d) => d.id === a.doctor);
              const office = offices.find((o) => o.id === a.office);
              return (
                <tr key={a.id}>
                  <td>{a.scheduled_time.slice(0, 10)}</td>
                  <td>{formatClock(a.scheduled_time, hour12)}</td>
                  <td>{a.reason ?? ''}</td>
                  <td>{doctor ? `Dr. ${doctor.first_name} ${doctor.last_name}` : ''}</td>
                  <td>{office ? `${office.name} · ${roomName(office, a.exam_room)}` : ''}</td>
                  <td>{a.status ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
  return (
    <div className="fd-no-print">
      <PrintButtons title={`Appointments ${name}`} />
      <PrintRoot>
        <article className="fd-paper" aria-label={`Appointments of ${name}`}>
          <header className="fd-paper__head">
            <h1 className="fd-paper__title">Appointments · {name}</h1>
            <span className="fd-paper__meta">
              {patient?.date_of_birth ? `Born ${formatBirthDate(patient.date_of_birth)}` : ''}
            </span>
          </header>
          {table('Upcoming', upcoming)}
          {table(
            'Past',
            [...past].sort((a, b) => b.scheduled_time.localeCompare(a.scheduled_time)),
          )}
        </article>
      </PrintRoot>
    </div>
  );
}
