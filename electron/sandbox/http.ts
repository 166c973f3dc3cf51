/**
 * Response helpers and the request-body reader. Handlers throw `ApiError` for every refusal so
 * the router can turn it into the JSON body DRF would send, with one code path for all of them.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** 204 and friends: drchrono answers PUT, PATCH and DELETE with no body at all. */
export function empty(status = 204): Response {
  return new Response(null, { status });
}

export function html(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
  });
}

export function redirect(location: string, status = 302): Response {
  return new Response(null, { status, headers: { location } });
}

export const notFound = (): ApiError => new ApiError(404, { detail: 'Not found.' });

export const methodNotAllowed = (method: string, allow?: string[]): ApiError =>
  new ApiError(
    405,
    { detail: `Method "${method}" not allowed.` },
    allow ? { allow: allow.join(', ') } : {},
  );

export const badRequest = (body: unknown): ApiError => new ApiError(400, body);

/** One field error, DRF style: `{"field": ["message"]}`. */
export const fieldError = (field: string, message: string): ApiError =>
  new ApiError(400, { [field]: [message] });

export type BodyKind = 'none' | 'json' | 'form' | 'invalid';

export interface ParsedBody {
  kind: BodyKind;
  /** JSON value, or a record of strings for form bodies; undefined when there is none. */
  value: unknown;
  /** Why an `invalid` body was refused. */
  error?: string;
  /** Multipart uploads: the files by field name (`value` holds only their names, for the log). */
  files?: Record<string, UploadedFile>;
}

export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** Reads the body once; both the request log and the handler use the result. */
export async function readBody(request: Request): Promise<ParsedBody> {
  if (request.method === 'GET' || request.method === 'HEAD')
    return { kind: 'none', value: undefined };
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  try {
    if (type.startsWith('multipart/form-data')) {
      const form = await request.formData();
      const value: Record<string, string> = {};
      const files: Record<string, UploadedFile> = {};
      for (const [k, v] of form.entries()) {
        if (typeof v === 'string') {
          value[k] = v;
          continue;
        }
        value[k] = v.name;
        files[k] = { name: v.name, type: v.type, bytes: new Uint8Array(await v.arrayBuffer()) };
      }
      return { kind: 'form', value, files };
    }
    const text = await request.text();
    if (text.trim() === '') return { kind: 'none', value: undefined };
    if (type.startsWith('application/x-www-form-urlencoded')) {
      return { kind: 'form', value: Object.fromEntries(new URLSearchParams(text)) };
    }
    if (type.startsWith('application/json') || type === '' || type.endsWith('+json')) {
      return { kind: 'json', value: JSON.parse(text) as unknown };
    }
    return { kind: 'invalid', value: text, error: `Unsupported media type "${type}" in request.` };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { kind: 'invalid', value: undefined, error: `JSON parse error - ${message}` };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Query parameters as a plain object for the request log (repeated keys become arrays). */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
