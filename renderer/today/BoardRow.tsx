import type { KeyboardEvent, ReactNode } from 'react';
import { formatClock } from '../../shared/schedule';
import { waitingText } from '../calendar/event-content';
import { statusTone } from '../calendar/statuses';
import type { ColumnKey } from './board';
import type { DoctorLabel } from './doctor-label';

export interface BoardRowProps {
  id: string;
  column: ColumnKey;
  time: string;
  /** The desk's clock: "9:30 AM" or "09:30". */
  hour12: boolean;
  name: string;
  status: string;
  /** Minutes waited or in the room; minutes late in "next arriving". */
  minutes: number | null;
  doctor: DoctorLabel;
  room: string;
  reason: string;
  /** The one-click step ("Arrived", "Checked In"…), null when the visit is over. */
  step: string | null;
  onStep: () => void;
  onStatusMenu: (button: HTMLElement) => void;
  onOpen: () => void;
  onOpenPatient: (() => void) | null;
  onKeyDown: (e: KeyboardEvent<HTMLLIElement>) => void;
  /**
   * More lines about this visit (eligibility, the copay taken…): each feature adds its own line
   * here, under the doctor line, without touching the rest of the row.
   */
  children?: ReactNode;
}

const stepLabels: Record<string, string> = {
  Arrived: 'Arrived',
  'Checked In': 'Check in',
  'In Room': 'To room',
  'In Session': 'In session',
  Complete: 'Complete',
};

function badge(column: ColumnKey, minutes: number | null): ReactNode {
  if (column === 'next') {
    return minutes !== null && minutes > 0 ? (
      <span className="fdt-row__badge fdt-row__badge--late">late {waitingText(minutes)}</span>
    ) : null;
  }
  if (column === 'waiting' || column === 'inRoom') {
    return minutes === null ? null : (
      <span className={`fdt-row__badge fdt-row__badge--${column === 'waiting' ? 'wait' : 'room'}`}>
        <span className="fd-visually-hidden">{column === 'waiting' ? 'waiting ' : 'in room '}</span>
        {waitingText(minutes)}
      </span>
    );
  }
  return null;
}

/**
 * One visit on the board: time, patient, how long they have waited, the doctor and room, then the
 * one-click status step, the full status menu and the patient's record. Digit keys on the row set
 * a status, as on the calendar.
 */
export function BoardRow(props: BoardRowProps) {
  const { column, minutes, doctor, status, step } = props;
  const time = formatClock(props.time, props.hour12);
  return (
    <li
      className={`fdt-row fdt-row--${column}`}
      data-appointment-row={props.id}
      onKeyDown={props.onKeyDown}
    >
      <div className="fdt-row__head">
        <span className="fdt-row__time">{time}</span>
        {badge(column, minutes)}
      </div>
      <div className="fdt-row__who">
        <button
          type="button"
          className="fdt-row__name"
          title="Open on the calendar"
          onClick={props.onOpen}
        >
          {props.name}
        </button>
        {props.onOpenPatient ? (
          <button
            type="button"
            className="fdt-link fdt-row__record"
            aria-label={`Record: ${props.name}`}
            onClick={props.onOpenPatient}
          >
            Record
          </button>
        ) : null}
      </div>
      <div className="fdt-row__meta">
        <span className="fdt-doctor" style={{ background: doctor.colour }} aria-hidden="true">
          {doctor.initials}
        </span>
        <span className="fdt-row__doctor">{doctor.short}</span>
        <span className="fdt-row__room">{props.room}</span>
        {props.reason && column !== 'done' && column !== 'noShow' ? (
          <span className="fdt-row__reason">{props.reason}</span>
        ) : null}
      </div>
      {props.children ? <div className="fdt-row__extra">{props.children}</div> : null}
      <div className="fdt-row__actions">
        {step ? (
          <button
            type="button"
            className="fdt-step"
            aria-label={`${stepLabels[step] ?? step}: ${props.name}`}
            onClick={props.onStep}
          >
            {stepLabels[step] ?? step}
          </button>
        ) : null}
        <button
          type="button"
          className={`fdt-status fdc-status fdc-status--${statusTone(status) ?? 'none'}`}
          aria-haspopup="menu"
          aria-label={`${status || 'No status'}: change the status of ${props.name}`}
          onClick={(e) => {
            props.onStatusMenu(e.currentTarget);
          }}
        >
          {status || 'No status'}
          <span aria-hidden="true"> ▾</span>
        </button>
      </div>
    </li>
  );
}
