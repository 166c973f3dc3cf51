import type { z } from 'zod';
import type {
  AppointmentItem,
  Book,
  Channel,
  ParsedRequestOf,
  Practice,
  ReplyOf,
} from '../../../shared/contract';
import { contract } from '../../../shared/contract';
import type { PatientSummary } from '../../../shared/drchrono';
import { err, ok, type Result } from '../../../shared/result';
import { VirtualClock } from '../../../shared/time/clock';
import { wallToInstant } from '../../../shared/time/practice-time';
import type {
  AppointmentBook,
  PatientRoster,
  PracticeService,
  RangeQuery,
  Services,
} from '../../app/services';
import { createFakeServices } from '../../app/testing/fake-services';
import type {
  ApiFailure,
  ApiResult,
  BudgetSnapshot,
  CallBudget,
  DrchronoClient,
  ListResult,
  Query,
} from '../../drchrono/types';
import type { HandlerGroup } from '../../handlers/types';

/**
 * The calendar's services over fakes: a Monday in New York with one office, two rooms, one
 * template, a scripted drchrono that records every call, and a book whose days the test fills.
 */

export const NY = 'America/New_York';

export const practice: Practice = {
  timezone: NY,
  practiceName: 'Riverbend Family Medicine',
  today: '2026-11-23',
  user: { id: 1, username: 'desk', doctor: 7, is_doctor: false, is_staff: true, practice_group: 1 },
  users: [],
  userGroups: [],
  doctors: [{ id: 7, first_name: 'Amara', last_name: 'Okafor', timezone: NY }],
  offices: [
    {
      id: 1,
      name: 'Main Street',
      start_time: '08:00:00',
      end_time: '17:00:00',
      exam_rooms: [
        { index: 1, name: 'Exam 1' },
        { index: 2, name: 'Exam 2' },
      ],
    },
  ],
  profiles: [
    { id: 5, name: 'Annual physical', color: '#3a87ad', duration: 30 },
    { id: 6, name: 'Old', color: '#999999', duration: 15, archived: true },
  ],
  templates: [
    // Monday and Wednesday 09:00-12:00, Exam 1.
    {
      id: 11,
      office: 1,
      exam_room: 1,
      profile: 5,
      doctor: 7,
      duration: 180,
      scheduled_time: '09:00:00',
      week_days: [0, 2],
    },
  ],
  fetchedAt: 1,
};

export function appointment(over: Partial<AppointmentItem>): AppointmentItem {
  return {
    id: '100',
    doctor: 7,
    office: 1,
    exam_room: 2,
    patient: 42,
    scheduled_time: '2026-11-23T10:00:00',
    duration: 30,
    status: '',
    ...over,
  };
}

class FakePractice implements PracticeService {
  refreshes = 0;
  get(options?: { refresh?: boolean }): Promise<Result<Practice>> {
    if (options?.refresh) this.refreshes += 1;
    return Promise.resolve(ok(practice));
  }
  cached(): Practice {
    return practice;
  }
}

export class FakeBook implements AppointmentBook {
  days = new Map<string, AppointmentItem[]>();
  ranges: RangeQuery[] = [];
  updates: { id: string; changes: unknown; base: unknown }[] = [];
  answer: Result<{ appointment: AppointmentItem; state: 'saved' }> | null = null;
  range(query: RangeQuery): Promise<Result<Book>> {
    this.ranges.push(query);
    const appointments = [...this.days.values()].flat();
    return Promise.resolve(ok({ appointments, patients: {}, fetchedAt: 1, source: 'cache' }));
  }
  get(id: string): Promise<Result<Book>> {
    const found = [...this.days.values()].flat().filter((a) => a.id === id);
    return Promise.resolve(
      ok({ appointments: found, patients: {}, fetchedAt: 1, source: 'cache' }),
    );
  }
  forPatient(): Promise<
    Result<ReplyOf<'appointments:forPatient'> extends Result<infer T> ? T : never>
  > {
    return Promise.resolve(ok({ past: [], upcoming: [] }));
  }
  create(): Promise<Result<{ appointment: AppointmentItem; state: 'saved' }>> {
    return Promise.resolve(this.answer ?? err('internal', 'unscripted'));
  }
  update(
    id: string,
    changes: unknown,
    base: unknown,
  ): Promise<Result<{ appointment: AppointmentItem; state: 'saved' }>> {
    this.updates.push({ id, changes, base });
    return Promise.resolve(this.answer ?? err('internal', 'unscripted'));
  }
  remove(): Promise<Result<{ state: 'saved' }>> {
    return Promise.resolve(ok({ state: 'saved' }));
  }
  cachedDay(date: string, officeId?: number): AppointmentItem[] | null {
    const day = this.days.get(date);
    return day ? day.filter((a) => officeId === undefined || a.office === officeId) : null;
  }
}

