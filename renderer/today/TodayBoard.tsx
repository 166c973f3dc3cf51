import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AppointmentItem, PatientBrief, Practice } from '../../shared/contract';
import { roomName } from '../../shared/schedule';
import { instantToWall } from '../../shared/time/practice-time';
import { ErrorNotice, Spinner, useNavigation } from '../ui';
import { appointmentName } from '../calendar/appointment-view';
import { StatusMenu } from '../calendar/StatusMenu';
import { statusForKey } from '../calendar/statuses';
import { useAppointmentActions } from '../calendar/useAppointmentActions';
import { useOverlay } from '../calendar/useOverlay';
import { CollectedLine } from '../billing/CollectedLine';
import { isPositive } from '../billing/money';
import { useCollectedToday } from '../billing/useCollectedToday';
import { EligibilityBadge } from '../paperwork/EligibilityBadge';
import { useDayEligibility } from '../paperwork/useDayEligibility';
import type { TodayView } from '../app/area-memory';
import {
  buildBoard,
  byDoctor as groupByDoctor,
  columnOf,
  columnTitles,
  doctorsOnDay,
  nextStep,
  withLocalMarks,
  type BoardEntry,
  type ColumnKey,
  type LocalMark,
} from './board';
import { BoardColumn } from './BoardColumn';
import { BoardRow } from './BoardRow';
import { DoctorGroup } from './DoctorGroup';
import { doctorLabels, unknownDoctor } from './doctor-label';
import { TodayToolbar } from './TodayToolbar';
import { usePracticeNow } from './usePracticeNow';
import { useTodayBook } from './useTodayBook';

const emptyText: Record<ColumnKey, string> = {
  next: 'No one is due in the coming hour.',
  waiting: 'No one is waiting.',
  inRoom: 'No one is in a room.',
  done: 'No visit is complete yet.',
  noShow: 'No no-shows.',
};

export interface TodayBoardProps {
  practice: Practice;
  officeId: number;
  /** Only this doctor's visits; null: every doctor. */
  doctorId: number | null;
  /** Each column split per doctor. */
  byDoctor: boolean;
  /** The desk's clock (Settings, else the practice's country). */
  hour12: boolean;
  /** The office, doctor or grouping changed (kept for the session). */
  onView: (patch: Partial<TodayView>) => void;
}

/**
 * The desk's day at a glance for one office: who is next, who is waiting and for how long, who is
 * in a room, who is done, who did not come; one click (or one digit key) moves a visit on, through
 * the calendar's own status action (shown at once, one call, undoable).
 */
