import { z } from 'zod';
import { normalizeWall, type IsoDate } from '../../shared/time/practice-time';
import { storedAppointmentSchema, type StoredAppointment } from './desk-fields';

export const APPOINTMENTS_DOCUMENT = 'cache-appointments';

const statusSinceSchema = z.strictObject({ status: z.string(), since: z.string() });

export const appointmentsDocumentSchema = z.strictObject({
  version: z.literal(1),
  cursor: z.string().nullable(),
  cursorAt: z.number().nullable(),
  days: z.array(
    z.strictObject({
      date: z.string(),
      fetchedAt: z.number(),
      freshAt: z.number(),
      appointments: z.array(storedAppointmentSchema),
    }),
  ),
  statusSince: z.record(z.string(), statusSinceSchema),
});
export type AppointmentsDocument = z.infer<typeof appointmentsDocumentSchema>;

interface Day {
  /** When a date_range fetch last replaced this day. */
  fetchedAt: number;
  /** When this day was last known to match drchrono (a fetch, or a `since` poll covering it). */
  freshAt: number;
  byId: Map<string, StoredAppointment>;
}

/**
 * The appointments of the days the desk has loaded, by practice date. Knows nothing about the
 * network: the book fills it from `date_range` fetches (which are the whole truth for their days)
 * and `since` polls (changes anywhere, applied to the days we hold), and our own delivered edits.
 *
 * Merge rule: a record replaces ours only if it is at least as new (`updated_at`). After our own
 * change we keep our copy until drchrono shows a strictly newer one, so a poll that started before
 * our PATCH cannot briefly undo it on screen.
 */
export class AppointmentDays {
  private readonly days = new Map<IsoDate, Day>();
  /** Appointment id → the day it is on. */
  private readonly where = new Map<string, IsoDate>();
  /** Appointments we changed ourselves and whose server copy we have not seen since. */
  private readonly ownEdits = new Set<string>();
  private readonly statusSince = new Map<string, { status: string; since: string }>();
  cursor: string | null = null;
  cursorAt: number | null = null;

  has(date: IsoDate): boolean {
    return this.days.has(date);
  }

  loadedDates(): IsoDate[] {
    return [...this.days.keys()].sort();
  }

  freshAt(date: IsoDate): number | null {
    return this.days.get(date)?.freshAt ?? null;
  }

  /** When a `date_range` answer last replaced this day (a reconciliation's clock). */
  fetchedAt(date: IsoDate): number | null {
    return this.days.get(date)?.fetchedAt ?? null;
  }

  day(date: IsoDate): StoredAppointment[] | null {
    const day = this.days.get(date);
    return day ? [...day.byId.values()].sort(byTime) : null;
  }

  find(id: string): StoredAppointment | null {
    const date = this.where.get(id);
    return (date === undefined ? undefined : this.days.get(date)?.byId.get(id)) ?? null;
  }

  statusSinceOf(id: string, status: string | null | undefined): string | null {
    const known = this.statusSince.get(id);
    return known && known.status === (status ?? '') ? known.since : null;
  }

  /** A `date_range` answer: the complete truth for these dates as of `at`. */
  replaceDays(
    dates: IsoDate[],
    records: StoredAppointment[],
    at: number,
    nowWall: string,
  ): Set<IsoDate> {
    const changed = new Set<IsoDate>();
    const wanted = new Set(dates);
    const incoming = new Map<IsoDate, StoredAppointment[]>();
    for (const record of records) {
      const date = record.scheduled_time.slice(0, 10);
      if (!wanted.has(date) || record.deleted_flag === true) continue;
      const list = incoming.get(date) ?? [];
      list.push(record);
      incoming.set(date, list);
    }
    for (const date of dates) {
      const before = this.days.get(date);
      const byId = new Map<string, StoredAppointment>();
      for (const record of incoming.get(date) ?? []) {
        const ours = this.find(record.id);
        const keep = ours !== null && !this.accepts(ours, record) ? ours : record;
        this.noteStatus(ours, keep, nowWall);
        if (ours && this.where.get(record.id) !== date) this.detach(record.id, changed);
        byId.set(record.id, keep);
        this.where.set(record.id, date);
      }
      if (before) {
        for (const id of before.byId.keys()) {
          if (!byId.has(id) && this.where.get(id) === date) this.where.delete(id);
        }
      }
      if (!before || !sameDay(before.byId, byId)) changed.add(date);
      this.days.set(date, { fetchedAt: at, freshAt: at, byId });
    }
    return changed;
  }

  /** Changes from a `since` poll asked with `show_archived` (deletions have `deleted_flag: true`). */
  mergeChanges(records: StoredAppointment[], nowWall: string): Set<IsoDate> {
    const changed = new Set<IsoDate>();
    for (const record of records) this.put(record, nowWall, changed);
    return changed;
  }

  /** Our own create or update, as drchrono confirmed it (or as we sent it, for a 204). */
  applyOwn(record: StoredAppointment, nowWall: string): Set<IsoDate> {
    const changed = new Set<IsoDate>();
    const ours = this.find(record.id);
    this.noteStatus(ours, record, nowWall);
    this.detach(record.id, changed);
    if (record.deleted_flag !== true) this.attach(record, changed);
    this.ownEdits.add(record.id);
    return changed;
  }

