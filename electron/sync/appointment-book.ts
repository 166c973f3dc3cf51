import type { z } from 'zod';
import type { AppointmentItem, Book, Practice, ResponseOf } from '../../shared/contract';
import {
  appointmentSchema,
  type AppointmentChanges,
  type AppointmentWritable,
} from '../../shared/drchrono';
import { err, ok, type Err, type Result } from '../../shared/result';
import { clashLabel, findClashes, patientName, roomName } from '../../shared/schedule';
import type { Clock } from '../../shared/time/clock';
import { addDays, datesInRange, type IsoDate } from '../../shared/time/practice-time';
import type { AppointmentBook, AppointmentWrite, EventBus, RangeQuery } from '../app/services';
import type { DrchronoClient } from '../drchrono/types';
import type { AppointmentCache } from './appointment-cache';
import { rangeTooLong } from './appointment-cache';
import { overlayDays } from './appointment-overlay';
import { parseStoredAppointment, toStoredAppointment } from './desk-fields';
import type { Delivery, OutboxQueue } from './edit-queue';
import { describeCreate, describeDelete, describeUpdate } from './edit-summaries';
import { toErr } from './failures';
import { isLocalId, localIdFor } from './outbox-entry';
import type { RosterService } from './patient-roster';

export interface AppointmentBookOptions {
  cache: AppointmentCache;
  queue: OutboxQueue;
  roster: RosterService;
  /** The tracked client (for `get` and `forPatient`, which are not cached). */
  client: DrchronoClient;
  clock: Clock;
  events: EventBus;
  practice: () => Practice | null;
  /** False while offline: days we hold are served without trying the network first. */
  isOnline?: () => boolean;
  /** A day older than this is refreshed (in the background when it can be shown meanwhile). */
  staleAfterMs?: number;
  /** The view showed stale days: ask the engine for a refresh soon. */
  onStale?: () => void;
}

const DEFAULT_STALE_MS = 90_000;

/**
 * The book the calendar reads and writes. Reads come from the cache: a day already loaded costs no
 * call until it is stale, and a stale day is shown at once while one `since` call refreshes every
 * loaded day. Writes go through the outbox, so a move or a status change is one PATCH online and
 * a pending marker offline; the book applies delivered edits to its cache without another call.
 */
export class AppointmentBookService implements AppointmentBook {
  private readonly staleAfterMs: number;
  private lastOverlaySignature = '';

  constructor(private readonly options: AppointmentBookOptions) {
    this.staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_MS;
    options.queue.onDelivered((delivery) => {
      this.applyDelivery(delivery);
    });
    options.queue.onChange(() => {
      this.announceOverlay();
    });
  }

  async range(query: RangeQuery): Promise<Result<Book>> {
    const { cache } = this.options;
    await cache.init();
    const tooLong = rangeTooLong(query.start, query.end);
    if (!tooLong.ok) return tooLong;
    const dates = datesInRange(query.start, query.end);
    const missing = dates.filter((d) => !cache.days.has(d));
    let source: Book['source'] = 'cache';
    const known = dates.some((d) => cache.days.has(d));
    // Offline, what we hold is shown at once; only a view with nothing known tries the network.
    if (missing.length > 0 && (this.online() || !known)) {
      const fetched = await cache.fetchDays(missing, 'user');
      if (fetched.ok) source = 'server';
      else if (!dates.some((d) => cache.days.has(d))) return fetched;
    }
    if (dates.some((d) => cache.days.has(d) && !this.isFresh(d))) this.options.onStale?.();
    return ok(this.bookFor(dates, query, source));
  }

  /** Whether a loaded day is recent enough to serve without asking drchrono. */
  isFresh(date: IsoDate): boolean {
    const freshAt = this.options.cache.days.freshAt(date);
    return freshAt !== null && this.options.clock.now() - freshAt <= this.staleAfterMs;
  }

  async get(id: string): Promise<Result<Book>> {
    const { cache } = this.options;
    await cache.init();
    const cached = this.item(id);
    if (
      cached &&
      (isLocalId(id) || !this.online() || this.isFresh(cached.scheduled_time.slice(0, 10)))
    ) {
      return ok(this.bookOf([cached], 'cache'));
    }
    const result = await this.options.client.get(
      `/api/appointments/${encodeURIComponent(id)}`,
      appointmentSchema,
      undefined,
      { priority: 'user' },
    );
    if (!result.ok) {
      if (cached) return ok(this.bookOf([cached], 'cache'));
      return toErr(result.failure);
    }
    const stored = toStoredAppointment(result.value);
    cache.mergeRecords([stored]);
    const item = this.item(id) ?? { ...stored, pending: null, status_since: null };
    return ok(this.bookOf([item], 'server'));
  }