export function TodayBoard(props: TodayBoardProps) {
  const { practice, officeId, doctorId, byDoctor, hour12, onView } = props;
  const navigation = useNavigation();
  const zone = practice.timezone;
  const now = usePracticeNow(zone);
  const today = now.slice(0, 10);
  const [menu, setMenu] = useState<{ id: string; x: number; y: number } | null>(null);
  const focusAfter = useRef<string | null>(null);
  const boardRef = useRef<HTMLDivElement>(null);

  const book = useTodayBook(today, officeId);
  // The day's eligibility checks in one call (main keeps them; the card and the day sheet share it).
  const eligibility = useDayEligibility(today);
  // What was collected today (the check-in copay), by visit: one call for the day.
  const collected = useCollectedToday(today);
  const [booked, overlay] = useOverlay(book.data?.appointments);
  const [marks, setMarks] = useState<ReadonlyMap<string, LocalMark>>(new Map());
  const appointments = useMemo(() => withLocalMarks(booked, marks), [booked, marks]);
  const patients = book.data?.patients ?? emptyPatients;
  const actions = useAppointmentActions(overlay, () => ({ practice, appointments, patients }));

  const office = practice.offices.find((o) => o.id === officeId);
  const labels = useMemo(() => doctorLabels(practice.doctors), [practice.doctors]);
  const doctors = useMemo(() => {
    const present = doctorsOnDay(practice.doctors, appointments);
    const chosen = practice.doctors.find((d) => d.id === doctorId);
    return chosen && !present.includes(chosen) ? [...present, chosen] : present;
  }, [practice.doctors, appointments, doctorId]);
  const board = useMemo(
    () => buildBoard(appointments, { now, zone, doctorId }),
    [appointments, now, zone, doctorId],
  );
  const byId = useMemo(() => new Map(appointments.map((a) => [a.id, a])), [appointments]);

  const setStatus = useCallback(
    (a: AppointmentItem, status: string) => {
      // The row moves to its new column: keep the keyboard on it there (if it stays on the board).
      focusAfter.current = columnOf(status) === null ? null : a.id;
      const since = instantToWall(Date.now(), zone);
      setMarks((prev) => new Map(prev).set(a.id, { status, since }));
      void actions.setStatus(a, status);
    },
    [actions, zone],
  );

  useEffect(() => {
    const id = focusAfter.current;
    if (!id || !boardRef.current) return;
    const row = rowOf(boardRef.current, id)?.querySelector<HTMLElement>('.fdt-row__name');
    if (row) {
      focusAfter.current = null;
      row.focus();
    }
  }, [board]);

  const onRowKey = (a: AppointmentItem) => (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const choice = statusForKey(e.key);
    if (!choice) return;
    e.preventDefault();
    setStatus(a, choice.status);
  };

  const menuAppointment = menu ? byId.get(menu.id) : undefined;

  const doctorOrder = useMemo(() => practice.doctors.map((d) => d.id), [practice.doctors]);

  const renderRows = (column: ColumnKey, entries: readonly BoardEntry[]) =>
    entries.map(({ appointment: a, minutes }) => {
      const name = appointmentName(a, patients);
      const patientId = a.patient;
      const step = nextStep(a.status);
      // A feature with one more line per visit (eligibility, the copay taken) passes it as
      // this row's children: BoardRow shows them under the doctor line, one under the other.
      const checks = eligibility.byAppointment?.[a.id];
      const paid = collected.byAppointment?.[a.id];
      const extra = [
        checks && checks.length > 0 ? <EligibilityBadge key="eligibility" checks={checks} /> : null,
        paid && isPositive(paid.amount) ? (
          <CollectedLine key="collected" totals={paid} compact />
        ) : null,
      ].filter((line) => line !== null);
      return (
        <BoardRow
          key={a.id}
          id={a.id}
          column={column}
          time={a.scheduled_time}
          hour12={hour12}
          name={name}
          status={a.status ?? ''}
          minutes={minutes}
          doctor={labels.get(a.doctor) ?? unknownDoctor}
          room={roomName(office, a.exam_room)}
          reason={(a.reason ?? '').trim()}
          step={step}
          onStep={() => {
            if (step) setStatus(a, step);
          }}
          onStatusMenu={(button) => {
            const rect = button.getBoundingClientRect();
            setMenu({ id: a.id, x: rect.left, y: rect.bottom + 2 });
          }}
          onOpen={() =>
            void navigation.navigate({ area: 'calendar', date: today, appointmentId: a.id })
          }
          onOpenPatient={
            patientId === null
              ? null
              : () => void navigation.navigate({ area: 'patients', patientId })
          }
          onKeyDown={onRowKey(a)}
        >
          {extra.length > 0 ? extra : null}
        </BoardRow>
      );
    });

  const renderColumn = (column: ColumnKey) => {
    const entries = board.columns[column];
    return (
      <BoardColumn
        column={column}
        title={columnTitles[column]}
        count={entries.length}
        empty={emptyText[column]}
        footer={column === 'next' ? nextFooter(board.laterToday, board.unmarkedEarlier) : null}
      >
        {byDoctor
          ? groupByDoctor(entries, doctorOrder).map((group) => (
              <DoctorGroup
                key={group.doctor}
                id={`${column}-${String(group.doctor)}`}
                doctor={labels.get(group.doctor) ?? unknownDoctor}
                count={group.entries.length}
              >
                {renderRows(column, group.entries)}
              </DoctorGroup>
            ))
          : renderRows(column, entries)}
      </BoardColumn>
    );
  };

  let body;
  if (!book.data) {
    body = book.error ? (
      <ErrorNotice error={book.error} onRetry={book.reload} />
    ) : (
      <Spinner label="Loading today" />
    );
  } else {
    body = (
      <>
        {eligibility.error ? (
          <p className="fdt-quiet" role="status">
            Eligibility is not available: {eligibility.error}
          </p>
        ) : null}
        {collected.error ? (
          <p className="fdt-quiet" role="status">
            Payments collected today are not available: {collected.error}
          </p>
        ) : null}
        <div className="fdt-board" ref={boardRef}>
          {renderColumn('next')}
          {renderColumn('waiting')}
          {renderColumn('inRoom')}
          <div className="fdt-stack">
            {renderColumn('done')}
            {renderColumn('noShow')}
          </div>
        </div>
      </>
    );
  }

  return (
    <>
      <TodayToolbar
        practice={practice}
        today={today}
        now={now}
        hour12={hour12}
        officeId={officeId}
        doctorId={doctorId}
        doctors={doctors}
        byDoctor={byDoctor}
        onOffice={(id) => {
          onView({ officeId: id });
        }}
        onDoctor={(id) => {
          onView({ doctorId: id });
        }}
        onByDoctor={(on) => {
          onView({ byDoctor: on });
        }}
        onPracticeSummary={() => void navigation.navigate({ area: 'home' })}
      />
      {body}
      {menu && menuAppointment ? (
        <StatusMenu
          x={menu.x}
          y={menu.y}
          current={menuAppointment.status ?? ''}
          label={`Status of ${appointmentName(menuAppointment, patients)}`}
          onClose={() => {
            setMenu(null);
            focusRow(boardRef.current, menuAppointment.id);
          }}
          onPick={(status) => {
            setMenu(null);
            setStatus(menuAppointment, status);
          }}
        />
      ) : null}
    </>
  );
}

/** Appointment ids are drchrono's strings: compared, never put inside a selector. */
function rowOf(root: HTMLElement | null, id: string): HTMLElement | undefined {
  return [...(root?.querySelectorAll<HTMLElement>('[data-appointment-row]') ?? [])].find(
    (row) => row.dataset.appointmentRow === id,
  );
}

function focusRow(root: HTMLElement | null, id: string): void {
  rowOf(root, id)?.querySelector<HTMLElement>('.fdt-status')?.focus();
}

function nextFooter(later: number, unmarked: number): string | null {
  const parts: string[] = [];
  if (later > 0) parts.push(`${later} more later today`);
  if (unmarked > 0) parts.push(`${unmarked} earlier not marked arrived`);
  return parts.length > 0 ? `${parts.join(' · ')}.` : null;
}

const emptyPatients: Record<string, PatientBrief> = {};
