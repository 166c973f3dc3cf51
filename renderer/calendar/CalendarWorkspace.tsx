import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppointmentItem, PatientBrief, Practice } from '../../shared/contract';
import type { Slot } from '../../shared/result';
import { officeDayBounds } from '../../shared/schedule';
import {
  addMinutesToWall,
  instantToWall,
  minutesBetweenWalls,
  wallToInstant,
  type IsoDate,
} from '../../shared/time/practice-time';
import { useFrontdesk } from '../bridge';
import { ErrorNotice, Spinner, useConfirm, useNavigation } from '../ui';
import { AppointmentCard } from './AppointmentCard';
import { appointmentName, type ViewContext } from './appointment-view';
import { BookCalendar, type BookCalendarHandle, type SlotSelection } from './BookCalendar';
import { BookingDialog, type BookingRequest } from './BookingDialog';
import { formFromAppointment, toInputTime, type BookingFormInput } from './booking-form';
import { CalendarToolbar } from './CalendarToolbar';
import { ConflictBanner } from './ConflictBanner';
import { EventContentRenderer, type WaitingMinutes } from './event-content';
import { AppointmentEvents, backgroundEvents, EventMemo, type EventExtras } from './event-inputs';
import { HelpPanel } from './HelpPanel';
import { MoveToDialog } from './MoveToDialog';
import { StatusMenu } from './StatusMenu';
import { useAppointmentActions } from './useAppointmentActions';
import { useBook } from './useCalendarData';
import type { CalendarPrefs } from './useCalendarPrefs';
import { findAppointmentNode, useCardState } from './useCardState';
import { useTick } from './useMinuteTick';
import { useOverlay } from './useOverlay';
import { useShortcuts } from './useShortcuts';
import { useWaitingBadges } from './useWaitingBadges';
import { stepDate } from './view-range';

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;

export interface CalendarWorkspaceProps {
  practice: Practice;
  prefs: CalendarPrefs;
  onPrefs: (patch: Partial<CalendarPrefs>) => void;
  officeId: number;
}

