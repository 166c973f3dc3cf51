import type { z } from 'zod';
import type { Clock } from '../../../shared/time/clock';
import { instantToWall, normalizeWall, wallToUtcMs } from '../../../shared/time/practice-time';
import type {
  ApiFailure,
  ApiRequest,
  ApiResult,
  DrchronoClient,
  ListResult,
  Query,
} from '../../drchrono/types';

/**
 * A small in-memory drchrono behind the `DrchronoClient` seam, for unit tests of sync logic:
 * appointments with date/date_range/since filters and 409 overlaps, patients with name filters,
 * generic tables for the rest, every call counted, and scripted faults (drops before and after
 * the server commits, 5xx, 429). Integration tests use the real client against the sandbox.
 */

export type Fault = 'drop-before' | 'drop-after' | '500' | '429' | 'offline';
type Row = Record<string, unknown> & { id: string | number };

export interface FakeCall {
  method: string;
  path: string;
  query?: Query | undefined;
  body?: unknown;
}

export class FakeDrchrono implements DrchronoClient {
  readonly tables = new Map<string, Map<string, Row>>();
  readonly calls: FakeCall[] = [];
  private nextId = 1000;
  private faults: Fault[] = [];
  offline = false;
  pageSize = 250;
  /** Called for every call before it is answered: lets a test inject a fault by rule. */
  faultFor: ((call: FakeCall) => Fault | null) | null = null;

  constructor(
    private readonly clock: Clock,
    readonly zone = 'America/New_York',
  ) {}

  table(resource: string): Map<string, Row> {
    let t = this.tables.get(resource);
    if (!t) {
      t = new Map();
      this.tables.set(resource, t);
    }
    return t;
  }

  /** Inserts a record as if someone else made it (no call counted). */
  seed(resource: string, record: Record<string, unknown>): Row {
    const id = record.id ?? (resource === 'appointments' ? String(this.nextId++) : this.nextId++);
    const row: Row = {
      ...record,
      id: id as string | number,
      updated_at: this.stamp(),
      created_at: record.created_at ?? this.stamp(),
    };
    if (resource === 'appointments') row.deleted_flag = row.deleted_flag ?? false;
    this.table(resource).set(String(row.id), row);
    return row;
  }

  /** Someone else edits a record (no call counted). */
  touch(resource: string, id: string, changes: Record<string, unknown>): void {
    const row = this.table(resource).get(id);
    if (!row) throw new Error(`no ${resource} ${id}`);
    Object.assign(row, changes, { updated_at: this.stamp() });
  }

