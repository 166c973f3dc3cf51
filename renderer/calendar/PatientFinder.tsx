import { useState, type RefObject } from 'react';
import type { AppointmentItem, PatientBrief } from '../../shared/contract';
import { formatClock, patientName } from '../../shared/schedule';
import { useFrontdesk } from '../bridge';
import { Button } from '../ui';
import { PatientCombobox } from './PatientCombobox';
import { useDeskLocale } from './useDeskLocale';
import { formatDay } from './view-range';

/**
 * Ctrl+F on the calendar: find a patient, see their coming visits, jump to one or book one.
 */
export function PatientFinder({
  inputRef,
  onShow,
  onBook,
  onOpenRecord,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  onShow: (appointment: AppointmentItem) => void;
  onBook: (patient: PatientBrief) => void;
  onOpenRecord: ((patient: PatientBrief) => void) | null;
}) {
  const api = useFrontdesk();
  const { hour12 } = useDeskLocale();
  const [chosen, setChosen] = useState<PatientBrief | null>(null);
  const [visits, setVisits] = useState<AppointmentItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pick = async (patient: PatientBrief) => {
    setChosen(patient);
    setVisits(null);
    setError(null);
    const reply = await api.appointments.forPatient({ patientId: patient.id });
    if (reply.ok) setVisits(reply.value.upcoming.slice(0, 5));
    else setError(reply.error.message);
  };

  return (
    <div className="fdc-finder">
      <PatientCombobox
        label="Find patient (Ctrl+F)"
        hideLabel
        placeholder="Find patient (Ctrl+F)"
        inputRef={inputRef}
        onPick={(p) => void pick(p)}
      />
      {chosen ? (
        <div
          className="fdc-finder__panel"
          role="region"
          aria-label={`Visits of ${patientName(chosen) ?? 'patient'}`}
        >
          <div className="fdc-banner__row">
            <strong>{patientName(chosen)}</strong>
            <Button
              size="small"
              variant="ghost"
              aria-label="Close"
              onClick={() => {
                setChosen(null);
              }}
            >
              ✕
            </Button>
          </div>
          {error ? <p className="fd-field__error">{error}</p> : null}
          {visits === null && !error ? <p className="fd-field__hint">Loading visits…</p> : null}
          {visits?.length === 0 ? <p className="fd-field__hint">No upcoming visit.</p> : null}
          <ul className="fdc-finder__visits">
            {visits?.map((v) => (
              <li key={v.id}>
                <Button
                  size="small"
                  variant="ghost"
                  onClick={() => {
                    onShow(v);
                    setChosen(null);
                  }}
                >
                  {formatDay(v.scheduled_time.slice(0, 10))} {formatClock(v.scheduled_time, hour12)}
                  {v.reason ? ` · ${v.reason}` : ''}
                </Button>
              </li>
            ))}
          </ul>
          <div className="fdc-card__actions">
            <Button
              size="small"
              variant="primary"
              onClick={() => {
                onBook(chosen);
                setChosen(null);
              }}
            >
              Book a visit
            </Button>
            {onOpenRecord ? (
              <Button
                size="small"
                onClick={() => {
                  onOpenRecord(chosen);
                }}
              >
                Open record
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
