import { z } from 'zod';
import {
  unnamedFlag,
  type PatientBrief,
  type PatientFlag,
  type ResponseOf,
} from '../../shared/contract';
import {
  paginatedSchema,
  patientSummarySchema,
  type PatientFlagType,
  type PatientSummary,
} from '../../shared/drchrono';
import { err, ok, type Result } from '../../shared/result';
import type { Clock } from '../../shared/time/clock';
import { instantToWall } from '../../shared/time/practice-time';
import type { EventBus, PatientRoster } from '../app/services';
import type { DrchronoClient, Priority } from '../drchrono/types';
import type { SecureStore } from '../store/types';
import { storedPatientSchema, toStoredPatient, type StoredPatient } from './desk-fields';
import { DocWriter } from './doc-writer';
import { toErr } from './failures';
import { isRemoved } from './removed';
import { NameIndex } from './name-index';
import {
  byName,
  criteriaOf,
  isEmptyQuery,
  matches,
  serverFilters,
  type RosterQuery,
} from './roster-search';

export const ROSTER_DOCUMENT = 'cache-roster';

const rosterDocumentSchema = z.strictObject({
  /** 2: patients carry their alert flags (a version 1 roster is fetched again once). */
  version: z.literal(2),
  /** drchrono `since` for the next change fetch (practice wall time). */
  cursor: z.string().nullable(),
  syncedAt: z.number().nullable(),
  /** The first full pass finished: from now on only changes are fetched. */
  complete: z.boolean(),
  patients: z.array(storedPatientSchema),
});
type RosterDocument = z.infer<typeof rosterDocumentSchema>;

/** Changes are asked for from a little before the last fetch: drchrono's lists may lag. */
const CURSOR_OVERLAP_MS = 2 * 60_000;

export interface PatientRosterOptions {
  /** The tracked client. */
  client: DrchronoClient;
  clock: Clock;
  store: SecureStore;
  events: EventBus;
  /** The practice's zone (for `since`); null until the reference data is known. */
  zone: () => string | null;
  /** False while offline: a search with no cached hit says so at once. */
  isOnline?: () => boolean;
  /** The practice's flag types by id (names and colours), or null when drchrono refused them. */
  flagTypes?: () => ReadonlyMap<number, PatientFlagType> | null;
}

/**
 * The patient roster the desk searches and labels appointments with: the summary fields only.
 *
 * Source: `/api/patients` with `verbose`, not `/api/patients_summary`. The summary endpoint has
 * names, birth date, gender, doctor and chart id but no phones, email or `updated_at`, and the
 * patient card shows phones and email. `verbose` adds the patients' alert flags, which the
 * calendar shows on each visit ("Balance in collections"), at the price of 50 patients a page
 * instead of 250: paid once for the first pass, then changes come in one call as before. It also
 * carries fields the card does not show (SSN, address, insurances, ...): `toStoredPatient` drops
 * them before anything is kept.
 */
export class RosterService implements PatientRoster {
  private readonly patients = new Map<number, StoredPatient>();
  /** Close-spelling index over the names; dropped whenever a patient changes, rebuilt on use. */
  private names: NameIndex | null = null;
  private cursor: string | null = null;
  private syncedAtMs: number | null = null;
  private complete = false;
  private loading: Promise<void> | null = null;
  private syncing: Promise<Result<{ changed: number }>> | null = null;
  private readonly writer: DocWriter;

  constructor(private readonly options: PatientRosterOptions) {
    this.writer = new DocWriter(options.store, ROSTER_DOCUMENT, () => this.document());
  }

  init(): Promise<void> {
    this.loading ??= (async () => {
      let doc: RosterDocument | undefined;
      try {
        doc = await this.options.store.read(ROSTER_DOCUMENT, rosterDocumentSchema);
      } catch {
        // A cache is only a copy: an unreadable one is dropped and fetched again.
        await this.options.store.delete(ROSTER_DOCUMENT).catch(() => undefined);
      }
      if (!doc) return;
      for (const p of doc.patients) this.patients.set(p.id, p);
      this.names = null;
      this.cursor = doc.cursor;
      this.syncedAtMs = doc.syncedAt;
      this.complete = doc.complete;
    })();
    return this.loading;
  }