  async forPatient(patientId: number): Promise<Result<ResponseOf<'appointments:forPatient'>>> {
    const { cache, client } = this.options;
    await cache.init();
    const today = cache.today();
    const query = (range: string) => ({ date_range: range, patient: patientId });
    if (!this.online()) return this.knownVisits(patientId, today);
    // Past ranges may be longer than 190 days; upcoming ones may not.
    const [past, upcoming] = await Promise.all([
      client.list(
        '/api/appointments',
        appointmentSchema,
        query(`${addDays(today, -730)}/${addDays(today, -1)}`),
        {
          pageSize: 250,
          priority: 'user',
        },
      ),
      client.list(
        '/api/appointments',
        appointmentSchema,
        query(`${today}/${addDays(today, 189)}`),
        {
          pageSize: 250,
          priority: 'user',
        },
      ),
    ]);
    if (!past.ok || !upcoming.ok) {
      const known = this.knownVisits(patientId, today);
      if (known.ok) return known;
      const failure = past.ok ? (upcoming.ok ? null : upcoming.failure) : past.failure;
      return failure ? toErr(failure) : known;
    }
    const plain = (records: z.infer<typeof appointmentSchema>[]): AppointmentItem[] =>
      records
        .filter((r) => r.deleted_flag !== true)
        .map(
          (r) =>
            this.item(r.id) ?? {
              ...toStoredAppointment(r),
              pending: null,
              status_since: null,
            },
        );
    return ok({
      past: plain(past.value.items).sort(byTimeDesc),
      upcoming: plain(upcoming.value.items).sort(byTimeAsc),
    });
  }

  /** Offline: what the loaded days know about a patient's visits. */
  private knownVisits(
    patientId: number,
    today: IsoDate,
  ): Result<ResponseOf<'appointments:forPatient'>> {
    const known = this.options.cache.days
      .loadedDates()
      .flatMap((d) => this.overlay([d]))
      .filter((a) => a.patient === patientId);
    if (known.length === 0) {
      return err(
        'offline',
        "drchrono cannot be reached and this patient's visits are not saved here.",
      );
    }
    return ok({
      past: known.filter((a) => a.scheduled_time.slice(0, 10) < today).reverse(),
      upcoming: known.filter((a) => a.scheduled_time.slice(0, 10) >= today),
    });
  }

  private online(): boolean {
    return this.options.isOnline?.() ?? true;
  }

  async create(draft: AppointmentWritable): Promise<Result<AppointmentWrite>> {
    const known = { practice: this.options.practice(), patient: this.patientOf(draft.patient) };
    const submitted = await this.options.queue.submit({
      resource: 'appointments',
      op: 'create',
      body: { ...draft },
      summary: describeCreate(draft, known),
    });
    if (!submitted.ok) return this.withConflict(submitted, draft);
    const outcome = submitted.value;
    if (outcome.state === 'saved') {
      const stored = parseStoredAppointment(outcome.response);
      if (!stored) return err('server', 'drchrono booked it but its answer could not be read.');
      return ok({ appointment: this.item(stored.id) ?? plainItem(stored), state: 'saved' });
    }
    const local = this.item(localIdFor(outcome.outboxId));
    return ok({
      appointment: local ?? { ...draft, id: localIdFor(outcome.outboxId), pending: null },
      state: 'queued',
    });
  }

  async update(
    id: string,
    changes: AppointmentChanges,
    base: AppointmentChanges,
  ): Promise<Result<AppointmentWrite>> {
    await this.options.cache.init();
    const before = this.item(id);
    const known = {
      practice: this.options.practice(),
      patient: this.patientOf(before?.patient ?? null),
    };
    const submitted = await this.options.queue.submit({
      resource: 'appointments',
      op: 'update',
      targetId: id,
      body: { ...changes },
      base: { ...base },
      summary: describeUpdate(before, changes, known),
    });
    if (!submitted.ok) {
      const target = before ? { ...before, ...changes } : null;
      return target ? this.withConflict(submitted, target, id) : submitted;
    }
    const after = this.item(id) ?? (before ? { ...before, ...changes } : null);
    if (!after) {
      // Not a day we hold: drchrono has it; show its copy (one call, and only in this odd case).
      const fetched = await this.get(id);
      if (!fetched.ok) return fetched;
      const [appointment] = fetched.value.appointments;
      if (!appointment) return err('not_found', 'The appointment could not be found.');
      return ok({ appointment, state: submitted.value.state });
    }
    return ok({ appointment: after, state: submitted.value.state });
  }

  async remove(id: string): Promise<Result<{ state: AppointmentWrite['state'] }>> {
    await this.options.cache.init();
    const before = this.item(id);
    const known = {
      practice: this.options.practice(),
      patient: this.patientOf(before?.patient ?? null),
    };
    const submitted = await this.options.queue.submit({
      resource: 'appointments',
      op: 'delete',
      targetId: id,
      body: {},
      summary: describeDelete(before, known),
    });
    if (!submitted.ok) return submitted;
    return ok({ state: submitted.value.state });
  }

  cachedDay(date: IsoDate, officeId?: number): Book['appointments'] | null {
    if (!this.options.cache.days.has(date)) return null;
    return this.overlay([date]).filter((a) => officeId === undefined || a.office === officeId);
  }

