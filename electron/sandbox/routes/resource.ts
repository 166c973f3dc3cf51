import { z } from 'zod';
import { ApiError, empty, json, methodNotAllowed, notFound } from '../http';
import { str, type Doc, type JsonRecord } from '../model';
import { isVerbose, paginate } from '../paginate';
import type { Ctx, Handler, Method, Route } from '../router';
import { route } from '../router';
import type { Table } from '../store';
import { formatStamp } from '../time';
import { bodyItems, bodyObject, flag, pickKnown, tryCheck } from '../validate';
import { instantParam, intParam } from './query';

/**
 * One definition per plain CRUD resource: its write schema, filters, verbose keys and how it
 * deletes. Endpoints with real logic (appointments, line items, payments) have their own files
 * but reuse the pieces exported here.
 */
export interface ResourceSpec {
  path: string;
  table: (ctx: Ctx) => Table<number, Doc>;
  methods: readonly Method[];
  /** Writable fields; wrap optional ones in `.optional()`. PATCH makes them all optional. */
  shape?: Record<string, z.ZodType>;
  /** Keys a client may send but that are never written (DRF ignores read-only fields). */
  readOnly?: readonly string[];
  defaults?: (ctx: Ctx) => JsonRecord;
  verboseKeys?: readonly string[];
  /** Hidden unless `show_archived`; DELETE archives instead of removing. */
  archivable?: boolean;
  /** DELETE marks the row deleted (hidden, 404 afterwards; listed as archived with `show_archived`). */
  softDelete?: boolean;
  filters?: Record<string, (doc: Doc, ctx: Ctx) => boolean>;
  /** Names of the output stamp keys; false leaves a stamp out. */
  stamps?: { created?: string | false; updated?: string | false };
  /** Cross-field checks on the merged record; throw ApiError to refuse. */
  validate?: (ctx: Ctx, data: JsonRecord, existing: Doc | undefined) => void;
  /** Adds computed fields to the output. */
  present?: (ctx: Ctx, doc: Doc, out: JsonRecord) => void;
  /** Replaces the output entirely (for summary views). */
  view?: (ctx: Ctx, doc: Doc) => JsonRecord;
  /** Runs before any write (for switches such as tasksWritable). */
  guardWrite?: (ctx: Ctx) => void;
  /** Runs before listing (for parameters that need each other). */
  guardList?: (ctx: Ctx) => void;
  /** Hides rows from lists (not from GET by id), e.g. inactive patients. */
  hidden?: (ctx: Ctx, doc: Doc) => boolean;
  /** False drops keys the schema does not know instead of keeping them for round trips. */
  keepUnknown?: boolean;
  /** Normalises a validated write before it is merged (e.g. fill nested objects). */
  prepare?: (ctx: Ctx, parsed: JsonRecord) => JsonRecord;
  afterWrite?: (ctx: Ctx, doc: Doc) => void;
}

const alwaysReadOnly = ['id', 'created_at', 'updated_at', 'archived_at'];

export function presentDoc(spec: ResourceSpec, ctx: Ctx, doc: Doc): JsonRecord {
  if (spec.view) return spec.view(ctx, doc);
  const out: JsonRecord = { id: doc.id };
  const verbose = isVerbose(ctx);
  const hidden = new Set(verbose ? [] : (spec.verboseKeys ?? []));
  for (const [k, v] of Object.entries(doc.data)) if (!hidden.has(k)) out[k] = v;
  const created = spec.stamps?.created ?? 'created_at';
  const updated = spec.stamps?.updated ?? 'updated_at';
  if (created) out[created] = formatStamp(doc.createdMs, ctx.env.timezone);
  if (updated) out[updated] = formatStamp(doc.updatedMs, ctx.env.timezone);
  // The reference's word for a soft-deleted object; a deleted row is only listed with show_archived.
  if (doc.deleted) out.archived = true;
  spec.present?.(ctx, doc, out);
  return out;
}

/**
 * Whether a list includes deleted and archived rows: only with `show_archived`, and for `since`
 * lists only while the `sinceReportsDeletions` switch is on (off, a drchrono that never says).
 */
export function listsRemoved(ctx: Ctx, since: number | undefined): boolean {
  return (
    flag(ctx.query.get('show_archived')) &&
    (since === undefined || ctx.env.switches.sinceReportsDeletions)
  );
}

export function listDocs(spec: ResourceSpec, ctx: Ctx): Doc[] {
  spec.guardList?.(ctx);
  const since = instantParam(ctx, 'since');
  const removed = listsRemoved(ctx, since);
  const filters = Object.entries(spec.filters ?? {}).filter(([name]) => ctx.query.has(name));
  const doctor = spec.filters?.doctor ? undefined : intParam(ctx, 'doctor');
  return spec
    .table(ctx)
    .all()
    .filter(
      (doc) =>
        (!doc.deleted || removed) &&
        !spec.hidden?.(ctx, doc) &&
        (since === undefined || doc.updatedMs >= since) &&
        (!spec.archivable || removed || doc.data.archived !== true) &&
        (doctor === undefined || !('doctor' in doc.data) || doc.data.doctor === doctor) &&
        filters.every(([, keep]) => keep(doc, ctx)),
    );
}

