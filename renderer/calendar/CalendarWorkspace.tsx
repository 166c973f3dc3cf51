import { widenToVisits } from './visit-hours';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AppointmentItem, PatientBrief, Practice } from '../../shared/contract';
import type { Slot } from '../../shared/result';
import { instantToWall, wallToInstant, type IsoDate } from '../../shared/time/practice-time';
import { ErrorNotice, Spinner, useConfirm, useNavigation } from '../ui';
import { AppointmentCard } from './AppointmentCard';
import { appointmentName } from './appointment-view';
import { BookCalendar, type BookCalendarHandle, type SlotSelection } from './BookCalendar';
import { BookingDialog, type BookingRequest } from './BookingDialog';
import { clickToSlot, editBookingRequest, newBookingRequest } from './booking-request';
import { axisHours, roomResources } from './calendar-layout';
import { CalendarToolbar } from './CalendarToolbar';
import { deskLocale, formatClock } from '../../shared/schedule';
import { ConflictBanner } from './ConflictBanner';
import { dayOpening } from './day-opening';
import { doctorMarks } from './doctor-marks';
import { EventContentRenderer, type WaitingMinutes } from './event-content';
import type { EventExtras } from './event-inputs';
import { HelpPanel } from './HelpPanel';
import { MoveToDialog } from './MoveToDialog';
import { StatusMenu } from './StatusMenu';
import { useAppointmentActions } from './useAppointmentActions';
import { useBook } from './useCalendarData';
import { useCalendarEvents } from './useCalendarEvents';
import type { CalendarPrefs } from './useCalendarPrefs';
import { findAppointmentNode, useCardState } from './useCardState';
import { useEventDelegation } from './useEventDelegation';
import { useTick } from './useMinuteTick';
import { useNavigationTarget } from './useNavigationTarget';
import { useOverlay } from './useOverlay';
import { useShortcuts } from './useShortcuts';
import { useWaitingBadges } from './useWaitingBadges';
import { stepDate } from './view-range';

export interface CalendarWorkspaceProps {
  practice: Practice;
  prefs: CalendarPrefs;
  onPrefs: (patch: Partial<CalendarPrefs>) => void;
  officeId: number;
}

/** The calendar once the practice and the preferences are known. */
export function CalendarWorkspace({ practice, prefs, onPrefs, officeId }: CalendarWorkspaceProps) {
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

  const locale = useMemo(() => deskLocale(prefs, practice.offices), [prefs, practice.offices]);
  const marks = useMemo(() => doctorMarks(practice.doctors), [practice.doctors]);
  const { book, range } = useBook(prefs, date, officeId, locale.firstDay);
  const [appointments, overlay] = useOverlay(book.data?.appointments);
  const patients = book.data?.patients ?? emptyPatients;

  const office = practice.offices.find((o) => o.id === officeId);
  const profiles = useMemo(
    () => new Map(practice.profiles.map((p) => [p.id, p])),
    [practice.profiles],
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
  useLayoutEffect(() => {
    renderer.setHour12(locale.hour12);
  }, [renderer, locale.hour12]);
  const tick = useTick();
  useWaitingBadges(container, waiting, tick);

  // Rooms and hours come from the office; a doctor's week may span offices.
  const resources = useMemo(() => roomResources(office), [office]);
  const officeHours = useMemo(
    () => axisHours(withRooms || prefs.doctorId === null ? [office] : practice.offices),
    [withRooms, prefs.doctorId, office, practice.offices],
  );
  const events = useCalendarEvents({
    practice,
    appointments,
    patients,
    prefs,
    officeId,
    range,
    showCancelled,
    doctors: marks,
    hour12: locale.hour12,
  });

  const hours = useMemo(
    () => widenToVisits(officeHours, events, range),
    [officeHours, events, range],
  );

  const openAt = useMemo(
    () => (book.loading ? null : dayOpening(events, range, hours.min, hours.max)),
    [book.loading, events, range, hours.min, hours.max],
  );

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
      setBooking(
        newBookingRequest(slot, patient, {
          practice,
          office,
          profiles,
          date,
          now: instantToWall(Date.now(), zone),
          doctorId: prefs.doctorId,
          slotMinutes: prefs.slotMinutes,
        }),
      );
    },
    [office, zone, date, practice, profiles, prefs.doctorId, prefs.slotMinutes],
  );

  const editBooking = useCallback(
    (a: AppointmentItem) => {
      card.close(false);
      setBooking(editBookingRequest(a, patients));
    },
    [card, patients],
  );

  const removeAppointment = useCallback(
    async (a: AppointmentItem) => {
      const ok = await confirm({
        title: 'Delete this appointment?',
        message: `${formatClock(a.scheduled_time, locale.hour12)} ${nameOf(a)} will be deleted at drchrono. To keep a record of the visit, cancel it instead.`,
        confirmLabel: 'Delete',
        cancelLabel: 'Keep it',
        danger: true,
      });
      if (!ok) return;
      card.close(false);
      await actions.remove(a);
    },
    [confirm, nameOf, card, actions, locale.hour12],
  );

  const openMenu = useCallback((id: string, node: HTMLElement) => {
    const rect = node.getBoundingClientRect();
    setMenu({ id, x: rect.left + 8, y: rect.bottom + 2 });
  }, []);

  const showAppointment = useCallback(
    (a: AppointmentItem) => {
      focusAfterRender.current = a.id;
      if (prefs.view !== 'rooms' || a.office !== officeId) {
        onPrefs({ view: 'rooms', officeId: a.office });
      }
      goTo(a.scheduled_time.slice(0, 10));
      // Already drawn (its day was on screen): no new events will run the effect, so focus now.
      requestAnimationFrame(() => {
        const node = container.current ? findAppointmentNode(container.current, a.id) : null;
        if (!node || focusAfterRender.current !== a.id) return;
        focusAfterRender.current = null;
        node.scrollIntoView({ block: 'center' });
        node.focus();
      });
    },
    [prefs.view, officeId, onPrefs, goTo],
  );

  // Navigation from other areas: a date, an appointment, or "book for this patient".
  const [seenTarget, setSeenTarget] = useState(target);
  if (seenTarget !== target) {
    setSeenTarget(target);
    if (target.area === 'calendar' && target.date) setDate(target.date);
  }
  useNavigationTarget(target, {
    show: showAppointment,
    bookFor: (patient) => {
      newBooking(null, patient);
    },
  });

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

  useEventDelegation(container, {
    onClick: (id) => {
      card.open(id, true);
    },
    onContextMenu: (id, x, y) => {
      setMenu({ id, x, y });
    },
  });

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
        firstDay={locale.firstDay}
        marks={marks}
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
        onShowAppointment={showAppointment}
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
            openAt={openAt}
            hour12={locale.hour12}
            firstDay={locale.firstDay}
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
          flagsHint={practice.availability?.flagTypes.reason}
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
          known={appointments}
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

const emptyPatients: Record<string, PatientBrief> = {};