  /** One appointment as the desk sees it (outbox overlay applied), from memory only. */
  item(id: string): AppointmentItem | null {
    const stored = this.options.cache.days.find(id);
    const dates = new Set<IsoDate>();
    if (stored) dates.add(stored.scheduled_time.slice(0, 10));
    for (const e of this.options.queue.pending('appointments')) {
      const time = e.body.scheduled_time;
      if ((e.targetId === id || localIdFor(e.id) === id) && typeof time === 'string') {
        dates.add(time.slice(0, 10));
      }
    }
    if (dates.size === 0) return null;
    return this.overlay([...dates]).find((a) => a.id === id) ?? null;
  }

  private overlay(dates: IsoDate[]): AppointmentItem[] {
    return overlayDays(
      dates,
      this.options.cache.days,
      this.options.queue.pending('appointments'),
      this.options.cache.zone(),
    );
  }

  private bookFor(dates: IsoDate[], query: RangeQuery, source: Book['source']): Book {
    const items = this.overlay(dates).filter(
      (a) =>
        (query.officeId === undefined || a.office === query.officeId) &&
        (query.doctorId === undefined || a.doctor === query.doctorId),
    );
    const known = dates
      .map((d) => this.options.cache.days.freshAt(d))
      .filter((t): t is number => t !== null);
    return {
      ...this.bookOf(items, source),
      fetchedAt: known.length > 0 ? Math.min(...known) : null,
    };
  }

  private bookOf(items: AppointmentItem[], source: Book['source']): Book {
    const ids = [...new Set(items.map((a) => a.patient).filter((p): p is number => p != null))];
    const freshAt = items
      .map((a) => this.options.cache.days.freshAt(a.scheduled_time.slice(0, 10)))
      .filter((t): t is number => t !== null);
    return {
      appointments: items,
      patients: this.options.roster.briefs(ids),
      fetchedAt: freshAt.length > 0 ? Math.min(...freshAt) : null,
      source,
    };
  }

  private patientOf(id: number | null | undefined) {
    if (id === null || id === undefined) return null;
    return this.options.roster.briefs([id])[String(id)] ?? null;
  }

  /**
   * A 409 gains what it clashed with, from the cached day, by the one overlap rule the calendar
   * and the handler use too (`shared/schedule`: breaks hold their room, cancelled, deleted and
   * overlap-allowed appointments do not). The handler adds the free slots.
   */
  private withConflict(
    failure: Err,
    wanted: { office: number; exam_room: number; scheduled_time: string; duration: number },
    selfId?: string,
  ): Err {
    if (failure.error.code !== 'conflict') return failure;
    const day = this.cachedDay(wanted.scheduled_time.slice(0, 10)) ?? [];
    const clash = findClashes({ ...wanted, id: selfId }, day)[0];
    const office = this.options.practice()?.offices.find((o) => o.id === wanted.office);
    const label = clash
      ? clashLabel({
          scheduledTime: clash.scheduled_time,
          patient: clash.patient ?? null,
          patientName: patientName(this.patientOf(clash.patient)),
          room: roomName(office, clash.exam_room),
        })
      : null;
    return {
      ok: false,
      error: {
        ...failure.error,
        conflict: { appointmentId: clash?.id ?? null, label, nearestFree: [] },
      },
    };
  }

  private applyDelivery({ entry, response, serverId }: Delivery): void {
    if (entry.resource !== 'appointments') return;
    const { cache } = this.options;
    if (entry.op === 'create') {
      const stored = parseStoredAppointment(response);
      if (stored) cache.applyOwn(stored);
      return;
    }
    if (serverId === null) return;
    if (entry.op === 'delete') {
      cache.removeOwn(serverId);
      return;
    }
    const current = cache.days.find(serverId);
    if (!current) return;
    const next = parseStoredAppointment({ ...current, ...entry.body, id: current.id });
    if (next) cache.applyOwn(next);
  }

  /** Tells the views when the outbox overlay changed (a queued edit, a conflict, a delivery). */
  private announceOverlay(): void {
    const entries = this.options.queue.pending('appointments');
    const signature = entries
      .map(
        (e) =>
          `${e.id}:${e.state}:${JSON.stringify(e.body)}:${this.options.queue.isSending(e.id) ? 1 : 0}`,
      )
      .join('|');
    if (signature === this.lastOverlaySignature) return;
    this.lastOverlaySignature = signature;
    const dates = new Set<IsoDate>();
    for (const e of entries) {
      const time = e.body.scheduled_time;
      if (typeof time === 'string') dates.add(time.slice(0, 10));
      const target = e.targetId === null ? null : this.options.cache.days.find(e.targetId);
      if (target) dates.add(target.scheduled_time.slice(0, 10));
    }
    this.options.events.emit('data:changed', {
      kinds: ['appointments'],
      ...(dates.size > 0 ? { dates: [...dates].sort() } : {}),
    });
  }
}

function plainItem(stored: ReturnType<typeof toStoredAppointment>): AppointmentItem {
  return { ...stored, pending: null, status_since: null };
}

function byTimeAsc(a: AppointmentItem, b: AppointmentItem): number {
  return a.scheduled_time < b.scheduled_time ? -1 : a.scheduled_time > b.scheduled_time ? 1 : 0;
}

function byTimeDesc(a: AppointmentItem, b: AppointmentItem): number {
  return -byTimeAsc(a, b);
}