/** The calendar once the practice and the preferences are known. */
export function CalendarWorkspace({ practice, prefs, onPrefs, officeId }: CalendarWorkspaceProps) {
  const api = useFrontdesk();
  const confirm = useConfirm();
  const navigation = useNavigation();
  const zone = practice.timezone;
  const target = navigation.current;
  const [date, setDate] = useState<IsoDate>(
    target.area === 'calendar' && target.date ? target.date : practice.today,
  );
  const [showCancelled, setShowCancelled] = useState(false);
  const [booking, setBooking] = useState<BookingRequest | null>(null);
  const [moving, setMoving] = useState<AppointmentItem | null>(null);
  const [help, setHelp] = useState(false);
  const [menu, setMenu] = useState<{ id: string; x: number; y: number } | null>(null);
  const [handle, setHandle] = useState<BookCalendarHandle | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const finderRef = useRef<HTMLInputElement>(null);
  const focusAfterRender = useRef<string | null>(null);

  const { book, range } = useBook(prefs, date, officeId);
  const [appointments, overlay] = useOverlay(book.data?.appointments);
  const patients = book.data?.patients ?? emptyPatients;

  const office = practice.offices.find((o) => o.id === officeId);
  const profiles = useMemo(
    () => new Map(practice.profiles.map((p) => [p.id, p])),
    [practice.profiles],
  );
  const offices = useMemo(
    () => new Map(practice.offices.map((o) => [o.id, o])),
    [practice.offices],
  );
  const withRooms = prefs.view === 'rooms';

  const waiting = useCallback<WaitingMinutes>(
    (since) => {
      try {
        return Math.max(0, Math.floor((Date.now() - wallToInstant(since, zone)) / 60_000));
      } catch {
        return null;
      }
    },
    [zone],
  );
  const [renderer] = useState(() => new EventContentRenderer(waiting));
  const [memo] = useState(() => new EventMemo());
  const [builder] = useState(() => new AppointmentEvents());
  const tick = useTick();
  useWaitingBadges(container, waiting, tick);

  // Rooms and hours come from the office; a doctor's week may span offices.
  const resources = useMemo(
    () =>
      (office?.exam_rooms ?? []).map((r) => ({
        id: String(r.index),
        title: r.name,
        order: r.index,
      })),
    [office],
  );
  const hours = useMemo(() => {
    const shown = withRooms || prefs.doctorId === null ? [office] : practice.offices;
    const bounds = shown.filter((o) => o !== undefined).map((o) => officeDayBounds(o));
    const open = Math.min(...bounds.map((b) => b.open), 24 * 60);
    const close = Math.max(...bounds.map((b) => b.close), 0);
    return close > open
      ? { min: hhmm(open), max: hhmm(close) }
      : { min: '00:00:00', max: '24:00:00' };
  }, [withRooms, prefs.doctorId, office, practice.offices]);

  const visible = useMemo(
    () =>
      appointments.filter(
        (a) =>
          a.deleted_flag !== true &&
          (showCancelled || a.status !== 'Cancelled') &&
          (!withRooms || a.office === officeId) &&
          (prefs.doctorId === null || a.doctor === prefs.doctorId),
      ),
    [appointments, showCancelled, withRooms, officeId, prefs.doctorId],
  );

  const events = useMemo(() => {
    const ctx: ViewContext = { patients, profiles, offices };
    const list = builder.build(visible, ctx, withRooms);
    if (withRooms || prefs.view === 'week') {
      list.push(
        ...backgroundEvents({
          templates: practice.templates,
          profiles,
          range,
          officeId,
          doctorId: prefs.doctorId,
          appointments: visible,
          withRooms,
        }),
      );
    }
    return memo.reuse(list);
  }, [
    visible,
    patients,
    profiles,
    offices,
    withRooms,
    prefs.view,
    prefs.doctorId,
    practice.templates,
    range,
    officeId,
    memo,
    builder,
  ]);

  const byId = useMemo(() => new Map(appointments.map((a) => [a.id, a])), [appointments]);
  const actions = useAppointmentActions(overlay, () => ({ practice, appointments, patients }));

  // Focus an appointment once it is drawn (after "Show" in the patient finder, or a jump).
  useEffect(() => {
    const id = focusAfterRender.current;
    if (!id || !container.current) return;
    const node = findAppointmentNode(container.current, id);
    if (node) {
      focusAfterRender.current = null;
      node.scrollIntoView({ block: 'center' });
      node.focus();
    }
  }, [events]);

  const card = useCardState(container);
  const cardAppointment = card.card ? byId.get(card.card.id) : undefined;
  const cardView = useMemo(() => {
    if (!cardAppointment) return undefined;
    const found = events.find((e) => e.input.id === cardAppointment.id);
    const extras = found?.input.extendedProps as EventExtras | undefined;
    return extras?.kind === 'appointment' ? extras.view : undefined;
  }, [cardAppointment, events]);

  const goTo = useCallback(
    (next: IsoDate) => {
      setDate(next);
      card.close(false);
    },
    [card],
  );

  const nameOf = useCallback((a: AppointmentItem) => appointmentName(a, patients), [patients]);

  const newBooking = useCallback(
    (slot: SlotSelection | null, patient: PatientBrief | null = null) => {
      if (!office) return;
      const now = instantToWall(Date.now(), zone);
      const { open } = officeDayBounds(office);
      const fallback =
        now.slice(0, 10) === date
          ? addMinutesToWall(
              now.slice(0, 14) + '00:00',
              Math.ceil(Number(now.slice(14, 16)) / 5) * 5,
            )
          : `${date}T${hhmm(open)}`;
      const start = slot?.start ?? fallback;
      const selected = slot ? minutesBetweenWalls(slot.start, slot.end) : 0;
      const block = practice.templates.find(
        (t) =>
          slot &&
          t.archived !== true &&
          t.office === office.id &&
          t.exam_room === (slot.examRoom ?? 1) &&
          start >= `${date}T${t.scheduled_time}` &&
          start < addMinutesToWall(`${date}T${t.scheduled_time.slice(0, 8)}`, t.duration),
      );
      const profile = block ? profiles.get(block.profile) : undefined;
      const doctor = block?.doctor ?? prefs.doctorId ?? office.doctor ?? practice.user.doctor;
      const initial: BookingFormInput = {
        doctor,
        office: office.id,
        exam_room: slot?.examRoom ?? office.exam_rooms[0]?.index ?? 1,
        patient: patient?.id ?? null,
        is_break: false,
        scheduled_time: toInputTime(start),
        duration:
          selected > prefs.slotMinutes ? selected : (profile?.duration ?? Math.max(15, selected)),
        status: '',
        reason: profile ? (profile.reason ?? profile.name) : '',
        notes: '',
        color: profile?.color ?? '',
        profile: profile?.id ?? null,
        is_walk_in: false,
      };
      setBooking({ mode: 'new', initial, patient });
    },
    [office, zone, date, practice, profiles, prefs.doctorId, prefs.slotMinutes],
  );

  const editBooking = useCallback(
    (a: AppointmentItem) => {
      card.close(false);
      setBooking({
        mode: 'edit',
        appointment: a,
        initial: formFromAppointment(a),
        patient: a.patient === null ? null : (patients[String(a.patient)] ?? null),
      });
    },
    [card, patients],
  );

  const removeAppointment = useCallback(
    async (a: AppointmentItem) => {
      const ok = await confirm({
        title: 'Delete this appointment?',
        message: `${a.scheduled_time.slice(11, 16)} ${nameOf(a)} will be deleted at drchrono. To keep a record of the visit, cancel it instead.`,
        confirmLabel: 'Delete',
        cancelLabel: 'Keep it',
        danger: true,
      });
      if (!ok) return;
      card.close(false);
      await actions.remove(a);
    },
    [confirm, nameOf, card, actions],
  );

  const openMenu = useCallback((id: string, node: HTMLElement) => {
    const rect = node.getBoundingClientRect();
    setMenu({ id, x: rect.left + 8, y: rect.bottom + 2 });
  }, []);

  // Navigation from other areas: a date, an appointment, or "book for this patient".
  const [seenTarget, setSeenTarget] = useState(target);
  if (seenTarget !== target) {
    setSeenTarget(target);
    if (target.area === 'calendar' && target.date) setDate(target.date);
  }
  const handledTarget = useRef<unknown>(null);
  useEffect(() => {
    if (target.area !== 'calendar' || handledTarget.current === target) return;
    handledTarget.current = target;
    if (target.appointmentId) {
      const id = target.appointmentId;
      void api.appointments.get({ id }).then((reply) => {
        const found = reply.ok ? reply.value.appointments.find((a) => a.id === id) : undefined;
        if (!found) return;
        focusAfterRender.current = id;
        goTo(found.scheduled_time.slice(0, 10));
      });
    }
    if (target.bookForPatientId !== undefined) {
      const patientId = target.bookForPatientId;
      void api.patients.get({ id: patientId }).then((reply) => {
        newBooking(null, reply.ok ? reply.value.patient : { id: patientId });
      });
    }
  }, [target, api, goTo, newBooking]);

  useShortcuts(
    {
      today: () => {
        goTo(practice.today);
      },
      step: (direction) => {
        goTo(stepDate(prefs.view, date, direction));
      },
      newAppointment: () => {
        newBooking(null);
      },
      findPatient: () => finderRef.current?.focus(),
      undo: actions.undo,
      help: () => {
        setHelp(true);
      },
      status: (id, status) => {
        const a = byId.get(id);
        if (a) void actions.setStatus(a, status);
      },
      openCard: (id) => {
        card.open(id, true);
        requestAnimationFrame(() =>
          card.cardRef.current?.querySelector<HTMLElement>('button')?.focus(),
        );
      },
      edit: (id) => {
        const a = byId.get(id);
        if (a) editBooking(a);
      },
      moveTo: (id) => {
        const a = byId.get(id);
        if (a) setMoving(a);
      },
      statusMenu: openMenu,
      remove: (id) => {
        const a = byId.get(id);
        if (a) void removeAppointment(a);
      },
    },
    booking === null && moving === null && !help,
  );

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const onContext = (e: MouseEvent) => {
      const node = (e.target as Element).closest<HTMLElement>('[data-appointment-id][tabindex]');
      if (!node?.dataset.appointmentId) return;
      e.preventDefault();
      setMenu({ id: node.dataset.appointmentId, x: e.clientX, y: e.clientY });
    };
    const onClick = (e: MouseEvent) => {
      const node = (e.target as Element).closest<HTMLElement>('[data-appointment-id][tabindex]');
      if (node?.dataset.appointmentId) card.open(node.dataset.appointmentId, true);
    };
    root.addEventListener('contextmenu', onContext);
    root.addEventListener('click', onClick);
    return () => {
      root.removeEventListener('contextmenu', onContext);
      root.removeEventListener('click', onClick);
    };
  }, [card]);

  const clashMove = actions.clash?.appointmentId
    ? byId.get(actions.clash.appointmentId)
    : undefined;
  const menuAppointment = menu ? byId.get(menu.id) : undefined;

  return (
    <div className="fdc-workspace">
      <CalendarToolbar
        practice={practice}
        prefs={prefs}
        officeId={officeId}
        date={date}
        loading={book.loading}
        showCancelled={showCancelled}
        finderRef={finderRef}
        onPrefs={onPrefs}
        onDate={goTo}
        onToday={() => {
          goTo(practice.today);
        }}
        onStep={(d) => {
          goTo(stepDate(prefs.view, date, d));
        }}
        onShowCancelled={setShowCancelled}
        onNew={() => {
          newBooking(null);
        }}
        onHelp={() => {
          setHelp(true);
        }}
        onShowAppointment={(a) => {
          focusAfterRender.current = a.id;
          if (prefs.view !== 'rooms' || a.office !== officeId)
            onPrefs({ view: 'rooms', officeId: a.office });
          goTo(a.scheduled_time.slice(0, 10));
        }}
        onBookFor={(p) => {
          newBooking(null, p);
        }}
        onOpenRecord={(p) => void navigation.navigate({ area: 'patients', patientId: p.id })}
      />
      {book.error && !book.data ? <ErrorNotice error={book.error} onRetry={book.reload} /> : null}
      {actions.clash ? (
        <ConflictBanner
          clash={actions.clash}
          office={office}
          onDismiss={actions.clearClash}
          onMoveTo={
            clashMove
              ? (slot: Slot) =>
                  void actions.update(clashMove, {
                    scheduled_time: slot.start,
                    exam_room: slot.examRoom,
                  })
              : null
          }
        />
      ) : null}
      <div
        className="fdc-calendar"
        ref={container}
        data-view={prefs.view}
        data-loading={book.loading || undefined}
      >
        {book.data || book.error ? (
          <BookCalendar
            view={prefs.view}
            date={date}
            zone={zone}
            resources={resources}
            slotMinutes={prefs.slotMinutes}
            slotMinTime={hours.min}
            slotMaxTime={hours.max}
            events={events}
            renderer={renderer}
            onSelect={(slot) => {
              newBooking(clickToSlot(slot, prefs.slotMinutes));
            }}
            onMove={actions.move}
            onOpenDay={(day) => {
              onPrefs({ view: 'rooms' });
              goTo(day);
            }}
            onReady={setHandle}
          />
        ) : (
          <div className="fdc-calendar__loading">
            <Spinner label="Loading the day" />
          </div>
        )}
      </div>
      {card.card && cardAppointment && cardView ? (
        <AppointmentCard
          appointment={cardAppointment}
          view={cardView}
          patient={
            cardAppointment.patient === null ? undefined : patients[String(cardAppointment.patient)]
          }
          anchor={card.card.anchor}
          minutesInStatus={cardView.statusSince ? waiting(cardView.statusSince) : null}
          cardRef={card.cardRef}
          onPointerEnter={card.keep}
          onPointerLeave={card.release}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              card.close(true);
            }
          }}
          actions={{
            onStatusMenu: (node) => {
              openMenu(cardAppointment.id, node);
            },
            onEdit: () => {
              editBooking(cardAppointment);
            },
            onMove: () => {
              card.close(false);
              setMoving(cardAppointment);
            },
            onOpenPatient:
              cardAppointment.patient === null
                ? null
                : () =>
                    void navigation.navigate({
                      area: 'patients',
                      patientId: cardAppointment.patient ?? undefined,
                    }),
            onBilling: () =>
              void navigation.navigate({ area: 'billing', appointmentId: cardAppointment.id }),
            onCancel: () => void actions.setStatus(cardAppointment, 'Cancelled'),
            onDelete: () => void removeAppointment(cardAppointment),
          }}
        />
      ) : null}
      {menu && menuAppointment ? (
        <StatusMenu
          x={menu.x}
          y={menu.y}
          current={menuAppointment.status ?? ''}
          label={`Status of ${nameOf(menuAppointment)}`}
          onClose={() => {
            setMenu(null);
            if (container.current)
              findAppointmentNode(container.current, menuAppointment.id)?.focus();
          }}
          onPick={(status) => {
            setMenu(null);
            if (container.current)
              findAppointmentNode(container.current, menuAppointment.id)?.focus();
            void actions.setStatus(menuAppointment, status);
          }}
        />
      ) : null}
      {booking ? (
        <BookingDialog
          request={booking}
          practice={practice}
          actions={actions}
          onClose={() => {
            setBooking(null);
            handle?.api.unselect();
          }}
        />
      ) : null}
      {moving ? (
        <MoveToDialog
          appointment={moving}
          name={nameOf(moving)}
          practice={practice}
          actions={actions}
          onClose={() => {
            setMoving(null);
          }}
        />
      ) : null}
      <HelpPanel
        open={help}
        onClose={() => {
          setHelp(false);
        }}
      />
    </div>
  );
}

/**
 * A click selects one 5-minute snap where the pointer was; the desk means the slot it clicked in
 * (10:00 in a 15-minute grid, not 10:05). A drag keeps exactly what was dragged.
 */
function clickToSlot(slot: SlotSelection, slotMinutes: number): SlotSelection {
  const length = minutesBetweenWalls(slot.start, slot.end);
  if (length >= slotMinutes) return slot;
  const minutes = Number(slot.start.slice(11, 13)) * 60 + Number(slot.start.slice(14, 16));
  const start = addMinutesToWall(slot.start, -(minutes % slotMinutes));
  return { ...slot, start, end: addMinutesToWall(start, slotMinutes) };
}

const emptyPatients: Record<string, PatientBrief> = {};
