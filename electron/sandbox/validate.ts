import { z } from 'zod';
import { parseMoney } from './decimal';
import { ApiError, isRecord, type ParsedBody } from './http';
import { carriesZone, isDate, parseTimeOfDay, parseWall } from './time';

/**
 * zod building blocks that accept what DRF accepts (numbers as strings from form bodies, "True",
 * empty strings for null integers) and error messages that read like DRF's, keyed by field.
 */

const intLike = (v: unknown): unknown =>
  typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v;

const boolLike = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  const t = v.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(t)) return true;
  if (['false', '0', 'no', 'off', ''].includes(t)) return false;
  return v;
};

export const int = (): z.ZodType<number> => z.preprocess(intLike, z.number().int());
export const positiveInt = (): z.ZodType<number> => z.preprocess(intLike, z.number().int().min(1));
export const intOrNull = (): z.ZodType<number | null> =>
  z.preprocess((v) => (v === '' ? null : intLike(v)), z.number().int().nullable());
export const bool = (): z.ZodType<boolean> => z.preprocess(boolLike, z.boolean());
export const text = (): z.ZodType<string> =>
  z.preprocess((v) => (v === null ? '' : typeof v === 'number' ? String(v) : v), z.string());
export const requiredText = (): z.ZodType<string> =>
  z.string().trim().min(1, 'This field may not be blank.');

export const choice = <const T extends readonly [string, ...string[]]>(
  values: T,
): z.ZodType<T[number]> =>
  z.string().refine((v): v is T[number] => values.includes(v), {
    error: (iss) => `"${String(iss.input)}" is not a valid choice.`,
  });

export const date = (): z.ZodType<string> =>
  z.string().refine(isDate, 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.');

/** `null` clears a date; `""` is refused as DRF's DateField refuses it in JSON. */
export const dateOrNull = (): z.ZodType<string | null> => date().nullable();

/** A drchrono timestamp: wall clock, no zone. A `Z` or an offset is refused, not converted. */
export const timestamp = (): z.ZodType<string> =>
  z.string().transform((value, ctx) => {
    if (carriesZone(value)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'Timestamps carry no timezone: send the wall-clock time in the practice timezone, like 2014-02-24T15:32:19.',
      });
      return z.NEVER;
    }
    const wall = parseWall(value.trim());
    if (!wall) {
      ctx.addIssue({
        code: 'custom',
        message:
          'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss].',
      });
      return z.NEVER;
    }
    return wall.text;
  });

export const timeOfDay = (): z.ZodType<string> =>
  z.string().transform((value, ctx) => {
    const minutes = parseTimeOfDay(value.trim());
    if (minutes === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'Time has wrong format. Use one of these formats instead: hh:mm[:ss].',
      });
      return z.NEVER;
    }
    const [h = '00', m = '00', s = '00'] = value.trim().split(':');
    return `${h.padStart(2, '0')}:${m}:${s}`;
  });

export const decimal = (): z.ZodType<string> =>
  z.unknown().transform((value, ctx) => {
    const money = parseMoney(value);
    if (money === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: value === undefined ? 'This field is required.' : 'A valid number is required.',
      });
      return z.NEVER;
    }
    return money;
  });

function drfMessage(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return 'This field is required.';
      if (iss.input === null) return 'This field may not be null.';
      const expected = iss.expected;
      if (expected === 'number' || expected === 'int') return 'A valid integer is required.';
      if (expected === 'boolean') return 'Must be a valid boolean.';
      if (expected === 'string') return 'Not a valid string.';
      if (expected === 'array')
        return `Expected a list of items but got type "${typeof iss.input}".`;
      if (expected === 'object')
        return `Invalid data. Expected a dictionary, but got ${typeof iss.input}.`;
      return 'Invalid value.';
    }
    case 'invalid_value':
      return `"${String(iss.input)}" is not a valid choice.`;
    case 'too_small':
      if (iss.origin === 'string') return 'This field may not be blank.';
      if (iss.origin === 'array') return 'This list may not be empty.';
      return `Ensure this value is greater than or equal to ${String(iss.minimum)}.`;
    case 'too_big':
      return `Ensure this value is less than or equal to ${String(iss.maximum)}.`;
    default:
      return undefined;
  }
}

export type FieldErrors = Record<string, unknown>;

/** DRF's error shape: `{"field": ["msg"], "nested": {"key": ["msg"]}, "non_field_errors": [...]}`. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: Record<string, unknown> = {};
  for (const issue of issues) {
    const [head, ...rest] = issue.path;
    const key = head === undefined ? 'non_field_errors' : String(head);
    if (rest.length === 0) {
      const list = Array.isArray(out[key]) ? (out[key] as string[]) : [];
      if (!list.includes(issue.message)) list.push(issue.message);
      out[key] = list;
    } else {
      const nested = isRecord(out[key]) ? out[key] : {};
      const sub = rest.map(String).join('.');
      const list = Array.isArray(nested[sub]) ? (nested[sub] as string[]) : [];
      list.push(issue.message);
      nested[sub] = list;
      out[key] = nested;
    }
  }
  return out;
}

export function check<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input, { error: drfMessage });
  if (!result.success) throw new ApiError(400, fieldErrors(result.error.issues));
  return result.data;
}

/** Like `check`, but returns the errors instead of throwing (for list POSTs). */
export function tryCheck<T>(
  schema: z.ZodType<T>,
  input: unknown,
): { ok: true; value: T } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(input, { error: drfMessage });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: fieldErrors(result.error.issues) };
}

/** The body as an object (form or JSON), or a DRF-shaped 400. */
export function bodyObject(body: ParsedBody): Record<string, unknown> {
  if (body.kind === 'invalid') {
    const unsupported = body.error?.startsWith('Unsupported media type') ?? false;
    throw new ApiError(unsupported ? 415 : 400, { detail: body.error ?? 'Malformed body.' });
  }
  if (body.kind === 'none') return {};
  if (!isRecord(body.value)) {
    const got = Array.isArray(body.value) ? 'list' : typeof body.value;
    throw new ApiError(400, {
      non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`],
    });
  }
  return body.value;
}

/** POST bodies may be one object or (JSON only) a list of them. */
export function bodyItems(body: ParsedBody): { items: Record<string, unknown>[]; many: boolean } {
  if (body.kind === 'json' && Array.isArray(body.value)) {
    const items = body.value.map((item) => {
      if (!isRecord(item))
        throw new ApiError(400, {
          non_field_errors: ['Invalid data. Expected a dictionary, but got a list item.'],
        });
      return item;
    });
    return { items, many: true };
  }
  return { items: [bodyObject(body)], many: false };
}

/** Splits a write into the keys a schema knows and the rest, which are kept for round trips. */
export function pickKnown(
  input: Record<string, unknown>,
  known: ReadonlySet<string>,
  readOnly: ReadonlySet<string>,
): { known: Record<string, unknown>; extra: Record<string, unknown> } {
  const k: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (readOnly.has(key) || key === '__proto__' || key === 'constructor' || key === 'prototype')
      continue;
    if (known.has(key)) k[key] = value;
    else extra[key] = value;
  }
  return { known: k, extra };
}

/** Query flags like `show_archived` count when present, unless spelled as a false value. */
export const flag = (value: string | null): boolean =>
  value !== null && !['false', '0', 'no', 'off'].includes(value.trim().toLowerCase());
