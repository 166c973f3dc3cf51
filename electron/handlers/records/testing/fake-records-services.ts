import type { z } from 'zod';
import type { Book, Practice } from '../../../../shared/contract';
import type { PatientSummary } from '../../../../shared/drchrono';
import { err, ok, type AppError, type Result } from '../../../../shared/result';
import { VirtualClock } from '../../../../shared/time/clock';
import { createFakeServices } from '../../../app/testing/fake-services';
import type {
  AppointmentBook,
  EditOutcome,
  EditQueue,
  NewEdit,
  PatientRoster,
  PracticeService,
  Services,
} from '../../../app/services';
import type {
  ApiFailure,
  ApiResult,
  DrchronoClient,
  ListResult,
  Query,
} from '../../../drchrono/types';

/**
 * Fakes of the services the records handlers use, implementing the real interfaces: a drchrono
 * client answering from a table of paths (every call recorded), an outbox that records what it was
 * given and answers as told, a practice in New York, a roster and a book.
 */

export interface RecordedCall {
  method: 'GET' | 'LIST' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: Query | undefined;
  body?: unknown;
}

/** A body, a failure, or a function of the call returning either. */
type Answer = unknown;

export class ScriptedClient implements DrchronoClient {
  readonly calls: RecordedCall[] = [];
  /** `METHOD path` → the body drchrono answers, or an ApiFailure to fail with. */
  readonly answers = new Map<string, Answer>();

  answer(key: string, value: Answer): void {
    this.answers.set(key, value);
  }

  private reply(
    call: RecordedCall,
  ): { ok: true; value: unknown } | { ok: false; failure: ApiFailure } {
    this.calls.push(call);
    const answer = this.answers.get(`${call.method} ${call.path}`);
    const value =
      typeof answer === 'function' ? (answer as (c: RecordedCall) => unknown)(call) : answer;
    if (value === undefined) {
      return {
        ok: false,
        failure: {
          kind: 'http',
          status: 404,
          body: { detail: 'Not found.' },
          message: 'Not found',
        },
      };
    }
    if (isFailure(value)) return { ok: false, failure: value };
    return { ok: true, value };
  }

  request(): Promise<ApiResult<unknown>> {
    return Promise.resolve({
      ok: false,
      failure: { kind: 'invalid_response', message: 'not scripted' },
    });
  }

  get<T>(path: string, schema: z.ZodType<T>, query?: Query): Promise<ApiResult<T>> {
    const r = this.reply({ method: 'GET', path, query });
    if (!r.ok) return Promise.resolve(r);
    return Promise.resolve({ ok: true, status: 200, value: schema.parse(r.value) });
  }

  list<T>(path: string, item: z.ZodType<T>, query?: Query): Promise<ApiResult<ListResult<T>>> {
    const r = this.reply({ method: 'LIST', path, query });
    if (!r.ok) return Promise.resolve(r);
    const rows = r.value as unknown[];
    const items = rows.flatMap((row) => {
      const parsed = item.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
    return Promise.resolve({
      ok: true,
      status: 200,
      value: { items, skipped: rows.length - items.length, pages: 1 },
    });
  }

  create<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<ApiResult<T>> {
    const r = this.reply({ method: 'POST', path, body });
    if (!r.ok) return Promise.resolve(r);
    return Promise.resolve({ ok: true, status: 201, value: schema.parse(r.value) });
  }

  patch(path: string, body: Record<string, unknown>): Promise<ApiResult<null>> {
    const r = this.reply({ method: 'PATCH', path, body });
    return Promise.resolve(r.ok ? { ok: true, status: 204, value: null } : r);
  }

  put(path: string, body: Record<string, unknown>): Promise<ApiResult<null>> {
    const r = this.reply({ method: 'PUT', path, body });
    return Promise.resolve(r.ok ? { ok: true, status: 204, value: null } : r);
  }

  remove(path: string): Promise<ApiResult<null>> {
    const r = this.reply({ method: 'DELETE', path });
    return Promise.resolve(r.ok ? { ok: true, status: 204, value: null } : r);
  }
}

function isFailure(value: unknown): value is ApiFailure {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    'message' in value &&
    ['http', 'network', 'unauthenticated', 'rate_limited', 'budget', 'invalid_response'].includes(
      String((value as { kind: unknown }).kind),
    )
  );
}

export class RecordingEdits implements EditQueue {
  readonly submitted: NewEdit[] = [];
  /** What the next submits answer; by default `saved` echoing the body with an id. */
  next: ((edit: NewEdit) => Result<EditOutcome>) | null = null;

