import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type {
  AppointmentItem,
  Book,
  Channel,
  ParsedRequestOf,
  Practice,
  ReplyOf,
} from '../../shared/contract';
import { contract } from '../../shared/contract';
import type { AppointmentTemplate, PatientSummary } from '../../shared/drchrono';
import { err, ok, type AppError, type Result } from '../../shared/result';
import { VirtualClock } from '../../shared/time/clock';
import { wallToInstant } from '../../shared/time/practice-time';
import type {
  AppointmentBook,
  PatientRoster,
  PracticeService,
  RangeQuery,
  Services,
} from '../app/services';
import { createFakeServices } from '../app/testing/fake-services';
import type {
  ApiFailure,
  ApiResult,
  BudgetSnapshot,
  CallBudget,
  DrchronoClient,
  ListResult,
  Query,
} from '../drchrono/types';
import { createPracticeSettings } from '../sync/practice-settings';
import { createCalendarHandlers, maxOpeningCalls } from './calendar-handlers';
import { createPracticeSettingsHandlers } from './practice-settings-handlers';

const NY = 'America/New_York';

const practice: Practice = {
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

function appointment(over: Partial<AppointmentItem>): AppointmentItem {
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

class FakeBook implements AppointmentBook {
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
class ScriptedClient implements DrchronoClient {
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

function setup(options: { remaining?: number } = {}) {
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
  const handlers = {
    ...createCalendarHandlers(),
    ...createPracticeSettingsHandlers(createPracticeSettings(services)),
  };
  const call = async <C extends keyof typeof handlers & Channel>(
    channel: C,
    request: unknown,
  ): Promise<ReplyOf<C>> => {
    const parsed = contract[channel].request.parse(request) as ParsedRequestOf<C>;
    const handler = handlers[channel] as (
      r: ParsedRequestOf<C>,
      s: Services,
    ) => Promise<ReplyOf<C>>;
    const reply = await handler(parsed, services);
    if (reply.ok) contract[channel].response.parse(reply.value);
    return reply;
  };
  return { call, book, client, practiceService, watched, prefs: base.services.prefs };
}

const overlap: AppError = { code: 'conflict', message: 'Overlap', status: 409 };

describe('appointments', () => {
  it('lists a range from the book and tells sync which dates are on screen', async () => {
    const { call, book, watched } = setup();
    book.days.set('2026-11-23', [appointment({})]);
    const reply = await call('appointments:list', {
      start: '2026-11-23',
      end: '2026-11-23',
      officeId: 1,
    });
    expect(reply.ok && reply.value.appointments).toHaveLength(1);
    expect(watched).toEqual([{ start: '2026-11-23', end: '2026-11-23', officeId: 1 }]);
  });

  it('names the clash of a refused booking and offers the nearest free slots, from the cache', async () => {
    const { call, book, client } = setup();
    book.days.set('2026-11-23', [
      appointment({ id: '100', scheduled_time: '2026-11-23T10:00:00', duration: 30 }),
      appointment({
        id: '101',
        scheduled_time: '2026-11-23T10:30:00',
        duration: 60,
        patient: null,
      }),
    ]);
    book.answer = { ok: false, error: overlap };
    const reply = await call('appointments:create', {
      appointment: {
        doctor: 7,
        office: 1,
        exam_room: 2,
        patient: 43,
        scheduled_time: '2026-11-23T10:10:00',
        duration: 30,
      },
    });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('conflict');
    expect(reply.error.conflict?.label).toBe('10:00 AM Dale Whitaker, Exam 2');
    expect(reply.error.conflict?.appointmentId).toBe('100');
    expect(reply.error.conflict?.nearestFree.map((s) => s.start)).toEqual([
      '2026-11-23T09:30:00',
      '2026-11-23T09:00:00',
      '2026-11-23T11:30:00',
    ]);
    expect(reply.error.message).toContain('10:00 AM Dale Whitaker, Exam 2');
    expect(client.calls).toEqual([]);
  });

  it('explains a refused move without counting the moved appointment as its own clash', async () => {
    const { call, book } = setup();
    book.days.set('2026-11-23', [
      appointment({ id: '100', scheduled_time: '2026-11-23T09:00:00', exam_room: 1 }),
      appointment({ id: '200', scheduled_time: '2026-11-23T11:00:00', patient: null }),
    ]);
    book.answer = { ok: false, error: overlap };
    const reply = await call('appointments:update', {
      id: '100',
      changes: { scheduled_time: '2026-11-23T11:15:00', exam_room: 2 },
      base: { scheduled_time: '2026-11-23T09:00:00', exam_room: 1 },
    });
    expect(book.updates).toHaveLength(1);
    expect(!reply.ok && reply.error.conflict?.label).toBe('11:00 AM Break, Exam 2');
    expect(!reply.ok && reply.error.conflict?.nearestFree[0]?.start).toBe('2026-11-23T11:30:00');
  });

  it('names the clash on the desk’s clock: 24-hour when Settings says so', async () => {
    const { call, book, prefs } = setup();
    prefs.set({ calendar: { clock: '24h' } });
    book.days.set('2026-11-23', [
      appointment({ id: '100', scheduled_time: '2026-11-23T09:00:00', exam_room: 1 }),
      appointment({ id: '200', scheduled_time: '2026-11-23T14:00:00', patient: null }),
    ]);
    book.answer = { ok: false, error: overlap };
    const reply = await call('appointments:update', {
      id: '100',
      changes: { scheduled_time: '2026-11-23T14:15:00', exam_room: 2 },
      base: { scheduled_time: '2026-11-23T09:00:00', exam_room: 1 },
    });
    expect(!reply.ok && reply.error.conflict?.label).toBe('14:00 Break, Exam 2');
    expect(!reply.ok && reply.error.message).toContain('clashes with 14:00 Break, Exam 2');
  });

  it('passes through a conflict that is someone else’s field change, not a room clash', async () => {
    const { call, book } = setup();
    book.days.set('2026-11-23', [appointment({ id: '100' })]);
    const fieldConflict: AppError = { code: 'conflict', message: 'Someone else changed it.' };
    book.answer = { ok: false, error: fieldConflict };
    const reply = await call('appointments:update', {
      id: '100',
      changes: { status: 'Arrived' },
      base: { status: '' },
    });
    expect(!reply.ok && reply.error).toEqual(fieldConflict);
  });
});

describe('schedule:findOpening', () => {
  it('answers cached days from templates without a call', async () => {
    const { call, book, client } = setup();
    book.days.set('2026-11-23', [
      appointment({ id: '1', exam_room: 1, scheduled_time: '2026-11-23T08:00:00', duration: 120 }),
      appointment({ id: '2', exam_room: 2, scheduled_time: '2026-11-23T08:00:00', duration: 540 }),
    ]);
    const reply = await call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
    });
    expect(reply.ok && reply.value).toEqual({
      opening: {
        start: '2026-11-23T10:00:00',
        end: '2026-11-23T10:30:00',
        examRoom: 1,
        templateId: 11,
      },
      searchedThrough: '2026-11-23',
    });
    expect(client.calls).toEqual([]);
  });

  it('spends one call per uncached day that has a template, and none on the days between', async () => {
    const { call, book, client } = setup();
    // Monday is full; Tuesday has no template; Wednesday is not cached.
    book.days.set('2026-11-23', [
      appointment({ id: '1', exam_room: 1, scheduled_time: '2026-11-23T08:00:00', duration: 540 }),
      appointment({ id: '2', exam_room: 2, scheduled_time: '2026-11-23T08:00:00', duration: 540 }),
    ]);
    const template: AppointmentTemplate = {
      ...practice.templates[0]!,
      open_slots: [{ start: '2026-11-25T11:00:00', end: '2026-11-25T12:00:00' }],
    };
    client.answers.set('LIST /api/appointment_templates', () => [template]);
    const reply = await call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
    });
    expect(reply.ok && reply.value.opening?.start).toBe('2026-11-25T11:00:00');
    expect(client.calls).toEqual([
      {
        method: 'LIST',
        path: '/api/appointment_templates',
        query: { available: '2026-11-25', office: 1, profile: 5 },
      },
    ]);
  });

  it('offers free time in a room without a template today before a template slot later', async () => {
    const { call, book, client } = setup();
    // Exam 1 (the template's room) is full today; Exam 2 has no template and is free from 13:00.
    book.days.set('2026-11-23', [
      appointment({ id: '1', exam_room: 1, scheduled_time: '2026-11-23T08:00:00', duration: 540 }),
      appointment({ id: '2', exam_room: 2, scheduled_time: '2026-11-23T08:00:00', duration: 300 }),
    ]);
    const reply = await call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
    });
    expect(reply.ok && reply.value.opening).toEqual({
      start: '2026-11-23T13:00:00',
      end: '2026-11-23T13:30:00',
      examRoom: 2,
      templateId: null,
    });
    expect(client.calls).toEqual([]);
    // Not after closing (17:00): a 30-minute visit cannot start at 16:45.
    book.days.set('2026-11-23', [
      appointment({ id: '1', exam_room: 1, scheduled_time: '2026-11-23T08:00:00', duration: 540 }),
      appointment({ id: '2', exam_room: 2, scheduled_time: '2026-11-23T08:00:00', duration: 525 }),
    ]);
    const late = await call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
      days: 1,
    });
    expect(late.ok && late.value.opening).toBeNull();
  });

  it('stops after the call cap and after `days`, saying how far it looked', async () => {
    const { call, client } = setup();
    client.answers.set('LIST /api/appointment_templates', () => [
      { ...practice.templates[0]!, open_slots: [] },
    ]);
    const reply = await call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
      days: 60,
    });
    expect(reply.ok && reply.value.opening).toBeNull();
    expect(client.calls).toHaveLength(maxOpeningCalls);
    const short = setup();
    short.client.answers.set('LIST /api/appointment_templates', () => []);
    const two = await short.call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
      days: 2,
    });
    expect(two.ok && two.value).toEqual({ opening: null, searchedThrough: '2026-11-24' });
    expect(short.client.calls).toHaveLength(1);
  });

  it('spends nothing when the budget is nearly gone, and reports drchrono failures', async () => {
    const poor = setup({ remaining: 0.05 });
    const reply = await poor.call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
    });
    expect(reply.ok && reply.value.opening).toBeNull();
    expect(poor.client.calls).toEqual([]);

    const offline = setup();
    offline.client.answers.set('LIST /api/appointment_templates', () => ({
      kind: 'network',
      committed: 'no',
      message: 'Cannot reach drchrono',
    }));
    const failed = await offline.call('schedule:findOpening', {
      profileId: 5,
      officeId: 1,
      from: '2026-11-23T08:30:00',
    });
    expect(!failed.ok && failed.error.code).toBe('offline');
  });
});