  remove(id: string): Set<IsoDate> {
    const changed = new Set<IsoDate>();
    this.detach(id, changed);
    this.ownEdits.delete(id);
    return changed;
  }

  /** Every day loaded before `startedAt` is now as fresh as a poll that started then. */
  markFresh(startedAt: number, loadedBefore: Set<IsoDate>): void {
    for (const date of loadedBefore) {
      const day = this.days.get(date);
      if (day) day.freshAt = Math.max(day.freshAt, startedAt);
    }
  }

  /** Forgets days outside `keep`, keeping at most `memoryDays` of them (most recently fetched). */
  purge(keep: (date: IsoDate) => boolean, memoryDays: number): void {
    const extra = [...this.days.entries()]
      .filter(([date]) => !keep(date))
      .sort((a, b) => b[1].fetchedAt - a[1].fetchedAt);
    for (const [date, day] of extra.slice(memoryDays)) {
      for (const id of day.byId.keys()) {
        if (this.where.get(id) === date) {
          this.where.delete(id);
          this.statusSince.delete(id);
          this.ownEdits.delete(id);
        }
      }
      this.days.delete(date);
    }
  }

  clear(): void {
    this.days.clear();
    this.where.clear();
    this.ownEdits.clear();
    this.statusSince.clear();
    this.cursor = null;
    this.cursorAt = null;
  }

  /** The days to keep on disk (the cache window), and what they need. */
  toDocument(onDisk: (date: IsoDate) => boolean): AppointmentsDocument {
    const days: AppointmentsDocument['days'] = [];
    const statusSince: AppointmentsDocument['statusSince'] = {};
    for (const [date, day] of [...this.days.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!onDisk(date)) continue;
      const appointments = [...day.byId.values()].sort(byTime);
      days.push({ date, fetchedAt: day.fetchedAt, freshAt: day.freshAt, appointments });
      for (const a of appointments) {
        const known = this.statusSince.get(a.id);
        if (known) statusSince[a.id] = known;
      }
    }
    return { version: 1, cursor: this.cursor, cursorAt: this.cursorAt, days, statusSince };
  }

  fromDocument(doc: AppointmentsDocument): void {
    this.clear();
    for (const day of doc.days) {
      const byId = new Map<string, StoredAppointment>();
      for (const a of day.appointments) {
        byId.set(a.id, a);
        this.where.set(a.id, day.date);
      }
      this.days.set(day.date, { fetchedAt: day.fetchedAt, freshAt: day.freshAt, byId });
    }
    for (const [id, known] of Object.entries(doc.statusSince)) this.statusSince.set(id, known);
    this.cursor = doc.cursor;
    this.cursorAt = doc.cursorAt;
  }

  private put(record: StoredAppointment, nowWall: string, changed: Set<IsoDate>): void {
    const ours = this.find(record.id);
    if (ours && !this.accepts(ours, record)) return;
    if (ours && sameRecord(ours, record) && record.deleted_flag !== true) {
      this.ownEdits.delete(record.id);
      return;
    }
    this.noteStatus(ours, record, nowWall);
    this.ownEdits.delete(record.id);
    this.detach(record.id, changed);
    if (record.deleted_flag !== true) this.attach(record, changed);
  }

  private accepts(ours: StoredAppointment, theirs: StoredAppointment): boolean {
    const a = stampOf(ours);
    const b = stampOf(theirs);
    if (a === null || b === null) return true;
    return this.ownEdits.has(ours.id) ? b > a : b >= a;
  }

  private attach(record: StoredAppointment, changed: Set<IsoDate>): void {
    const date = record.scheduled_time.slice(0, 10);
    const day = this.days.get(date);
    if (!day) return; // a day we do not hold: it will come whole when someone looks at it
    day.byId.set(record.id, record);
    this.where.set(record.id, date);
    changed.add(date);
  }

  private detach(id: string, changed: Set<IsoDate>): void {
    const date = this.where.get(id);
    if (date === undefined) return;
    this.days.get(date)?.byId.delete(id);
    this.where.delete(id);
    changed.add(date);
  }

  private noteStatus(
    ours: StoredAppointment | null,
    next: StoredAppointment,
    nowWall: string,
  ): void {
    if (!ours) return;
    const before = ours.status ?? '';
    const after = next.status ?? '';
    if (before === after) return;
    const stamp =
      next.updated_at && next.updated_at !== ours.updated_at ? next.updated_at : nowWall;
    this.statusSince.set(next.id, { status: after, since: normalizeWall(stamp) });
  }
}

function stampOf(record: StoredAppointment): string | null {
  return record.updated_at ? normalizeWall(record.updated_at) : null;
}

function byTime(a: StoredAppointment, b: StoredAppointment): number {
  if (a.scheduled_time !== b.scheduled_time) return a.scheduled_time < b.scheduled_time ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sameRecord(a: StoredAppointment, b: StoredAppointment): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameDay(a: Map<string, StoredAppointment>, b: Map<string, StoredAppointment>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, record] of a) {
    const other = b.get(id);
    if (!other || !sameRecord(record, other)) return false;
  }
  return true;
}