  failNext(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  countCalls(filter?: (call: FakeCall) => boolean): number {
    return filter ? this.calls.filter(filter).length : this.calls.length;
  }

  // ---- DrchronoClient ----

  request(req: ApiRequest): Promise<ApiResult<unknown>> {
    return Promise.resolve(fail({ kind: 'invalid_response', message: `no raw ${req.path}` }));
  }

  async get<T>(path: string, schema: z.ZodType<T>, query?: Query): Promise<ApiResult<T>> {
    await Promise.resolve();
    const call = { method: 'GET', path, query };
    const fault = this.fault<T>(call, true);
    if (fault) return fault;
    const [resource, id] = split(path);
    if (id === undefined) return fail(http(400, { detail: 'list with get' }));
    const row = this.table(resource).get(id);
    if (!row) return fail(http(404, { detail: 'Not found.' }));
    return { ok: true, value: schema.parse(structuredClone(row)), status: 200 };
  }

  async list<T>(
    path: string,
    item: z.ZodType<T>,
    query: Query = {},
    options: { pageSize?: number } = {},
  ): Promise<ApiResult<ListResult<T>>> {
    await Promise.resolve();
    const [resource] = split(path);
    const rows = this.filter(resource, query);
    const pageSize = Math.min(this.pageSize, options.pageSize ?? Number(query.page_size ?? 250));
    const pages = Math.max(1, Math.ceil(rows.length / pageSize));
    for (let page = 0; page < pages; page++) {
      const call = { method: 'GET', path, query: { ...query, page: page + 1 } };
      const fault = this.fault<ListResult<T>>(call, true);
      if (fault) return fault;
    }
    const items: T[] = [];
    let skipped = 0;
    for (const row of rows) {
      const parsed = item.safeParse(structuredClone(row));
      if (parsed.success) items.push(parsed.data);
      else skipped += 1;
    }
    return { ok: true, value: { items, skipped, pages }, status: 200 };
  }

  async create<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<ApiResult<T>> {
    await Promise.resolve();
    const call = { method: 'POST', path, body };
    const [resource] = split(path);
    const fault = this.takeFault(call);
    if (fault === 'drop-before' || fault === 'offline') return fail(network('unknown'));
    if (fault === '500') return fail(http(500, { detail: 'Server Error' }));
    if (fault === '429') return fail(rateLimited());
    const record = body as Record<string, unknown>;
    if (resource === 'appointments') {
      const clash = this.clash(record, null);
      if (clash) return fail(http(409, { detail: `Overlaps appointment ${String(clash.id)}` }));
    }
    const row = this.seed(resource, { ...record, id: undefined });
    if (fault === 'drop-after') return fail(network('unknown'));
    return { ok: true, value: schema.parse(structuredClone(row)), status: 201 };
  }

  async patch(path: string, body: Record<string, unknown>): Promise<ApiResult<null>> {
    await Promise.resolve();
    const call = { method: 'PATCH', path, body };
    const fault = this.takeFault(call);
    if (fault === 'drop-before' || fault === 'offline') return fail(network('no'));
    if (fault === '500') return fail(http(500, { detail: 'Server Error' }));
    if (fault === '429') return fail(rateLimited());
    const [resource, id] = split(path);
    const row = id === undefined ? undefined : this.table(resource).get(id);
    if (!row || row.deleted_flag === true) return fail(http(404, { detail: 'Not found.' }));
    if (resource === 'appointments') {
      const clash = this.clash({ ...row, ...body }, String(row.id));
      if (clash) return fail(http(409, { detail: `Overlaps appointment ${String(clash.id)}` }));
    }
    Object.assign(row, body, { updated_at: this.stamp() });
    if (fault === 'drop-after') return fail(network('unknown'));
    return { ok: true, value: null, status: 204 };
  }

  put(path: string, body: Record<string, unknown>): Promise<ApiResult<null>> {
    return this.patch(path, body);
  }

  async remove(path: string): Promise<ApiResult<null>> {
    await Promise.resolve();
    const call = { method: 'DELETE', path };
    const fault = this.takeFault(call);
    if (fault === 'drop-before' || fault === 'offline') return fail(network('no'));
    if (fault === '500') return fail(http(500, { detail: 'Server Error' }));
    if (fault === '429') return fail(rateLimited());
    const [resource, id] = split(path);
    const row = id === undefined ? undefined : this.table(resource).get(id);
    if (!row || row.deleted_flag === true) return fail(http(404, { detail: 'Not found.' }));
    if (resource === 'appointments')
      Object.assign(row, { deleted_flag: true, updated_at: this.stamp() });
    else this.table(resource).delete(id as string);
    if (fault === 'drop-after') return fail(network('unknown'));
    return { ok: true, value: null, status: 204 };
  }

  // ---- internals ----

  private stamp(): string {
    return instantToWall(this.clock.now(), this.zone);
  }

  private fault<T>(call: FakeCall, idempotent: boolean): ApiResult<T> | null {
    const fault = this.takeFault(call);
    if (!fault) return null;
    if (fault === '500') return fail(http(500, { detail: 'Server Error' }));
    if (fault === '429') return fail(rateLimited());
    return fail(network(idempotent ? 'no' : 'unknown'));
  }

  private takeFault(call: FakeCall): Fault | null {
    this.calls.push(call);
    if (this.offline) return 'offline';
    return this.faults.shift() ?? this.faultFor?.(call) ?? null;
  }

  private filter(resource: string, query: Query): Row[] {
    let rows = [...this.table(resource).values()];
    const q = (k: string) =>
      query[k] === undefined || query[k] === null ? undefined : String(query[k]);
    const date = q('date');
    const range = q('date_range');
    const since = q('since');
    if (resource === 'appointments') {
      if (!date && !range && !since) return [];
      if (!since) rows = rows.filter((r) => r.deleted_flag !== true);
    }
    if (date) rows = rows.filter((r) => String(r.scheduled_time).slice(0, 10) === date);
    if (range) {
      const [from, to] = range.split('/') as [string, string];
      rows = rows.filter((r) => {
        const d = String(r.scheduled_time).slice(0, 10);
        return d >= from && d <= to;
      });
    }
    if (since)
      rows = rows.filter((r) => normalizeWall(String(r.updated_at)) >= normalizeWall(since));
    for (const key of ['office', 'doctor', 'patient', 'appointment', 'date_of_birth']) {
      const v = q(key);
      if (v !== undefined) rows = rows.filter((r) => String(r[key]) === v);
    }
    for (const key of ['first_name', 'last_name']) {
      const v = q(key)?.toLowerCase();
      if (v !== undefined) rows = rows.filter((r) => text(r[key]).toLowerCase().includes(v));
    }
    return rows;
  }

  private clash(record: Record<string, unknown>, self: string | null): Row | null {
    const start = wallToUtcMs(String(record.scheduled_time));
    const end = start + Number(record.duration) * 60_000;
    for (const row of this.table('appointments').values()) {
      if (String(row.id) === self || row.deleted_flag === true || row.status === 'Cancelled')
        continue;
      if (row.office !== record.office || row.exam_room !== record.exam_room) continue;
      const s = wallToUtcMs(String(row.scheduled_time));
      const e = s + Number(row.duration) * 60_000;
      if (s < end && start < e) return row;
    }
    return null;
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function split(path: string): [string, string | undefined] {
  const parts = path
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean);
  return [parts[0] ?? '', parts[1] === undefined ? undefined : decodeURIComponent(parts[1])];
}

function fail<T>(failure: ApiFailure): ApiResult<T> {
  return { ok: false, failure };
}

function http(status: number, body: unknown): ApiFailure {
  return { kind: 'http', status, body, message: `HTTP ${String(status)}` };
}

function network(committed: 'no' | 'unknown'): ApiFailure {
  return { kind: 'network', committed, message: 'Connection dropped' };
}

function rateLimited(): ApiFailure {
  return { kind: 'rate_limited', retryAfterSeconds: 2, message: 'Expected available in 2 seconds' };
}
