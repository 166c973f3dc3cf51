import type { CalendarOptions, DateSelectArg, EventApi, EventDropArg } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import resourceTimeGridPlugin from '@fullcalendar/resource-timegrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AppointmentChanges } from '../../shared/drchrono';
import type { IsoDate, WallTime } from '../../shared/time/practice-time';
import { minutesBetweenWalls } from '../../shared/time/practice-time';
import { CalendarSync, type BatchingCalendar } from './calendar-sync';
import { formatClock } from '../../shared/schedule';
import type { EventContentRenderer } from './event-content';
import type { CalendarEvent, EventExtras } from './event-inputs';
import { fullCalendarView, type CalendarView } from './view-range';
import { calendarDateToWall, practiceNowMs } from './wall-dates';

/** A drag or a resize FullCalendar has already drawn: the desk decides whether it stands. */
export interface MoveRequest {
  id: string;
  changes: AppointmentChanges;
  base: AppointmentChanges;
  /** Puts the event back where it was, on screen only. */
  revert: () => void;
}

export interface SlotSelection {
  start: WallTime;
  end: WallTime;
  /** The exam-room column, in the rooms view. */
  examRoom: number | null;
}

export interface BookCalendarHandle {
  api: BatchingCalendar;
  sync: CalendarSync;
}

export interface BookCalendarProps {
  view: CalendarView;
  date: IsoDate;
  zone: string;
  /** One per exam room of the office, in order (rooms view). */
  resources: readonly { id: string; title: string; order: number }[];
  slotMinutes: number;
  /** `HH:mm:ss`, from the office's hours. */
  slotMinTime: string;
  slotMaxTime: string;
  /** Where the shown day begins (`HH:mm:ss`, see dayOpening); null while its book loads. */
  openAt: string | null;
  /** The desk's clock and first day of the week (the practice's locale or Settings). */
  hour12: boolean;
  firstDay: 0 | 1;
  events: readonly CalendarEvent[];
  renderer: EventContentRenderer;
  onSelect: (slot: SlotSelection) => void;
  onMove: (move: MoveRequest) => void;
  onOpenDay: (date: IsoDate) => void;
  onReady?: (handle: BookCalendarHandle | null) => void;
}

const plugins = [
  resourceTimeGridPlugin,
  timeGridPlugin,
  dayGridPlugin,
  listPlugin,
  interactionPlugin,
];

/**
 * Where the day opens: today at a little before now (the coming hours in view), any other day and
 * today before its first visit or after closing at the day's opening (`openAt`).
 */
export function openingScroll(date: IsoDate, zone: string, openAt: string, max: string): string {
  const nowWall = new Date(practiceNowMs(zone)).toISOString();
  if (nowWall.slice(0, 10) !== date) return openAt;
  const time = new Date(practiceNowMs(zone) - 30 * 60_000).toISOString().slice(11, 19);
  return time > openAt && time < max ? time : openAt;
}

/** What a drag or resize changed, as drchrono fields: only the ones that differ. */
function changesOf(
  event: EventApi,
  old: EventApi,
  newRoom: string | undefined,
): { changes: AppointmentChanges; base: AppointmentChanges } {
  const changes: AppointmentChanges = {};
  const base: AppointmentChanges = {};
  const start = event.start ? calendarDateToWall(event.start) : null;
  const oldStart = old.start ? calendarDateToWall(old.start) : null;
  const end = event.end ? calendarDateToWall(event.end) : null;
  const oldEnd = old.end ? calendarDateToWall(old.end) : null;
  if (start && oldStart && start !== oldStart) {
    changes.scheduled_time = start;
    base.scheduled_time = oldStart;
  }
  if (start && end && oldStart && oldEnd) {
    const duration = minutesBetweenWalls(start, end);
    const oldDuration = minutesBetweenWalls(oldStart, oldEnd);
    if (duration !== oldDuration) {
      changes.duration = duration;
      base.duration = oldDuration;
    }
  }
  const oldRoom = old.getResources()[0]?.id;
  if (newRoom !== undefined && newRoom !== oldRoom && oldRoom !== undefined) {
    changes.exam_room = Number(newRoom);
    base.exam_room = Number(oldRoom);
  }
  return { changes, base };
}

/**
 * The FullCalendar instance, the only place it is configured. Props that change rarely (rooms,
 * slot size, hours) become options; events never do: they are synced through the calendar API so
 * a change re-renders only the events it touches. Callbacks are read through refs, so the options
 * object stays the same between renders and FullCalendar has nothing to re-process.
 */
