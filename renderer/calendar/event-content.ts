import type { EventContentArg } from '@fullcalendar/core';
import type { AppointmentView } from './appointment-view';
import { tint } from './colours';
import type { EventExtras } from './event-inputs';

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

/**
 * The visible lines are hidden from assistive technology and a transparent button covers the
 * event, carrying the whole sentence ("09:30 Marisol Quispe, Annual physical, Exam 2, Arrived").
 * A button whose name differs from its visible text would fail WCAG 2.5.3 (label in name): here
 * the button has no visible text of its own, and speech users can still say its first words.
 */
function fill(
  node: HTMLElement,
  v: AppointmentView,
  waiting: WaitingMinutes,
  focusable: boolean,
): void {
  const states = [
    'fdc-appt',
    v.isBreak ? 'fdc-appt--break' : '',
    v.status === 'Cancelled' || v.status === 'No Show' ? 'fdc-appt--void' : '',
    v.pending ? `fdc-appt--${v.pending.state}` : '',
  ];
  node.className = states.filter(Boolean).join(' ');
  node.style.setProperty('--fdc-colour', v.colour);
  node.style.setProperty('--fdc-tint', v.isBreak ? '#eceef1' : tint(v.colour));
  // Few nodes per event: a day holds hundreds, and each one is laid out and painted.
  const head = el('div', 'fdc-appt__line');
  head.append(el('b', 'fdc-appt__time', v.time), ` ${v.name}`);
  if (v.status) head.append(el('i', `fdc-status fdc-status--${v.statusTone ?? 'other'}`, v.status));
  if (v.statusSince && (v.status === 'Arrived' || v.status === 'Checked In')) {
    const minutes = waiting(v.statusSince);
    if (minutes !== null) {
      const badge = el('i', 'fdc-wait', waitingText(minutes));
      badge.dataset.since = v.statusSince;
      head.append(badge);
    }
  }
  const markers = [
    v.walkIn ? 'W' : '',
    v.recurring ? '↻' : '',
    v.hasNotes ? '✎' : '',
    v.hasReminders ? '✉' : '',
  ].join('');
  const sub = el(
    'div',
    'fdc-appt__line fdc-appt__sub',
    markers ? `${v.reason} ${markers}` : v.reason,
  );
  // The room column says it in the rooms view; the other views name it.
  sub.append(el('i', 'fdc-appt__room', v.room));
  if (v.pending) {
    const words = { pending: 'pending', conflict: 'conflict', attention: 'needs attention' };
    sub.append(el('i', `fdc-flag fdc-flag--${v.pending.state}`, words[v.pending.state]));
  }
  const body = el('div', 'fdc-appt__body');
  body.setAttribute('aria-hidden', 'true');
  body.append(head, sub);
  if (!focusable) {
    node.replaceChildren(body);
    return;
  }
  // The button survives a refill, so keyboard focus stays on it through a status change.
  let hit = node.querySelector<HTMLElement>(':scope > .fdc-appt__hit');
  if (!hit) {
    hit = el('span', 'fdc-appt__hit');
    hit.setAttribute('role', 'button');
    hit.tabIndex = 0;
    hit.setAttribute('aria-haspopup', 'dialog');
    node.replaceChildren(body, hit);
  } else {
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
    if (arg.isMirror || !cacheable(arg.view.type)) {
      // Views that may draw an event twice (month cells and their "+more" popover, stacked week
      // columns) get a fresh node each time: one node cannot sit in two places.
      const node = el('div', '');
      fill(node, v, this.waiting, !arg.isMirror);
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

  /** The node of an appointment in the current view, if drawn. */
  node(id: string): HTMLElement | undefined {
    return this.nodes.get(id)?.node;
  }

  forget(id: string): void {
    this.nodes.delete(id);
    this.latest.delete(id);
  }
}
