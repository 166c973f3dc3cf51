import type { CalendarApi, EventApi } from '@fullcalendar/core';
import type { EventContentRenderer } from './event-content';
import type { CalendarEvent } from './event-inputs';

/** The calendar instance behind `getApi()`: its `batchRendering` is public but not on the interface. */
export type BatchingCalendar = CalendarApi & {
  batchRendering(callback: () => void): void;
  pauseRendering(): void;
  resumeRendering(): void;
};

/**
 * Brings FullCalendar's events in line with the desk's, through the calendar API: only the
 * events whose signature changed are touched, so a status change or a move re-renders one event
 * instead of re-parsing the day. A wholesale change (another day) swaps the source in one go.
 */
export class CalendarSync {
  private applied = new Map<string, CalendarEvent>();

  constructor(
    private readonly calendar: BatchingCalendar,
    private readonly renderer: EventContentRenderer,
  ) {}

  apply(events: readonly CalendarEvent[]): void {
    const next = new Map(events.map((e) => [e.input.id, e]));
    let changed = 0;
    for (const [id, e] of next) if (this.applied.get(id) !== e) changed++;
    for (const id of this.applied.keys()) if (!next.has(id)) changed++;
    if (changed === 0) return;
    const calendar = this.calendar;
    if (changed > Math.max(40, next.size / 3)) {
      calendar.batchRendering(() => {
        for (const source of calendar.getEventSources()) source.remove();
        calendar.removeAllEvents();
        calendar.addEventSource(events.map((e) => e.input));
      });
      // Another day: the nodes kept for the last one go.
      for (const id of this.applied.keys()) if (!next.has(id)) this.renderer.forget(id);
      for (const e of events)
        if (e.input.extendedProps.kind === 'appointment')
          this.renderer.update(e.input.extendedProps.view);
      this.applied = next;
      return;
    }
    const work: (() => void)[] = [];
    for (const id of this.applied.keys()) {
      if (next.has(id)) continue;
      this.renderer.forget(id);
      work.push(() => calendar.getEventById(id)?.remove());
    }
    for (const [id, e] of next) {
      const old = this.applied.get(id);
      if (old === e || old?.sig === e.sig) continue;
      const ev = old ? calendar.getEventById(id) : null;
      if (ev && old && old.input.display === e.input.display) {
        const task = this.update(ev, old, e);
        if (task) work.push(task);
      } else {
        work.push(() => {
          ev?.remove();
          calendar.addEvent(e.input);
        });
      }
    }
    // Content-only changes were drawn in place above; only the rest costs a calendar render.
    if (work.length > 0) {
      calendar.batchRendering(() => {
        for (const task of work) task();
      });
    }
    this.applied = next;
  }

  /** The calendar mutations an event needs, or null when its new content was drawn in place. */
  private update(ev: EventApi, old: CalendarEvent, e: CalendarEvent): (() => void) | null {
    const a = old.input;
    const b = e.input;
    const steps: (() => void)[] = [];
    // Compared with what is on screen, not with the last input: after a drag FullCalendar already
    // shows the new place, and setting it again would cost a second render before the paint.
    if (ev.start?.getTime() !== b.start || ev.end?.getTime() !== b.end) {
      steps.push(() => {
        ev.setDates(b.start as number, b.end as number);
      });
    }
    if (b.resourceId !== undefined && ev.getResources()[0]?.id !== b.resourceId) {
      steps.push(() => {
        ev.setResources([b.resourceId as string]);
      });
    }
    for (const prop of ['backgroundColor', 'borderColor', 'textColor', 'title'] as const) {
      if (a[prop] !== b[prop]) {
        steps.push(() => {
          ev.setProp(prop, b[prop] ?? '');
        });
      }
    }
    if (JSON.stringify(a.classNames) !== JSON.stringify(b.classNames)) {
      steps.push(() => {
        ev.setProp('classNames', b.classNames);
      });
    }
    const extras = b.extendedProps;
    if (a.extendedProps !== extras) {
      const drawn = extras.kind === 'appointment' && this.renderer.update(extras.view);
      // FullCalendar keeps its own copy for later renders; refresh it only when it must redraw.
      if (!drawn || steps.length > 0) {
        steps.push(() => {
          for (const [key, value] of Object.entries(extras)) ev.setExtendedProp(key, value);
        });
      }
    }
    return steps.length === 0
      ? null
      : () => {
          for (const step of steps) step();
        };
  }
}