export const BookCalendar = memo(function BookCalendar(props: BookCalendarProps) {
  const ref = useRef<FullCalendar>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const [handle, setHandle] = useState<BookCalendarHandle | null>(null);
  const [initial] = useState(() => ({ view: props.view, date: props.date, openAt: props.openAt }));

  useLayoutEffect(() => {
    const api = ref.current?.getApi() as BatchingCalendar | undefined;
    if (!api) return;
    const sync = new CalendarSync(api, latest.current.renderer);
    // The events go in right after the calendar has sized its grid, in the same task: laid out
    // once at their places, instead of once hidden in the flow while FullCalendar measures the
    // grid and again positioned (about a third of the mount time with a full day).
    sync.apply(latest.current.events);
    const h = { api, sync };
    setHandle(h);
    latest.current.onReady?.(h);
    return () => {
      latest.current.onReady?.(null);
    };
  }, []);

  useLayoutEffect(() => {
    handle?.sync.apply(props.events);
  }, [handle, props.events]);

  // A drop makes FullCalendar render twice in one go (the drag state cleared, then the moved
  // event merged). Rendering is held from the release until the drop is handled: one render.
  const interacting = useRef(false);
  const paused = useRef(false);
  const resume = useRef(() => {
    if (!paused.current) return;
    paused.current = false;
    handle?.api.resumeRendering();
  });
  useEffect(() => {
    if (!handle) return;
    const api = handle.api;
    resume.current = () => {
      if (!paused.current) return;
      paused.current = false;
      api.resumeRendering();
    };
    const onRelease = () => {
      if (!interacting.current || paused.current) return;
      paused.current = true;
      api.pauseRendering();
      // Never left paused, whatever happens to the drop.
      setTimeout(() => {
        resume.current();
      }, 250);
    };
    document.addEventListener('pointerup', onRelease, true);
    return () => {
      document.removeEventListener('pointerup', onRelease, true);
      resume.current();
    };
  }, [handle]);

  useEffect(() => {
    if (!handle) return;
    const api = handle.api;
    const type = fullCalendarView[props.view];
    if (api.view.type !== type) api.changeView(type, props.date);
    else if (calendarDateToWall(api.getDate()).slice(0, 10) !== props.date)
      api.gotoDate(props.date);
  }, [handle, props.view, props.date]);

  // Each date (and view) is scrolled to its opening once, when its book is in: a later refresh
  // never moves the grid under the desk's eyes.
  const scrolledFor = useRef(initial.openAt === null ? null : `${initial.view}:${initial.date}`);
  useEffect(() => {
    if (!handle || props.openAt === null) return;
    const key = `${props.view}:${props.date}`;
    if (scrolledFor.current === key) return;
    scrolledFor.current = key;
    const { zone, slotMaxTime } = latest.current;
    handle.api.scrollToTime(openingScroll(props.date, zone, props.openAt, slotMaxTime));
  }, [handle, props.view, props.date, props.openAt]);

  const { zone, resources, slotMinutes, slotMinTime, slotMaxTime, renderer } = props;
  const { hour12, firstDay } = props;
  const options = useMemo<CalendarOptions>(() => {
    return {
      plugins,
      schedulerLicenseKey: 'GPL-My-Project-Is-Open-Source',
      timeZone: 'UTC',
      now: () => practiceNowMs(zone),
      initialView: fullCalendarView[initial.view],
      initialDate: initial.date,
      headerToolbar: false,
      height: '100%',
      firstDay,
      allDaySlot: false,
      nowIndicator: true,
      slotDuration: { minutes: slotMinutes },
      snapDuration: { minutes: Math.min(5, slotMinutes) },
      slotMinTime,
      slotMaxTime,
      scrollTime: openingScroll(initial.date, zone, initial.openAt ?? slotMinTime, slotMaxTime),
      // Scrolled by the desk on each new date instead (see openingScroll).
      scrollTimeReset: false,
      // "9 AM" / "09:00": FullCalendar's own format would follow the browser, not the practice.
      slotLabelContent: (arg: { date: Date }) => {
        const text = formatClock(calendarDateToWall(arg.date), hour12);
        return hour12 ? text.replace(':00 ', ' ') : text;
      },
      // The event content shows its own time: FullCalendar's time text would build a new
      // Intl.DateTimeFormat per event per render (its range formatter is not memoised).
      displayEventTime: false,
      dayHeaderFormat: { weekday: 'short', month: 'numeric', day: 'numeric', omitCommas: true },
      views: {
        dayGridMonth: { dayHeaderFormat: { weekday: 'short' }, eventDisplay: 'block' },
        // A week of a whole office stacks a dozen visits per slot: three, then "+N".
        timeGridWeek: { eventMaxStack: 3 },
      },
      resources: resources.map((r) => ({ ...r })),
      resourceOrder: 'order',
      eventContent: renderer.render,
      // One class for every event (a shared style object); the rest is in the content.
      eventClassNames: ['fdc-event'],
      dayMaxEvents: true,
      navLinks: true,
      navLinkDayClick: (date: Date) => {
        latest.current.onOpenDay(calendarDateToWall(date).slice(0, 10));
      },
      selectable: true,
      selectMirror: true,
      unselectAuto: false,
      selectOverlap: (event: EventApi) => event.display === 'background',
      editable: true,
      eventResourceEditable: true,
      eventDurationEditable: true,
      select: (info: DateSelectArg) => {
        latest.current.onSelect({
          start: calendarDateToWall(info.start),
          end: calendarDateToWall(info.end),
          examRoom: info.resource ? Number(info.resource.id) : null,
        });
      },
      eventDragStart: () => {
        interacting.current = true;
      },
      eventResizeStart: () => {
        interacting.current = true;
      },
      // Fired before FullCalendar applies the drop; the microtask runs once it has.
      eventDragStop: () => {
        interacting.current = false;
        queueMicrotask(() => {
          resume.current();
        });
      },
      eventResizeStop: () => {
        interacting.current = false;
        queueMicrotask(() => {
          resume.current();
        });
      },
      eventDrop: (info: EventDropArg & { newResource?: { id: string } | null }) => {
        const { changes, base } = changesOf(info.event, info.oldEvent, info.newResource?.id);
        latest.current.onMove({ id: info.event.id, changes, base, revert: info.revert });
      },
      eventResize: (info: EventResizeDoneArg) => {
        const { changes, base } = changesOf(info.event, info.oldEvent, undefined);
        latest.current.onMove({ id: info.event.id, changes, base, revert: info.revert });
      },
      eventAllow: (_span, event) =>
        (event?.extendedProps as EventExtras | undefined)?.kind === 'appointment',
    };
  }, [zone, resources, slotMinutes, slotMinTime, slotMaxTime, renderer, initial, hour12, firstDay]);

  return <FullCalendar ref={ref} {...options} />;
});