describe('calendar settings', () => {
  it('lists active profiles from the cached practice without a call', async () => {
    const { call, client } = setup();
    const reply = await call('profiles:list', {});
    expect(reply.ok && reply.value.map((p) => p.name)).toEqual(['Annual physical']);
    expect(client.calls).toEqual([]);
  });

  it('creates a profile at drchrono, then refreshes the practice', async () => {
    const { call, client, practiceService } = setup();
    client.answers.set('POST /api/appointment_profiles', (c) => ({
      id: 9,
      ...(c.body as object),
    }));
    const profile = {
      name: 'Flu shot',
      color: '#aa3300',
      duration: 10,
      reason: 'Flu shot',
      online_scheduling: false,
    };
    const reply = await call('profiles:create', { profile });
    expect(reply.ok && reply.value).toMatchObject({ id: 9, name: 'Flu shot' });
    expect(client.calls).toEqual([
      { method: 'POST', path: '/api/appointment_profiles', body: profile },
    ]);
    expect(practiceService.refreshes).toBe(1);
  });

  it('says plainly that settings need a connection, and refreshes nothing', async () => {
    const { call, client, practiceService } = setup();
    client.answers.set('PATCH /api/appointment_templates/11', () => ({
      kind: 'network',
      committed: 'unknown',
      message: 'socket hang up',
    }));
    const reply = await call('templates:update', { id: 11, changes: { duration: 120 } });
    expect(!reply.ok && reply.error.code).toBe('offline');
    expect(!reply.ok && reply.error.message).toMatch(/cannot be changed right now/);
    expect(practiceService.refreshes).toBe(0);
  });

  it('keeps drchrono’s field messages for a refused template', async () => {
    const { call, client } = setup();
    client.answers.set('POST /api/appointment_templates', () => ({
      kind: 'http',
      status: 400,
      body: { exam_room: ['Exam room 9 does not exist in this office.'] },
      message: 'Bad request',
    }));
    const reply = await call('templates:create', {
      template: {
        office: 1,
        exam_room: 9,
        profile: 5,
        duration: 60,
        scheduled_time: '09:00',
        week_days: [0],
      },
    });
    expect(!reply.ok && reply.error.fields).toEqual({
      exam_room: 'Exam room 9 does not exist in this office.',
    });
  });

  it('adds an exam room and returns the updated office', async () => {
    const { call, client, practiceService } = setup();
    client.answers.set('POST /api/offices/1/add_exam_room', (c) => ({
      ...practice.offices[0]!,
      exam_rooms: [
        ...practice.offices[0]!.exam_rooms,
        { index: 3, name: (c.body as { name: string }).name },
      ],
    }));
    const reply = await call('offices:addExamRoom', { officeId: 1, name: ' Exam 3 ' });
    expect(reply.ok && reply.value.exam_rooms.map((r) => r.name)).toEqual([
      'Exam 1',
      'Exam 2',
      'Exam 3',
    ]);
    expect(client.calls[0]?.body).toEqual({ name: 'Exam 3' });
    expect(practiceService.refreshes).toBe(1);
  });
});

