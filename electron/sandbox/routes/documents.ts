import { z } from 'zod';
import { ApiError, empty, json, notFound, type ParsedBody, type UploadedFile } from '../http';
import { signedMediaUrl } from '../media';
import type { Doc, JsonRecord } from '../model';
import { paginate } from '../paginate';
import { route, type Ctx, type Route } from '../router';
import { formatStamp } from '../time';
import { bodyObject, check, date, int, pickKnown, requiredText } from '../validate';
import { instantParam, intParam } from './query';
import { listsRemoved } from './resource';

/**
 * `/api/documents` as the reference documents it: a patient's files, uploaded as multipart with
 * `document`, `doctor`, `patient`, `date`, `description` and a JSON-quoted `metatags` list, listed
 * by patient or doctor and returned with `document` as a URL (signed, see media.ts).
 */

/** DRF's message when a file field gets text, e.g. a JSON body. */
const notAFile = 'The submitted data was not a file. Check the encoding type on the form.';

const metatags = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return Symbol('invalid');
    }
  },
  z.array(z.string().max(100), { error: 'Value must be valid JSON.' }),
);

const shape = {
  date: date(),
  description: requiredText(),
  doctor: int(),
  patient: int(),
  metatags: metatags.optional(),
};
const readOnly = new Set(['id', 'updated_at', 'document']);

function present(ctx: Ctx, doc: Doc): JsonRecord {
  const file = ctx.env.db.documentFiles.get(doc.id);
  return {
    id: doc.id,
    ...doc.data,
    document: file ? signedMediaUrl(ctx.baseUrl, doc.id, file.name, ctx.now) : null,
    updated_at: formatStamp(doc.updatedMs, ctx.env.timezone),
    ...(doc.deleted ? { archived: true } : {}),
  };
}

function fileOf(body: ParsedBody): UploadedFile {
  const file = body.files?.document;
  if (!file) {
    const sent = isRecordWith(body.value, 'document');
    throw new ApiError(400, {
      document: [sent ? notAFile : 'No file was submitted.'],
    });
  }
  if (file.bytes.byteLength === 0)
    throw new ApiError(400, { document: ['The submitted file is empty.'] });
  return file;
}

function isRecordWith(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && key in value;
}

function parse(ctx: Ctx, partial: boolean): { data: JsonRecord; extra: JsonRecord } {
  const split = pickKnown(bodyObject(ctx.body), new Set(Object.keys(shape)), readOnly);
  const schema = partial ? z.object(shape).partial() : z.object(shape);
  const data: { doctor?: number | undefined; patient?: number | undefined } & JsonRecord = check(
    schema,
    split.known,
  );
  const { db } = ctx.env;
  if (data.doctor !== undefined && !db.doctors.get(data.doctor))
    throw new ApiError(400, {
      doctor: [`Invalid pk "${String(data.doctor)}" - object does not exist.`],
    });
  if (data.patient !== undefined && !db.patients.get(data.patient))
    throw new ApiError(400, {
      patient: [`Invalid pk "${String(data.patient)}" - object does not exist.`],
    });
  return { data, extra: split.extra };
}

function create(ctx: Ctx): Response {
  const file = fileOf(ctx.body);
  const { data, extra } = parse(ctx, false);
  const doc = ctx.env.db.documents.create((id) => ({
    id,
    data: { ...extra, metatags: [], ...data },
    createdMs: ctx.now,
    updatedMs: ctx.now,
  }));
  ctx.env.db.documentFiles.set(doc.id, file);
  return json(201, present(ctx, doc));
}

function getDoc(ctx: Ctx): Doc {
  const raw = ctx.params.id ?? '';
  const doc = /^\d+$/.test(raw) ? ctx.env.db.documents.get(Number(raw)) : undefined;
  if (!doc || doc.deleted) throw notFound();
  return doc;
}

function update(partial: boolean) {
  return (ctx: Ctx): Response => {
    const doc = getDoc(ctx);
    const { data, extra } = parse(ctx, partial);
    const file = ctx.body.files?.document;
    if (!partial && !file) fileOf(ctx.body);
    if (file) ctx.env.db.documentFiles.set(doc.id, fileOf(ctx.body));
    doc.data = { ...doc.data, ...extra, ...data };
    doc.updatedMs = ctx.now;
    return empty(204);
  };
}

function list(ctx: Ctx): Response {
  const patient = intParam(ctx, 'patient');
  const doctor = intParam(ctx, 'doctor');
  const since = instantParam(ctx, 'since');
  const removed = listsRemoved(ctx, since);
  const found = ctx.env.db.documents
    .all()
    .filter(
      (d) =>
        (!d.deleted || removed) &&
        (patient === undefined || d.data.patient === patient) &&
        (doctor === undefined || d.data.doctor === doctor) &&
        (since === undefined || d.updatedMs >= since),
    );
  return paginate(ctx, found, (d) => present(ctx, d));
}

export const documentRoutes: Route[] = [
  route('/api/documents', { GET: list, POST: create }),
  route('/api/documents/:id', {
    GET: (ctx) => json(200, present(ctx, getDoc(ctx))),
    PUT: update(false),
    PATCH: update(true),
    DELETE: (ctx) => {
      const doc = getDoc(ctx);
      doc.deleted = true;
      doc.updatedMs = ctx.now;
      return empty(204);
    },
  }),
];
