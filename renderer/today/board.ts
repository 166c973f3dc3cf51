import type { AppointmentItem } from '../../shared/contract';
import {
  addMinutesToWall,
  normalizeWall,
  wallToInstant,
  type WallTime,
} from '../../shared/time/practice-time';

/** The board's columns, in the order of a visit. */
export type ColumnKey = 'next' | 'waiting' | 'inRoom' | 'done' | 'noShow';

export const columnOrder: readonly ColumnKey[] = ['next', 'waiting', 'inRoom', 'done', 'noShow'];

export const columnTitles: Record<ColumnKey, string> = {
  next: 'Next arriving',
  waiting: 'Waiting',
  inRoom: 'In room',
  done: 'Done',
  noShow: 'No-shows',
};

export interface BoardEntry {
  appointment: AppointmentItem;
  /** Wall time the current status was set, when known (waiting and in-room columns). */
  since: WallTime | null;
  /** Minutes in the current status (waiting, in room), or minutes late (next arriving). */
  minutes: number | null;
}

export interface Board {
  columns: Record<ColumnKey, BoardEntry[]>;
  /** Not arrived yet and due after the coming hour. */
  laterToday: number;
  /** Not marked and due more than the late window ago (neither arrived nor no-show). */
  unmarkedEarlier: number;
}

export interface BoardOptions {
  /** The practice's wall clock now. */
  now: WallTime;
  zone: string;
  /** Only this doctor's appointments; null for every doctor. */
  doctorId: number | null;
  /** "Next arriving" looks this far ahead. */
  horizonMinutes?: number;
  /** A patient not arrived this long after their time stays in "next arriving", marked late. */
  lateMinutes?: number;
}

/** Where a status puts an appointment; null: not on the board (cancelled, rescheduled). */
export function columnOf(status: string | null | undefined): ColumnKey | null {
  switch (status ?? '') {
    case 'Arrived':
    case 'Checked In':
      return 'waiting';
    case 'In Room':
    case 'In Session':
      return 'inRoom';
    case 'Complete':
      return 'done';
    case 'No Show':
      return 'noShow';
    case 'Cancelled':
    case 'Rescheduled':
      return null;
    default:
      // "", Confirmed, Not Confirmed, or a status this app does not know: still expected.
      return 'next';
  }
}

/** The one-click step after this status, in the order the desk moves a patient through a visit. */
export function nextStep(status: string | null | undefined): string | null {
  switch (status ?? '') {
    case 'Arrived':
      return 'Checked In';
    case 'Checked In':
      return 'In Room';
    case 'In Room':
      return 'In Session';
    case 'In Session':
      return 'Complete';
    case 'Complete':
    case 'No Show':
    case 'Cancelled':
    case 'Rescheduled':
      return null;
    default:
      return 'Arrived';
  }
}

/** An arrival stamped earlier than this before the visit is not the arrival (an older edit). */
const EARLIEST_ARRIVAL_MINUTES = 120;

function wall(value: string | null | undefined): WallTime | null {
  if (!value) return null;
  try {
    return normalizeWall(value);
  } catch {
    return null;
  }
}

/**
 * Since when the appointment has had its status. Main's `status_since` (the change as the cache
 * saw it, or first saw it) comes first. Without it, drchrono's `updated_at` is the same on every
 * workstation and is when the status last changed unless the visit was edited after, so it is
 * used only when it is plausible: on the visit's day, at most two hours before its time. An
 * older stamp (a booking made last week, then marked Arrived elsewhere) says nothing: unknown.
 */
export function statusSince(a: AppointmentItem): WallTime | null {
  const known = wall(a.status_since);
  if (known) return known;
  const updated = wall(a.updated_at);
  const start = wall(a.scheduled_time);
  if (!updated || !start) return null;
  const earliest = addMinutesToWall(start, -EARLIEST_ARRIVAL_MINUTES);
  return updated.slice(0, 10) === start.slice(0, 10) && updated >= earliest ? updated : null;
}

function minutesSince(since: WallTime | null, now: WallTime, zone: string): number | null {
  if (!since) return null;
  try {
    // Whole minutes gone by, as a wall clock counts them ("4 min" until the fifth is over).
    return Math.max(
      0,
      Math.floor((wallToInstant(now, zone) - wallToInstant(since, zone)) / 60_000),
    );
  } catch {
    return null;
  }
}