describe('a clash with an appointment booked elsewhere since the day was cached', () => {
  it('looks it up once to name it, and keeps it out of the free slots offered', async () => {
    const { call, book } = setup();
    book.days.set('2026-11-23', [
      appointment({ id: '100', scheduled_time: '2026-11-23T09:00:00' }),
    ]);
    const unseen = appointment({ id: '555', scheduled_time: '2026-11-23T11:00:00', duration: 60 });
    const getCalls: string[] = [];
    book.get = (id: string) => {
      getCalls.push(id);
      return Promise.resolve(
        ok({
          appointments: id === '555' ? [unseen] : [],
          patients: {},
          fetchedAt: 1,
          source: 'server',
        }),
      );
    };
    book.answer = {
      ok: false,
      error: {
        code: 'conflict',
        message: 'This appointment would overlap appointment 555. conflicting appointment: 555',
        status: 409,
        fields: { conflicting_appointment: '555' },
      },
    };
    const reply = await call('appointments:update', {
      id: '100',
      changes: { scheduled_time: '2026-11-23T11:15:00' },
      base: { scheduled_time: '2026-11-23T09:00:00' },
    });
    expect(!reply.ok && reply.error.conflict?.label).toBe('11:00 AM Dale Whitaker, Exam 2');
    expect(!reply.ok && reply.error.fields).toBeUndefined();
    expect(getCalls).toEqual(['555']);
    // Nothing offered inside 11:00–12:00.
    const starts = !reply.ok ? (reply.error.conflict?.nearestFree.map((f) => f.start) ?? []) : [];
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.every((t) => t < '2026-11-23T10:31:00' || t >= '2026-11-23T12:00:00')).toBe(true);
  });
});