class FakeRoster implements PatientRoster {
  constructor(private readonly patients: PatientSummary[]) {}
  search(): ReturnType<PatientRoster['search']> {
    return Promise.resolve(err('internal', 'unused'));
  }
  briefs(ids: number[]): Record<string, PatientSummary> {
    return Object.fromEntries(
      this.patients.filter((p) => ids.includes(p.id)).map((p) => [String(p.id), p]),
    );
  }
  upsert(): void {}
}

interface Call {
  method: string;
  path: string;
  query?: Query | undefined;
  body?: unknown;
}

/** drchrono behind the client seam: scripted answers by `METHOD path`, every call recorded. */
export class ScriptedClient implements DrchronoClient {
  calls: Call[] = [];
  answers = new Map<string, (call: Call) => unknown>();
  private answer<T>(call: Call): ApiResult<T> {
    this.calls.push(call);
    const value = this.answers.get(`${call.method} ${call.path}`)?.(call);
    if (value === undefined) {
      return { ok: false, failure: { kind: 'http', status: 404, body: {}, message: 'Not found' } };
    }
    if (typeof value === 'object' && value !== null && 'kind' in value) {
      return { ok: false, failure: value as ApiFailure };
    }
    return { ok: true, value: value as T, status: 200 };
  }
  request(): Promise<ApiResult<unknown>> {
    return Promise.resolve(this.answer({ method: 'REQUEST', path: '' }));
  }
  get<T>(path: string, _schema: z.ZodType<T>, query?: Query): Promise<ApiResult<T>> {
    return Promise.resolve(this.answer({ method: 'GET', path, query }));
  }
  list<T>(path: string, _item: z.ZodType<T>, query?: Query): Promise<ApiResult<ListResult<T>>> {
    const r = this.answer<T[]>({ method: 'LIST', path, query });
    return Promise.resolve(
      r.ok ? { ok: true, value: { items: r.value, skipped: 0, pages: 1 }, status: 200 } : r,
    );
  }
  create<T>(path: string, body: unknown): Promise<ApiResult<T>> {
    return Promise.resolve(this.answer({ method: 'POST', path, body }));
  }
  patch(path: string, body: Record<string, unknown>): Promise<ApiResult<null>> {
    const r = this.answer<unknown>({ method: 'PATCH', path, body });
    return Promise.resolve(r.ok ? { ok: true, value: null, status: 204 } : r);
  }
  put(path: string, body: Record<string, unknown>): Promise<ApiResult<null>> {
    return this.patch(path, body);
  }
  remove(path: string): Promise<ApiResult<null>> {
    const r = this.answer<unknown>({ method: 'DELETE', path });
    return Promise.resolve(r.ok ? { ok: true, value: null, status: 204 } : r);
  }
}

function fakeBudget(remaining = 1): CallBudget {
  const snapshot: BudgetSnapshot = { used: 0, cap: 250, hourStart: 0, throttledUntil: null };
  return {
    acquire: () => Promise.resolve({ ok: true }),
    record: () => undefined,
    throttle: () => undefined,
    snapshot: () => snapshot,
    remainingShare: () => remaining,
    onChange: () => () => undefined,
  };
}

/** The services a calendar test runs on, with the fakes it scripts and inspects. */
export function calendarSetup(options: { remaining?: number } = {}) {
  // Monday 2026-11-23, 08:30 in New York.
  const clock = new VirtualClock(wallToInstant('2026-11-23T08:30:00', NY));
  const base = createFakeServices({ clock });
  const book = new FakeBook();
  const client = new ScriptedClient();
  const practiceService = new FakePractice();
  const watched: RangeQuery[] = [];
  const services: Services = {
    ...base.services,
    practice: practiceService,
    book,
    client,
    budget: fakeBudget(options.remaining),
    roster: new FakeRoster([{ id: 42, first_name: 'Dale', last_name: 'Whitaker' }]),
    sync: { ...base.sync, watch: (range: RangeQuery) => void watched.push(range) },
  };
  return { services, book, client, practiceService, watched, prefs: base.services.prefs };
}

/**
 * Calls a channel the way the dispatcher does: the request parsed by the contract, the reply
 * checked against it.
 */
export function callerOf<K extends Channel>(table: HandlerGroup<K>) {
  return async <C extends K>(channel: C, request: unknown): Promise<ReplyOf<C>> => {
    const parsed = contract[channel].request.parse(request) as ParsedRequestOf<C>;
    const reply = await table[channel](parsed);
    if (reply.ok) contract[channel].response.parse(reply.value);
    return reply;
  };
}
