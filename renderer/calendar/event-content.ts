import type { EventContentArg } from '@fullcalendar/core';
import type { AppointmentView } from './appointment-view';
import { formatClock } from '../../shared/schedule';
import { tint } from './colours';
import type { EventExtras } from './event-inputs';
import { calendarDateToWall } from './wall-dates';

export type WaitingMinutes = (since: string) => number | null;

export function waitingText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** While dragging: where the appointment would land ("→ 10:15 AM · Exam 3"). */
export interface MirrorPlace {
  time: string;
  room: string | null;
}

/**
 * The visible lines are hidden from assistive technology and a transparent button covers the
 * event, carrying the whole sentence ("9:30 AM Marisol Quispe, Annual physical, Exam 2,
 * Dr. Amara Okafor, Arrived"). A button whose name differs from its visible text would fail WCAG
 * 2.5.3 (label in name): here the button has no visible text of its own.
 *
 * Layout, for any height: a status stripe down the left edge (colour plus glyph, never clipped
 * since it is the block's own edge), then one line whose end holds what must not be cut (the wait,
 * flags, the doctor's initials) while the name takes the rest; the reason line when there is room.
 */
function fill(
  node: HTMLElement,
  v: AppointmentView,
  waiting: WaitingMinutes,
  focusable: boolean,
  place: MirrorPlace | null = null,
  withTime = false,
): void {
  const states = [
    'fdc-appt',
    v.isBreak ? 'fdc-appt--break' : '',
    v.status === 'Cancelled' || v.status === 'No Show' ? 'fdc-appt--void' : '',
    v.pending ? `fdc-appt--${v.pending.state}` : '',
    place ? 'fdc-appt--mirror' : '',
  ];
  node.className = states.filter(Boolean).join(' ');
  node.dataset.status = v.signal.tone;
  node.style.setProperty('--fdc-colour', v.colour);
  node.style.setProperty('--fdc-tint', v.isBreak ? '#eceef1' : tint(v.colour));
  // Few nodes per event: a day holds hundreds, and each one is laid out and painted.
  const signal = el('span', `fdc-signal fdc-signal--${v.signal.tone}`, v.signal.icon);
  signal.setAttribute('aria-hidden', 'true');
  const head = el('div', 'fdc-appt__line fdc-appt__head');
  // The time grids show the time by position and on the second line; month and agenda say it first.
  if (withTime) head.append(el('b', 'fdc-appt__time', v.time));
  // The short form is shown instead only where the block is too narrow (calendar.css).
  if (v.shortName) {
    head.append(
      el('span', 'fdc-appt__name fdc-appt__name--full', v.name),
      el('span', 'fdc-appt__name fdc-appt__name--short', v.shortName),
    );
  } else head.append(el('span', 'fdc-appt__name', v.name));
  if (v.statusSince && (v.status === 'Arrived' || v.status === 'Checked In')) {
    const minutes = waiting(v.statusSince);
    if (minutes !== null) {
      const badge = el('i', 'fdc-wait', waitingText(minutes));
      badge.dataset.since = v.statusSince;
      head.append(badge);
    }
  }
  const top = v.flags[0];
  if (top) {
    const flag = el('i', 'fdc-pflag', v.flags.length > 1 ? `⚑${String(v.flags.length)}` : '⚑');
    flag.style.setProperty('--fdc-flag', top.colour);
    flag.style.setProperty('--fdc-flag-ink', top.ink);
    head.append(flag);
  }
  if (v.doctor) {
    const doc = el('i', 'fdc-doc', v.doctor.initials);
    doc.style.setProperty('--fdc-doc', v.doctor.colour);
    head.append(doc);
  }
  const markers = [
    v.walkIn ? 'W' : '',
    v.recurring ? '↻' : '',
    v.hasNotes ? '✎' : '',
    v.hasReminders ? '✉' : '',
  ].join('');
  const sub = el('div', 'fdc-appt__line fdc-appt__sub');
  if (place) {
    sub.append(el('b', 'fdc-appt__to', `→ ${place.time}${place.room ? ` · ${place.room}` : ''}`));
  } else {
    if (v.status) sub.append(el('b', 'fdc-appt__status', v.status), ' · ');
    // One text node for the span and the reason: a day holds hundreds of these lines.
    const reason = markers ? `${v.reason} ${markers}` : v.reason;
    sub.append(reason ? `${v.timeRange} · ${reason}` : v.timeRange);
    // The room column says it in the rooms view; the other views name it.
    sub.append(el('i', 'fdc-appt__room', v.room));
  }
  if (v.pending) {
    const words = { pending: 'pending', conflict: 'conflict', attention: 'needs attention' };
    sub.append(el('i', `fdc-flag fdc-flag--${v.pending.state}`, words[v.pending.state]));
  }
  const body = el('div', 'fdc-appt__body');
  body.setAttribute('aria-hidden', 'true');
  body.append(head, sub);
  if (!focusable) {
    node.replaceChildren(signal, body);
    return;
  }
  // The button survives a refill, so keyboard focus stays on it through a status change.
  let hit = node.querySelector<HTMLElement>(':scope > .fdc-appt__hit');
  if (!hit) {
    hit = el('span', 'fdc-appt__hit');
    hit.setAttribute('role', 'button');
    hit.tabIndex = 0;
    hit.setAttribute('aria-haspopup', 'dialog');
    node.replaceChildren(signal, body, hit);
  } else {
    // Replaced around the button, never moved: moving a focused node would drop its focus.
    node.querySelector(':scope > .fdc-signal')?.replaceWith(signal);
    node.querySelector(':scope > .fdc-appt__body')?.replaceWith(body);
  }
  hit.dataset.appointmentId = v.id;
  hit.setAttribute('aria-label', v.label);
}

