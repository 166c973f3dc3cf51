import type { BodyKind } from './types';

export interface EncodedBody {
  /** Reusable as is for every retry and redirect hop (a string, URLSearchParams or FormData). */
  body: string | URLSearchParams | FormData | undefined;
  /** Undefined for multipart: fetch writes the boundary itself. */
  contentType: string | undefined;
}

type Scalar = string | number | boolean;

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function fieldsOf(body: unknown): [string, unknown][] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new TypeError('Form and multipart bodies must be objects of fields.');
  }
  return Object.entries(body).filter(([, v]) => v !== undefined && v !== null);
}

/**
 * drchrono takes JSON (nested objects, lists), form fields (the OAuth endpoints, simple writes)
 * and multipart (files). Strings are omitted-quote form values; lists repeat the key, as Django
 * reads them.
 */
export function encodeBody(body: unknown, kind: BodyKind): EncodedBody {
  if (body === undefined) return { body: undefined, contentType: undefined };
  if (kind === 'json') return { body: JSON.stringify(body), contentType: 'application/json' };
  if (kind === 'form') {
    if (body instanceof URLSearchParams) {
      return { body, contentType: 'application/x-www-form-urlencoded;charset=UTF-8' };
    }
    const form = new URLSearchParams();
    for (const [key, value] of fieldsOf(body)) {
      for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
        if (!isScalar(item)) throw new TypeError(`Form field “${key}” must be a plain value.`);
        form.append(key, String(item));
      }
    }
    return { body: form, contentType: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  if (body instanceof FormData) return { body, contentType: undefined };
  const data = new FormData();
  for (const [key, value] of fieldsOf(body)) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item instanceof Blob) data.append(key, item, item instanceof File ? item.name : key);
      else if (isScalar(item)) data.append(key, String(item));
      else throw new TypeError(`Multipart field “${key}” must be a plain value or a file.`);
    }
  }
  return { body: data, contentType: undefined };
}