const byTime = (a: BoardEntry, b: BoardEntry): number =>
  a.appointment.scheduled_time === b.appointment.scheduled_time
    ? a.appointment.id < b.appointment.id
      ? -1
      : 1
    : a.appointment.scheduled_time < b.appointment.scheduled_time
      ? -1
      : 1;

/** Longest in the status first; unknown times last, by appointment time. */
const bySince = (a: BoardEntry, b: BoardEntry): number => {
  if (a.minutes !== b.minutes) {
    if (a.minutes === null) return 1;
    if (b.minutes === null) return -1;
    return b.minutes - a.minutes;
  }
  return byTime(a, b);
};

/**
 * The day's appointments as the desk's board: who is due in the coming hour (and who is late),
 * who is here and waiting (longest first), who is in a room, who is done, who did not come.
 * Breaks and cancelled or rescheduled visits are left off.
 */
export function buildBoard(appointments: readonly AppointmentItem[], options: BoardOptions): Board {
  const { now, zone, doctorId } = options;
  const horizon = addMinutesToWall(now, options.horizonMinutes ?? 60);
  const lateFrom = addMinutesToWall(now, -(options.lateMinutes ?? 60));
  const columns: Record<ColumnKey, BoardEntry[]> = {
    next: [],
    waiting: [],
    inRoom: [],
    done: [],
    noShow: [],
  };
  let laterToday = 0;
  let unmarkedEarlier = 0;
  for (const a of appointments) {
    if (a.patient === null) continue;
    if (doctorId !== null && a.doctor !== doctorId) continue;
    const column = columnOf(a.status);
    if (column === null) continue;
    if (column === 'next') {
      const start = normalizeWall(a.scheduled_time);
      if (start >= horizon) {
        laterToday += 1;
        continue;
      }
      if (start < lateFrom) {
        unmarkedEarlier += 1;
        continue;
      }
      const late = start < now ? minutesSince(start, now, zone) : null;
      columns.next.push({ appointment: a, since: null, minutes: late });
      continue;
    }
    if (column === 'waiting' || column === 'inRoom') {
      const since = statusSince(a);
      columns[column].push({ appointment: a, since, minutes: minutesSince(since, now, zone) });
      continue;
    }
    columns[column].push({ appointment: a, since: null, minutes: null });
  }
  columns.next.sort(byTime);
  columns.waiting.sort(bySince);
  columns.inRoom.sort(bySince);
  // The most recent visit first: the one the desk is likely checking out.
  columns.done.sort((a, b) => byTime(b, a));
  columns.noShow.sort(byTime);
  return { columns, laterToday, unmarkedEarlier };
}

/** The doctors with a visit on the board's day, in the practice's order. */
export function doctorsOnDay<D extends { id: number }>(
  doctors: readonly D[],
  appointments: readonly AppointmentItem[],
): D[] {
  const present = new Set(appointments.filter((a) => a.patient !== null).map((a) => a.doctor));
  return doctors.filter((d) => present.has(d.id));
}

/** A status this desk set, and when, until main's answer says since when (`status_since`). */
export interface LocalMark {
  status: string;
  since: WallTime;
}

/**
 * Fills in `status_since` for the statuses this desk just set: between the click and main's
 * next answer, the visit waits from now, not from its last edit at drchrono.
 */
export function withLocalMarks(
  appointments: AppointmentItem[],
  marks: ReadonlyMap<string, LocalMark>,
): AppointmentItem[] {
  if (marks.size === 0) return appointments;
  return appointments.map((a) => {
    const mark = marks.get(a.id);
    return mark && !a.status_since && mark.status === (a.status ?? '')
      ? { ...a, status_since: mark.since }
      : a;
  });
}

/**
 * A column's visits per doctor, for "group by doctor": the doctors in the practice's order (a
 * doctor no longer listed comes last), each with their visits in the column's own order.
 */
export function byDoctor(
  entries: readonly BoardEntry[],
  doctorOrder: readonly number[],
): { doctor: number; entries: BoardEntry[] }[] {
  const groups = new Map<number, BoardEntry[]>();
  for (const entry of entries) {
    const list = groups.get(entry.appointment.doctor);
    if (list) list.push(entry);
    else groups.set(entry.appointment.doctor, [entry]);
  }
  const rank = (id: number) => {
    const at = doctorOrder.indexOf(id);
    return at === -1 ? doctorOrder.length : at;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a - b)
    .map(([doctor, list]) => ({ doctor, entries: list }));
}