  submit(edit: NewEdit): Promise<Result<EditOutcome>> {
    this.submitted.push(structuredClone(edit));
    if (this.next) return Promise.resolve(this.next(edit));
    const response = edit.op === 'create' ? { id: 901, ...edit.body } : null;
    return Promise.resolve(ok({ state: 'saved', response, outboxId: `o${this.submitted.length}` }));
  }

  refuseWith(error: AppError): void {
    this.next = () => ({ ok: false, error });
  }

  queueAll(): void {
    this.next = () => ok({ state: 'queued', outboxId: 'q1' });
  }

  entries = () => [];
  resolve = () => Promise.resolve(ok([]));
  unsentCount = () => 0;
  counts = () => ({ pending: 0, conflicts: 0, attention: 0 });
  discardAll = () => Promise.resolve();
  onChange = () => () => undefined;
}

export function fakePractice(): Practice {
  return {
    timezone: 'America/New_York',
    practiceName: 'Demo Practice',
    today: '2026-11-22',
    user: {
      id: 1,
      username: 'desk',
      doctor: 7,
      is_doctor: false,
      is_staff: true,
      practice_group: 1,
    },
    users: [
      { id: 1, username: 'desk', doctor: 7, is_doctor: false, is_staff: true, practice_group: 1 },
      {
        id: 2,
        username: 'dr.okafor',
        doctor: 7,
        is_doctor: true,
        is_staff: false,
        practice_group: 1,
      },
    ],
    userGroups: [{ id: 5, name: 'Front desk', members: [1] }],
    doctors: [],
    offices: [],
    profiles: [],
    templates: [],
    fetchedAt: 0,
  };
}

export function createRecordsTestServices(options: { now?: number } = {}) {
  const clock = new VirtualClock(options.now ?? Date.UTC(2026, 10, 22, 15, 0));
  const base = createFakeServices({ clock });
  const client = new ScriptedClient();
  const edits = new RecordingEdits();
  const practice: PracticeService = {
    get: () => Promise.resolve(ok(fakePractice())),
    cached: () => fakePractice(),
  };
  const upserts: PatientSummary[] = [];
  /** What the roster knows (as its `since` polls would have told it), by patient id. */
  const rosterKnows = new Map<number, PatientSummary>();
  const roster: PatientRoster = {
    search: () => Promise.resolve(ok({ results: [], source: 'cache', page: 1, hasMore: false })),
    briefs: (ids) => {
      const out: Record<string, PatientSummary> = {};
      for (const id of ids) {
        const known = rosterKnows.get(id);
        if (known) out[String(id)] = known;
      }
      return out;
    },
    upsert: (p) => upserts.push(p),
  };
  const books = new Map<string, Book>();
  const book: AppointmentBook = {
    range: () => Promise.resolve(err('internal', 'not scripted')),
    get: (id) => {
      const b = books.get(id);
      return Promise.resolve(b ? ok(b) : err('not_found', 'No such appointment.'));
    },
    forPatient: () => Promise.resolve(ok({ past: [], upcoming: [] })),
    create: () => Promise.resolve(err('internal', 'not scripted')),
    update: () => Promise.resolve(err('internal', 'not scripted')),
    remove: () => Promise.resolve(err('internal', 'not scripted')),
    cachedDay: () => null,
  };
  const events: { kinds: readonly string[]; patients?: readonly number[] }[] = [];
  base.services.events.subscribe((event, payload) => {
    if (event === 'data:changed') events.push(payload as { kinds: readonly string[] });
  });
  const services: Services = { ...base.services, client, edits, practice, roster, book };
  return { services, clock, client, edits, upserts, rosterKnows, books, events, auth: base.auth };
}
