import { useLayoutEffect, useState, type RefObject } from 'react';
import type { AppointmentItem, PatientBrief } from '../../shared/contract';
import { CardPaperwork } from '../paperwork/CardPaperwork';
import { CardHistoryLine } from '../history/CardHistoryLine';
import { Button } from '../ui';
import { pendingWords, type AppointmentView } from './appointment-view';
import { DoctorLine } from './DoctorLine';
import { waitingText } from './event-content';
import { PatientFlagsLine } from './PatientFlagsLine';
import { formatBirthDate } from '../../shared/time/birth-date';

export interface CardActions {
  onStatusMenu: (anchor: HTMLElement) => void;
  onEdit: () => void;
  onMove: () => void;
  onOpenPatient: (() => void) | null;
  onBilling: () => void;
  onCancel: () => void;
  onDelete: () => void;
}

export interface AppointmentCardProps {
  appointment: AppointmentItem;
  view: AppointmentView;
  patient: PatientBrief | undefined;
  anchor: DOMRect;
  /** Why flag names may be missing (the practice's flag types could not be read), if so. */
  flagsHint?: string | null;
  /** Minutes in the current status, when known. */
  minutesInStatus: number | null;
  actions: CardActions;
  cardRef: RefObject<HTMLDivElement | null>;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onKeyDown: (e: React.KeyboardEvent<HTMLDivElement>) => void;
}

const CARD_WIDTH = 320;

/**
 * What the desk needs about an appointment at a glance (hover or focus), and what it does next.
 * Not modal: the calendar stays usable; Escape returns focus to the appointment.
 */
export function AppointmentCard({
  appointment,
  view,
  patient,
  anchor,
  flagsHint,
  minutesInStatus,
  actions,
  cardRef,
  onPointerEnter,
  onPointerLeave,
  onKeyDown,
}: AppointmentCardProps) {
  const [pos, setPos] = useState<{ left: number; top: number }>({ left: -9999, top: 0 });

  useLayoutEffect(() => {
    const place = () => {
      const height = cardRef.current?.offsetHeight ?? 240;
      const right = anchor.right + 8;
      const left =
        right + CARD_WIDTH < window.innerWidth ? right : Math.max(4, anchor.left - CARD_WIDTH - 8);
      const top = Math.max(4, Math.min(anchor.top, window.innerHeight - height - 8));
      setPos((was) => (was.left === left && was.top === top ? was : { left, top }));
    };
    place();
    // Reminders, eligibility and history arrive after the card opens and make it taller: it is
    // placed again so its actions never end up below the window.
    const card = cardRef.current;
    if (!card || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(place);
    observer.observe(card);
    return () => {
      observer.disconnect();
    };
  }, [anchor, cardRef]);

  const phone = patient?.cell_phone || patient?.home_phone || null;
  return (
    <div
      ref={cardRef}
      role="dialog"
      aria-label={`Appointment: ${view.label}`}
      className="fdc-card"
      style={{ left: pos.left, top: pos.top, width: CARD_WIDTH }}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
      onKeyDown={onKeyDown}
    >
      <div className="fdc-card__head" style={{ borderColor: view.colour }}>
        <h3 className="fdc-card__name">{view.name}</h3>
        <p className="fdc-card__when">
          {view.timeRange} · {view.room}
        </p>
      </div>
      <dl className="fdc-card__facts">
        <PatientFlagsLine flags={view.flags} hint={flagsHint} />
        <DoctorLine doctor={view.doctor} />
        {view.isBreak ? null : (
          <>
            <dt>Date of birth</dt>
            <dd>{formatBirthDate(patient?.date_of_birth)}</dd>
            <dt>Phone</dt>
            <dd>{phone || '—'}</dd>
          </>
        )}
        <dt>Reason</dt>
        <dd>{view.reason || '—'}</dd>
        <dt>Status</dt>
        <dd>
          {view.status ? (
            <span className={`fdc-status fdc-status--${view.statusTone ?? 'other'}`}>
              <span aria-hidden="true">{view.signal.icon} </span>
              {view.status}
            </span>
          ) : (
            '—'
          )}
          {minutesInStatus !== null ? (
            <span className="fdc-card__since"> for {waitingText(minutesInStatus)}</span>
          ) : null}
        </dd>
        {view.hasNotes ? (
          <>
            <dt>Notes</dt>
            <dd className="fdc-card__notes">{appointment.notes}</dd>
          </>
        ) : null}
        {view.walkIn || view.recurring || view.hasReminders ? (
          <>
            <dt>Also</dt>
            <dd>
              {[
                view.walkIn && 'Walk-in',
                view.recurring && 'Recurring',
                view.hasReminders && 'Reminders set',
              ]
                .filter(Boolean)
                .join(' · ')}
            </dd>
          </>
        ) : null}
      </dl>
      <CardPaperwork appointment={appointment} />
      <CardHistoryLine appointmentId={appointment.id} />
      {view.pending ? (
        <p className={`fdc-card__pending fdc-flag--${view.pending.state}`}>
          {pendingWords(view.pending)}
          {view.pending.message ? `: ${view.pending.message}` : ''}
        </p>
      ) : null}
      <div className="fdc-card__actions">
        <Button
          size="small"
          aria-haspopup="menu"
          onClick={(e) => {
            actions.onStatusMenu(e.currentTarget);
          }}
        >
          Status ▾
        </Button>
        <Button size="small" onClick={actions.onEdit}>
          Edit
        </Button>
        <Button size="small" onClick={actions.onMove}>
          Move to…
        </Button>
        {actions.onOpenPatient ? (
          <Button size="small" onClick={actions.onOpenPatient}>
            Patient
          </Button>
        ) : null}
        {view.isBreak ? null : (
          <Button size="small" onClick={actions.onBilling}>
            Billing
          </Button>
        )}
        {view.status !== 'Cancelled' ? (
          <Button size="small" onClick={actions.onCancel}>
            Cancel visit
          </Button>
        ) : null}
        <Button size="small" variant="danger" onClick={actions.onDelete}>
          Delete
        </Button>
      </div>
    </div>
  );
}
