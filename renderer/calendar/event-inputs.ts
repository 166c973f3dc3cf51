import type { EventInput } from '@fullcalendar/core';
import type { AppointmentItem } from '../../shared/contract';
import type { AppointmentProfile, AppointmentTemplate } from '../../shared/drchrono';
import {
  busySpans,
  expandTemplates,
  minutesToWall,
  subtractSpans,
  wallMinutes,
  type Span,
} from '../../shared/schedule';
import type { IsoDate } from '../../shared/time/practice-time';
import { buildAppointmentView, type AppointmentView, type ViewContext } from './appointment-view';
import { tint } from './colours';
import { wallToCalendarMs } from './wall-dates';

/** What the calendar keeps on each of its events. */
export type EventExtras =
  { kind: 'appointment'; view: AppointmentView } | { kind: 'template' | 'open'; profile: string };

/** An event for FullCalendar plus the signature that says whether it changed. */
export interface CalendarEvent {
  input: EventInput & { id: string; extendedProps: EventExtras };
  sig: string;
}

export function appointmentEvent(
  a: AppointmentItem,
  ctx: ViewContext,
  withRooms: boolean,
): CalendarEvent {
  const view = buildAppointmentView(a, ctx);
  // Colours and states are drawn by the event's own content (see event-content.ts): FullCalendar
  // gets no per-event colours or classes, so every event shares one style object and a status
  // change never needs FullCalendar to re-render.
  const input = {
    id: a.id,
    start: wallToCalendarMs(view.start),
    end: wallToCalendarMs(view.end),
    ...(withRooms ? { resourceId: String(a.exam_room) } : {}),
    extendedProps: { kind: 'appointment' as const, view },
  };
  return {
    input,
    sig: JSON.stringify([input.start, input.end, input.resourceId, a.office, view]),
  };
}

/**
 * Builds appointment events once per version of an appointment: the book hands back the same
 * object for an appointment that did not change (the overlay too), so a drop or a status change
 * rebuilds one event, not the day.
 */
export class AppointmentEvents {
  private cache = new WeakMap<AppointmentItem, CalendarEvent>();
  private key: unknown[] = [];

  build(
    appointments: readonly AppointmentItem[],
    ctx: ViewContext,
    withRooms: boolean,
  ): CalendarEvent[] {
    const key = [ctx.patients, ctx.profiles, ctx.offices, ctx.doctors, ctx.hour12, withRooms];
    if (key.some((k, i) => k !== this.key[i])) {
      this.cache = new WeakMap();
      this.key = key;
    }
    return appointments.map((a) => {
      let event = this.cache.get(a);
      if (!event) {
        event = appointmentEvent(a, ctx, withRooms);
        this.cache.set(a, event);
      }
      return event;
    });
  }
}

/**
 * Keeps event objects stable: an appointment whose signature did not change gets back the very
 * object it had, so nothing downstream (the diff into FullCalendar, memoised props) sees a change.
 */
export class EventMemo {
  private previous = new Map<string, CalendarEvent>();

  reuse(events: readonly CalendarEvent[]): CalendarEvent[] {
    const next = new Map<string, CalendarEvent>();
    const out = events.map((e) => {
      const old = this.previous.get(e.input.id);
      const kept = old && old.sig === e.sig ? old : e;
      next.set(e.input.id, kept);
      return kept;
    });
    this.previous = next;
    return out;
  }
}

export interface BackgroundOptions {
  templates: readonly AppointmentTemplate[];
  profiles: ReadonlyMap<number, AppointmentProfile>;
  range: { start: IsoDate; end: IsoDate };
  officeId: number;
  doctorId: number | null;
  /** Appointments that hold rooms in the range (to find the open parts). */
  appointments: readonly AppointmentItem[];
  /** Rooms view: blocks go in their room's column, and open slots are marked. */
  withRooms: boolean;
}

/**
 * Templates as background blocks labelled with their profile; in the rooms view each block is cut
 * into its open parts (long enough for the profile: "Open · Annual physical") and the rest.
 */
export function backgroundEvents(o: BackgroundOptions): CalendarEvent[] {
  const blocks = expandTemplates(o.templates, o.range, {
    officeId: o.officeId,
    doctorId: o.doctorId ?? undefined,
  });
  const out: CalendarEvent[] = [];
  // Each room's busy time once, not once per block.
  const busyByRoom = new Map<string, Span[]>();
  const busyIn = (office: number, examRoom: number): Span[] => {
    const key = `${office}:${examRoom}`;
    let spans = busyByRoom.get(key);
    if (!spans) {
      spans = busySpans(o.appointments, { office, exam_room: examRoom });
      busyByRoom.set(key, spans);
    }
    return spans;
  };
  for (const b of blocks) {
    const profile = o.profiles.get(b.profileId);
    const name = profile?.name ?? 'Template';
    const colour = tint(profile?.color ?? '#5b7083', 0.88);
    const block: Span = { start: wallMinutes(b.start), end: wallMinutes(b.end) };
    const pieces: { span: Span; kind: 'template' | 'open' }[] = [];
    if (o.withRooms) {
      const free = subtractSpans([block], busyIn(b.office, b.examRoom));
      const open = free.filter((s) => s.end - s.start >= (profile?.duration ?? 1));
      const rest = subtractSpans([block], open);
      for (const span of open) pieces.push({ span, kind: 'open' });
      for (const span of rest) pieces.push({ span, kind: 'template' });
    } else {
      pieces.push({ span: block, kind: 'template' });
    }
    for (const { span, kind } of pieces) {
      const start = minutesToWall(span.start);
      const input = {
        id: `${kind}:${b.templateId}:${start}`,
        start: wallToCalendarMs(start),
        end: wallToCalendarMs(minutesToWall(span.end)),
        ...(o.withRooms ? { resourceId: String(b.examRoom) } : {}),
        display: 'background',
        backgroundColor: colour,
        classNames: [kind === 'open' ? 'fdc-open' : 'fdc-template'],
        title: kind === 'open' ? `Open · ${name}` : name,
        extendedProps: { kind, profile: name },
      };
      out.push({
        input,
        sig: JSON.stringify([input.start, input.end, input.resourceId, input.title, colour]),
      });
    }
  }
  return out;
}
