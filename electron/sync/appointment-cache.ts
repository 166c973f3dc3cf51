import { appointmentSchema } from '../../shared/drchrono';
import { err, ok, type Result } from '../../shared/result';
import type { Clock } from '../../shared/time/clock';
import {
  addDays,
  datesInRange,
  daysBetween,
  instantToWall,
  todayIn,
  type IsoDate,
} from '../../shared/time/practice-time';
import type { EventBus } from '../app/services';
import type { DrchronoClient, Priority } from '../drchrono/types';
import type { SecureStore } from '../store/types';
import {
  APPOINTMENTS_DOCUMENT,
  AppointmentDays,
  appointmentsDocumentSchema,
} from './appointment-days';
import { toStoredAppointment, type StoredAppointment } from './desk-fields';
import { DocWriter } from './doc-writer';
import { toErr } from './failures';
import { isRemoved } from './removed';

/** `since` is asked from a little before the last poll: drchrono's lists "may be several seconds old". */
const CURSOR_OVERLAP_MS = 2 * 60_000;
/** After this long without a poll, refetching the window is cheaper and surer than `since`. */
const MAX_CURSOR_AGE_MS = 12 * 3_600_000;
/** One `date_range` call covers at most this many days (drchrono caps future ranges at 190). */
const MAX_SPAN_DAYS = 90;
/** Per attempt, for `since` polls (a page of changes is small). */
const POLL_TIMEOUT_MS = 15_000;
/** Freshness alone is written at most this often; content changes are written at once. */
const FRESHNESS_SAVE_MS = 5 * 60_000;

export interface AppointmentCacheOptions {
  /** The tracked client. */
  client: DrchronoClient;
  clock: Clock;
  store: SecureStore;
  events: EventBus;
  /** The practice's zone; null until the reference data is known (UTC is used meanwhile). */
  zone: () => string | null;
  /** The days kept on disk, around today (prefs `cache`). */
  cacheWindow: () => { daysBefore: number; daysAfter: number };
  /** Days outside the window kept in memory (most recently fetched first). */
  memoryDays?: number;
  /** Patients referenced by appointments but missing from the roster. */
  onUnknownPatients?: (ids: number[]) => void;
  knownPatient?: (id: number) => boolean;
}

/**
 * The appointments the desk has loaded, kept current with as few calls as drchrono allows: a day
 * is fetched whole once (`date_range`, all offices and doctors, so switching office or doctor is
 * free), then one `since` call refreshes every loaded day at once. Days in the cache window are
 * written to the encrypted store; others stay in memory and old ones are purged.
 */
export class AppointmentCache {
  readonly days = new AppointmentDays();
  private loading: Promise<void> | null = null;
  private readonly writer: DocWriter;
  private readonly fetching = new Map<string, Promise<Result<Set<IsoDate>>>>();
  private polling: Promise<Result<{ changed: number }>> | null = null;
  private lastSavedAt = 0;
  /** Patients already asked of the roster once: an inactive patient is not asked for again. */
  private readonly askedForPatients = new Set<number>();

  constructor(private readonly options: AppointmentCacheOptions) {
    this.writer = new DocWriter(options.store, APPOINTMENTS_DOCUMENT, () =>
      this.days.toDocument((date) => this.inWindow(date)),
    );
  }

