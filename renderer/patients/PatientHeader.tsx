import type { Patient } from '../../shared/drchrono';
import { Button } from '../ui';
import { statusLabel } from './choices';
import { patientFlags } from './common/flags';
import { ageOn, fullName } from './common/format';
import { formatBirthDate } from '../../shared/time/birth-date';

/** Who the patient is at a glance, and what the desk does next. */
export function PatientHeader({
  patient,
  today,
  onEdit,
  onBook,
  onNewTask,
}: {
  patient: Patient;
  today: string;
  onEdit: () => void;
  onBook: () => void;
  onNewTask: () => void;
}) {
  const age = ageOn(patient.date_of_birth, today);
  const status = patient.patient_status ?? 'A';
  return (
    <header className="fd-rec-patient-header">
      <div>
        <h2 className="fd-rec-patient-header__name">
          {fullName(patient)}
          {patient.nick_name ? <span className="fd-rec-muted"> “{patient.nick_name}”</span> : null}
        </h2>
        <p className="fd-rec-patient-header__meta">
          {patient.date_of_birth ? (
            <span>
              Born {formatBirthDate(patient.date_of_birth)}
              {age !== null ? ` (${age})` : ''}
            </span>
          ) : null}
          {patient.gender ? <span>{patient.gender}</span> : null}
          {patient.chart_id ? <span>Chart {patient.chart_id}</span> : null}
          <span
            className={`fd-badge ${status === 'A' ? 'fd-rec-badge--active' : 'fd-rec-badge--inactive'}`}
          >
            {statusLabel(status)}
          </span>
          {patientFlags(patient).map((flag) => (
            <span
              key={flag.label}
              className="fd-badge fd-rec-flag"
              style={flag.color ? { borderColor: flag.color } : undefined}
            >
              ⚑ {flag.label}
            </span>
          ))}
        </p>
      </div>
      <div className="fd-toolbar">
        <Button onClick={onEdit}>Edit details</Button>
        <Button variant="primary" onClick={onBook}>
          Book appointment
        </Button>
        <Button onClick={onNewTask}>New task</Button>
      </div>
    </header>
  );
}