  /** When the roster last caught up with drchrono (epoch ms), or null. */
  syncedAt(): number | null {
    return this.syncedAtMs;
  }

  isComplete(): boolean {
    return this.complete;
  }

  has(id: number): boolean {
    return this.patients.has(id);
  }

  /**
   * Catches up with drchrono: the first time pages through every patient once, afterwards asks
   * only for patients changed since the last time (one call unless many changed). Single flight.
   */
  sync(priority: Priority): Promise<Result<{ changed: number }>> {
    this.syncing ??= this.runSync(priority).finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  async search(query: {
    text?: string | undefined;
    firstName?: string | undefined;
    lastName?: string | undefined;
    dateOfBirth?: string | undefined;
    server?: boolean | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  }): Promise<Result<ResponseOf<'patients:search'>>> {
    await this.init();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const rosterQuery: RosterQuery = query;
    if (query.server !== true) {
      const criteria = criteriaOf(rosterQuery);
      let hits = [...this.patients.values()].filter((p) => matches(p, criteria)).sort(byName);
      const closeSpelling = hits.length === 0 && !isEmptyQuery(rosterQuery);
      if (closeSpelling) {
        this.names ??= new NameIndex(this.patients.values());
        hits = this.names.closeMatches(criteria);
      }
      if (hits.length > 0 || isEmptyQuery(rosterQuery)) {
        const start = (page - 1) * pageSize;
        return ok({
          results: hits.slice(start, start + pageSize),
          source: 'cache',
          page,
          hasMore: hits.length > start + pageSize,
          ...(closeSpelling ? { closeSpelling: true } : {}),
        });
      }
    }
    if (isEmptyQuery(rosterQuery)) {
      return err('invalid_input', 'Type a name or a birth date to search drchrono.');
    }
    const filters = serverFilters(rosterQuery);
    if (filters === null) {
      // drchrono's patient list has no phone or chart ID filter: paging through it would cost
      // the practice's hourly calls, and the roster kept here is that same list.
      if (query.server !== true) return ok({ results: [], source: 'cache', page, hasMore: false });
      return err(
        'invalid_input',
        'drchrono cannot be searched by phone number or chart ID (only this desk’s list can): search by name or date of birth.',
      );
    }
    if (this.options.isOnline?.() === false) {
      return err(
        'offline',
        'No patient saved on this computer matches, and drchrono cannot be reached to look further.',
      );
    }
    const result = await this.options.client.get(
      '/api/patients',
      paginatedSchema(patientSummarySchema),
      { ...filters, page, page_size: pageSize },
      { priority: 'user' },
    );
    if (!result.ok) return toErr(result.failure);
    const results = result.value.results.map(toStoredPatient);
    this.absorb(results);
    return ok({
      results: results.sort(byName),
      source: 'server',
      page,
      hasMore: Boolean(result.value.next),
    });
  }

  briefs(ids: number[]): Record<string, PatientBrief> {
    const out: Record<string, PatientBrief> = {};
    const types = this.options.flagTypes?.() ?? null;
    for (const id of ids) {
      const p = this.patients.get(id);
      if (p) out[String(id)] = p.flags ? { ...p, flags: namedFlags(p.flags, types) } : p;
    }
    return out;
  }

  upsert(patient: PatientSummary): void {
    this.absorb([toStoredPatient(patient)]);
  }

  /** Sign-out: forget every patient, in memory and on disk. */
  async wipe(): Promise<void> {
    await this.init();
    this.patients.clear();
    this.names = null;
    this.cursor = null;
    this.syncedAtMs = null;
    this.complete = false;
    await this.writer.idle();
    await this.options.store.delete(ROSTER_DOCUMENT);
  }

  async idle(): Promise<void> {
    await this.syncing;
    await this.writer.idle();
  }

  private async runSync(priority: Priority): Promise<Result<{ changed: number }>> {
    await this.init();
    const zone = this.options.zone();
    const startedAt = this.options.clock.now();
    const since = this.complete && zone !== null ? this.cursor : null;
    // Changes are asked with `show_archived`: without it a patient deleted elsewhere never comes.
    const result = await this.options.client.list(
      '/api/patients',
      patientSummarySchema,
      since === null ? {} : { since, show_archived: true },
      { pageSize: 50, priority, verbose: true },
    );
    if (!result.ok) return toErr(result.failure);
    const removed = result.value.items.filter((p) => isRemoved(p)).map((p) => p.id);
    const incoming = result.value.items.filter((p) => !isRemoved(p)).map(toStoredPatient);
    let changed: number;
    let changedIds: number[] | undefined;
    if (since === null) {
      changed = this.replaceAll(incoming);
      this.complete = true;
    } else {
      changedIds = [...this.absorb(incoming, false), ...this.forget(removed)];
      changed = changedIds.length;
    }
    this.cursor = zone === null ? null : instantToWall(startedAt - CURSOR_OVERLAP_MS, zone);
    this.syncedAtMs = startedAt;
    await this.writer.save().catch(() => undefined);
    if (changed > 0) this.changed(changedIds);
    return ok({ changed });
  }

  private replaceAll(incoming: StoredPatient[]): number {
    const before = this.patients.size;
    let changed = 0;
    const seen = new Set<number>();
    for (const p of incoming) {
      seen.add(p.id);
      if (!samePatient(this.patients.get(p.id), p)) changed += 1;
      this.patients.set(p.id, p);
    }
    for (const id of [...this.patients.keys()]) if (!seen.has(id)) this.patients.delete(id);
    this.names = null;
    return changed + Math.max(0, before - seen.size);
  }

  /** Merges patients in; returns the ids that changed. Saves unless told not to. */
  private absorb(incoming: StoredPatient[], save = true): number[] {
    const changed: number[] = [];
    for (const fetched of incoming) {
      const p = keepFlags(this.patients.get(fetched.id), fetched);
      if (samePatient(this.patients.get(p.id), p)) continue;
      this.patients.set(p.id, p);
      this.names = null;
      changed.push(p.id);
    }
    if (changed.length > 0 && save) {
      void this.writer.save().catch(() => undefined);
      this.changed(changed);
    }
    return changed;
  }

  /** Drops patients drchrono reports deleted; returns the ids that were here. */
  private forget(ids: number[]): number[] {
    this.names = null;
    return ids.filter((id) => this.patients.delete(id));
  }

  /** Tells the screens; `ids` absent when the whole roster was replaced. */
  private changed(ids: number[] | undefined): void {
    this.options.events.emit('data:changed', {
      kinds: ['patients'],
      ...(ids ? { patients: ids } : {}),
    });
  }

  private document(): RosterDocument {
    return {
      version: 2,
      cursor: this.cursor,
      syncedAt: this.syncedAtMs,
      complete: this.complete,
      patients: [...this.patients.values()],
    };
  }
}

/** A record fetched without `verbose` (a search, a save) says nothing about flags: keep ours. */
function keepFlags(known: StoredPatient | undefined, fetched: StoredPatient): StoredPatient {
  return fetched.flags === undefined && known?.flags !== undefined
    ? { ...fetched, flags: known.flags }
    : fetched;
}

/**
 * Flags as the calendar shows them: named and coloured by the practice's flag types when they are
 * known (an archived type's flags are gone), else by what the patient record said, else
 * "Alert flag": a flag whose type could not be read is still a flag the desk must see.
 */
function namedFlags(
  flags: readonly PatientFlag[],
  types: ReadonlyMap<number, PatientFlagType> | null,
): PatientFlag[] {
  const out: PatientFlag[] = [];
  for (const f of flags) {
    const type = f.type != null ? types?.get(f.type) : undefined;
    if (type?.archived === true) continue;
    out.push({
      type: f.type ?? null,
      name: type?.name || f.name || unnamedFlag,
      color: type?.color || f.color || null,
      priority: type?.priority ?? f.priority ?? null,
    });
  }
  return out;
}

function samePatient(a: StoredPatient | undefined, b: StoredPatient): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