  init(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const doc = await this.options.store.read(
          APPOINTMENTS_DOCUMENT,
          appointmentsDocumentSchema,
        );
        if (doc) this.days.fromDocument(doc);
      } catch {
        // Only a copy of drchrono's data: rebuilt from the server on the next fetch.
        await this.options.store.delete(APPOINTMENTS_DOCUMENT).catch(() => undefined);
      }
      this.purge();
    })();
    return this.loading;
  }

  zone(): string {
    return this.options.zone() ?? 'UTC';
  }

  today(): IsoDate {
    return todayIn(this.zone(), this.options.clock.now());
  }

  window(): { start: IsoDate; end: IsoDate } {
    const { daysBefore, daysAfter } = this.options.cacheWindow();
    const today = this.today();
    return { start: addDays(today, -daysBefore), end: addDays(today, daysAfter) };
  }

  inWindow(date: IsoDate): boolean {
    const { start, end } = this.window();
    return date >= start && date <= end;
  }

  nowWall(): string {
    return instantToWall(this.options.clock.now(), this.zone());
  }

  /** When the `since` cursor last moved (epoch ms): the book's "last synced". */
  lastPolledAt(): number | null {
    return this.days.cursorAt;
  }

  /** Fetches whole days with `date_range` (one call per ≤ 90-day span, paged). */
  async fetchDays(dates: IsoDate[], priority: Priority): Promise<Result<Set<IsoDate>>> {
    await this.init();
    const changed = new Set<IsoDate>();
    for (const [from, to] of spans(dates)) {
      const key = `${from}/${to}`;
      let running = this.fetching.get(key);
      if (!running) {
        running = this.fetchSpan(from, to, priority).finally(() => this.fetching.delete(key));
        this.fetching.set(key, running);
      }
      const result = await running;
      if (!result.ok) return result;
      for (const date of result.value) changed.add(date);
    }
    return ok(changed);
  }

  /**
   * One `since` call: every change since the last poll, applied to every loaded day. Asked with
   * `show_archived`, without which drchrono leaves deleted appointments out and a deletion elsewhere
   * would never be heard of (it may still not be: `reconcile` covers that). Single flight. With
   * nothing loaded it costs nothing.
   */
  poll(priority: Priority): Promise<Result<{ changed: number }>> {
    this.polling ??= this.runPoll(priority).finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  /**
   * Refetches loaded days whole, one `date_range` call per run of consecutive days (never one
   * span across days in between): what drchrono no longer lists is gone, even if no `since`
   * answer said so.
   */
  async reconcile(dates: IsoDate[], priority: Priority): Promise<Result<Set<IsoDate>>> {
    const changed = new Set<IsoDate>();
    const runs: IsoDate[][] = [];
    for (const date of [...new Set(dates)].sort()) {
      const run = runs[runs.length - 1];
      const last = run?.[run.length - 1];
      if (run && last !== undefined && daysBetween(last, date) === 1) run.push(date);
      else runs.push([date]);
    }
    for (const run of runs) {
      const fetched = await this.fetchDays(run, priority);
      if (!fetched.ok) return fetched;
      for (const date of fetched.value) changed.add(date);
    }
    return ok(changed);
  }

  /** Our own delivered edit, applied without a call. */
  applyOwn(record: StoredAppointment): void {
    this.afterChange(this.days.applyOwn(record, this.nowWall()), true);
  }

  removeOwn(id: string): void {
    this.afterChange(this.days.remove(id), true);
  }

  /** Records fetched one by one (e.g. `appointments:get`), merged like a poll's changes. */
  mergeRecords(records: StoredAppointment[]): void {
    this.afterChange(this.days.mergeChanges(records, this.nowWall()), true);
  }

  async wipe(): Promise<void> {
    await this.init();
    this.days.clear();
    await this.writer.idle();
    await this.options.store.delete(APPOINTMENTS_DOCUMENT);
  }

  async idle(): Promise<void> {
    await this.polling;
    await Promise.all([...this.fetching.values()]);
    await this.writer.idle();
  }

  private async fetchSpan(
    from: IsoDate,
    to: IsoDate,
    priority: Priority,
  ): Promise<Result<Set<IsoDate>>> {
    const startedAt = this.options.clock.now();
    const result = await this.options.client.list(
      '/api/appointments',
      appointmentSchema,
      { date_range: `${from}/${to}` },
      { pageSize: 250, priority },
    );
    if (!result.ok) return toErr(result.failure);
    const records = result.value.items.map(toStoredAppointment);
    const changed = this.days.replaceDays(
      datesInRange(from, to),
      records,
      startedAt,
      this.nowWall(),
    );
    if (this.days.cursor === null) this.moveCursor(startedAt);
    this.afterChange(changed, true);
    this.notePatients(records);
    return ok(changed);
  }

  private async runPoll(priority: Priority): Promise<Result<{ changed: number }>> {
    await this.init();
    const loaded = this.days.loadedDates();
    if (loaded.length === 0) return ok({ changed: 0 });
    const startedAt = this.options.clock.now();
    const cursor = this.days.cursor;
    if (cursor === null || startedAt - (this.days.cursorAt ?? 0) > MAX_CURSOR_AGE_MS) {
      // Long away (a night, a week off): fetch the window whole instead of a day's worth of changes.
      this.days.purge((date) => this.inWindow(date), 0);
      const { start, end } = this.window();
      const fetched = await this.fetchDays(datesInRange(start, end), priority);
      if (!fetched.ok) return fetched;
      this.moveCursor(startedAt);
      return ok({ changed: fetched.value.size });
    }
    const result = await this.options.client.list(
      '/api/appointments',
      appointmentSchema,
      { since: cursor, show_archived: true },
      // A poll that hangs is worse than one that fails: the next is seconds away.
      { pageSize: 250, priority, timeoutMs: POLL_TIMEOUT_MS },
    );
    if (!result.ok) return toErr(result.failure);
    const records = result.value.items.map((r) =>
      toStoredAppointment(isRemoved(r) ? { ...r, deleted_flag: true } : r),
    );
    const changed = this.days.mergeChanges(records, this.nowWall());
    this.days.markFresh(startedAt, new Set(loaded));
    this.moveCursor(startedAt);
    this.afterChange(changed, changed.size > 0);
    this.notePatients(records);
    return ok({ changed: changed.size });
  }

  private moveCursor(startedAt: number): void {
    this.days.cursor = instantToWall(startedAt - CURSOR_OVERLAP_MS, this.zone());
    this.days.cursorAt = startedAt;
  }

  private afterChange(changed: Set<IsoDate>, contentChanged: boolean): void {
    this.purge();
    const now = this.options.clock.now();
    const windowChanged = [...changed].some((d) => this.inWindow(d));
    if ((contentChanged && windowChanged) || now - this.lastSavedAt > FRESHNESS_SAVE_MS) {
      this.lastSavedAt = now;
      void this.writer.save().catch(() => undefined);
    }
    if (changed.size > 0) {
      this.options.events.emit('data:changed', {
        kinds: ['appointments'],
        dates: [...changed].sort(),
      });
    }
  }

  private purge(): void {
    this.days.purge((date) => this.inWindow(date), this.options.memoryDays ?? 62);
  }

  private notePatients(records: StoredAppointment[]): void {
    const known = this.options.knownPatient;
    if (!known || !this.options.onUnknownPatients) return;
    const unknown = new Set<number>();
    for (const r of records) {
      if (r.patient == null || known(r.patient) || this.askedForPatients.has(r.patient)) continue;
      unknown.add(r.patient);
      this.askedForPatients.add(r.patient);
    }
    if (unknown.size > 0) this.options.onUnknownPatients([...unknown]);
  }
}

/** Sorted, de-duplicated dates as contiguous-enough spans of at most MAX_SPAN_DAYS. */
function spans(dates: IsoDate[]): [IsoDate, IsoDate][] {
  const sorted = [...new Set(dates)].sort();
  const out: [IsoDate, IsoDate][] = [];
  for (const date of sorted) {
    const last = out[out.length - 1];
    if (last && daysBetween(last[0], date) < MAX_SPAN_DAYS) last[1] = date;
    else out.push([date, date]);
  }
  return out;
}

export function rangeTooLong(start: IsoDate, end: IsoDate): Result<null> {
  return daysBetween(start, end) > 190
    ? err('invalid_input', 'Ask for at most 190 days at a time.')
    : ok(null);
}