/** Only the rooms view draws each appointment exactly once (no "+more" popovers there). */
function cacheable(viewType: string): boolean {
  return viewType === 'resourceTimeGridDay';
}

/**
 * Event content as plain DOM (no React tree per event). Each appointment keeps one node per view,
 * updated in place when it changes: FullCalendar sees the same node and leaves the DOM alone, so a
 * re-render costs nothing and keyboard focus stays on the appointment through a status change.
 */
export class EventContentRenderer {
  private nodes = new Map<string, { view: AppointmentView; node: HTMLElement }>();
  /** The desk's latest view of each appointment: newer than FullCalendar's copy after `update`. */
  private latest = new Map<string, AppointmentView>();
  private viewType = '';
  /** How the drag mirror writes the time it would land at. */
  private hour12 = true;

  constructor(private readonly waiting: WaitingMinutes) {}

  /**
   * A new version of an appointment's content. Returns true when its node was refilled in place
   * (the rooms view): FullCalendar then has nothing to re-render.
   */
  update(view: AppointmentView): boolean {
    this.latest.set(view.id, view);
    const cached = this.nodes.get(view.id);
    if (!cached || !cacheable(this.viewType)) return false;
    if (cached.view !== view) {
      cached.view = view;
      fill(cached.node, view, this.waiting, true);
    }
    return true;
  }

  readonly render = (arg: EventContentArg): true | { domNodes: Node[] } => {
    const extras = arg.event.extendedProps as EventExtras;
    if (extras.kind !== 'appointment') return true;
    const v = this.latest.get(extras.view.id) ?? extras.view;
    if (arg.isMirror) {
      // FullCalendar draws the mirror again at each slot it crosses: it says where it would land.
      const node = el('div', '');
      fill(node, v, this.waiting, false, this.mirrorPlace(arg));
      return { domNodes: [node] };
    }
    if (!cacheable(arg.view.type)) {
      // Views that may draw an event twice (month cells and their "+more" popover, stacked week
      // columns) get a fresh node each time: one node cannot sit in two places.
      const node = el('div', '');
      fill(node, v, this.waiting, true, null, !arg.view.type.includes('timeGrid'));
      return { domNodes: [node] };
    }
    if (arg.view.type !== this.viewType) {
      this.nodes.clear();
      this.viewType = arg.view.type;
    }
    let cached = this.nodes.get(v.id);
    if (!cached) {
      cached = { view: v, node: el('div', '') };
      fill(cached.node, v, this.waiting, true);
      this.nodes.set(v.id, cached);
    } else if (cached.view !== v) {
      cached.view = v;
      fill(cached.node, v, this.waiting, true);
    }
    return { domNodes: [cached.node] };
  };

  setHour12(hour12: boolean): void {
    this.hour12 = hour12;
  }

  private mirrorPlace(arg: EventContentArg): MirrorPlace | null {
    const start = arg.event.start;
    if (!start) return null;
    const room = arg.event.getResources()[0]?.title ?? null;
    return { time: formatClock(calendarDateToWall(start), this.hour12), room: room || null };
  }

  /** The node of an appointment in the current view, if drawn. */
  node(id: string): HTMLElement | undefined {
    return this.nodes.get(id)?.node;
  }

  forget(id: string): void {
    this.nodes.delete(id);
    this.latest.delete(id);
  }
}