function getDoc(spec: ResourceSpec, ctx: Ctx): Doc {
  const raw = ctx.params.id ?? '';
  const doc = /^\d+$/.test(raw) ? spec.table(ctx).get(Number(raw)) : undefined;
  if (!doc || doc.deleted) throw notFound();
  return doc;
}

function writeSchemas(spec: ResourceSpec): {
  full: z.ZodType<JsonRecord>;
  partial: z.ZodType<JsonRecord>;
} {
  const shape = spec.shape ?? {};
  const partial: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(shape)) partial[k] = v.optional();
  return {
    full: z.object(shape),
    partial: z.object(partial),
  };
}

export function resource(spec: ResourceSpec): Route[] {
  const { full, partial } = writeSchemas(spec);
  const known = new Set(Object.keys(spec.shape ?? {}));
  const readOnly = new Set([...alwaysReadOnly, ...(spec.readOnly ?? [])]);

  const parse = (ctx: Ctx, input: JsonRecord, schema: z.ZodType<JsonRecord>, existing?: Doc) => {
    const split = pickKnown(input, known, readOnly);
    const result = tryCheck(schema, split.known);
    if (!result.ok) return result;
    const parsed = spec.prepare ? spec.prepare(ctx, result.value) : result.value;
    const data: JsonRecord = {
      ...(existing ? existing.data : spec.defaults?.(ctx)),
      ...(spec.keepUnknown === false ? {} : split.extra),
      ...parsed,
    };
    try {
      spec.validate?.(ctx, data, existing);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400)
        return { ok: false as const, errors: err.body as JsonRecord };
      throw err;
    }
    return { ok: true as const, value: data };
  };

  const list: Handler = (ctx) =>
    paginate(ctx, listDocs(spec, ctx), (d) => presentDoc(spec, ctx, d));
  const get: Handler = (ctx) => json(200, presentDoc(spec, ctx, getDoc(spec, ctx)));

  const create: Handler = (ctx) => {
    spec.guardWrite?.(ctx);
    const { items, many } = bodyItems(ctx.body);
    const results = items.map((item) => parse(ctx, item, full));
    if (results.some((r) => !r.ok)) {
      const errors = results.map((r) => (r.ok ? {} : r.errors));
      throw new ApiError(400, many ? errors : errors[0]);
    }
    const docs = results.map((r) => {
      const data = r.ok ? r.value : {};
      const doc = spec
        .table(ctx)
        .create((id) => ({ id, data, createdMs: ctx.now, updatedMs: ctx.now }));
      spec.afterWrite?.(ctx, doc);
      return presentDoc(spec, ctx, doc);
    });
    return json(201, many ? docs : docs[0]);
  };

  const update =
    (schema: z.ZodType<JsonRecord>): Handler =>
    (ctx) => {
      spec.guardWrite?.(ctx);
      const doc = getDoc(spec, ctx);
      const result = parse(ctx, bodyObject(ctx.body), schema, doc);
      if (!result.ok) throw new ApiError(400, result.errors);
      doc.data = result.value;
      doc.updatedMs = ctx.now;
      spec.afterWrite?.(ctx, doc);
      return empty(204);
    };

  const remove: Handler = (ctx) => {
    spec.guardWrite?.(ctx);
    const doc = getDoc(spec, ctx);
    if (spec.archivable) doc.data.archived = true;
    else if (spec.softDelete) doc.deleted = true;
    else throw methodNotAllowed('DELETE');
    doc.updatedMs = ctx.now;
    return empty(204);
  };

  const has = (m: Method) => spec.methods.includes(m);
  const collection: Partial<Record<Method, Handler>> = {};
  const item: Partial<Record<Method, Handler>> = {};
  if (has('GET')) {
    collection.GET = list;
    item.GET = get;
  }
  if (has('POST')) collection.POST = create;
  if (has('PUT')) item.PUT = update(full);
  if (has('PATCH')) item.PATCH = update(partial);
  if (has('DELETE')) item.DELETE = remove;
  return [route(spec.path, collection), route(`${spec.path}/:id`, item)];
}

/** Filter helpers for specs. */
export const byInt =
  (param: string, field = param) =>
  (doc: Doc, ctx: Ctx): boolean => {
    const value = intParam(ctx, param);
    return value === undefined || doc.data[field] === value;
  };

export const idOf = (value: unknown): number | undefined =>
  typeof value === 'number'
    ? value
    : typeof value === 'string' && /^\d+$/.test(value)
      ? Number(value)
      : undefined;

/** DRF's message for a reference to a row that does not exist. */
export function requireExisting(table: Table<number, Doc>, field: string, value: unknown): void {
  if (value === null || value === undefined) return;
  const id = idOf(value);
  const row = id === undefined ? undefined : table.get(id);
  if (!row || row.deleted)
    throw new ApiError(400, {
      [field]: [`Invalid pk "${str(value) || JSON.stringify(value)}" - object does not exist.`],
    });
}
