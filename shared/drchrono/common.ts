import { z } from 'zod';

/**
 * Building blocks for drchrono's wire formats. Records are `looseObject`s: drchrono adds fields
 * without notice (its stability policy says so), and a record we write back must keep every field
 * we did not understand.
 */

/** `2014-02-24T15:32:19`: wall-clock time in the practice's zone, never with `Z` or an offset. */
export const naiveTimestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/;
export const naiveTimestamp = z
  .string()
  .regex(naiveTimestampPattern, 'Expected a time like 2026-11-22T09:30:00, with no timezone');

export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
export const isoDate = z.string().regex(isoDatePattern, 'Expected a date like 2026-11-22');

/**
 * A date a form may clear: a date, or "" (an empty box) or null in; the date or null out. drchrono
 * is a Django REST framework service, whose date fields refuse "" with 400 "Date has wrong
 * format": a cleared date must travel as null.
 */
export const clearableDate = z
  .union([isoDate, z.literal(''), z.null()])
  .transform((v) => (v === '' ? null : v));

/** `12:34:56` (seconds optional). */
export const timeOfDay = z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/, 'Expected a time like 09:30');

/** drchrono returns decimals as strings ("123.45") and accepts numbers or strings. */
export const decimalString = z.union([z.string(), z.number()]).transform((v) => String(v));
export const decimalInput = z
  .string()
  .trim()
  .regex(/^-?\d{1,9}(\.\d{1,2})?$/, 'Enter an amount like 25 or 25.00');

/** Appointment ids are strings ("usually numeric, but not always"); normalise numbers to strings. */
export const stringId = z.union([z.string(), z.number()]).transform((v) => String(v));

export const nullableString = z.string().nullish();
export const nullableInt = z.int().nullish();

export function paginatedSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    next: z.string().nullish(),
    previous: z.string().nullish(),
    results: z.array(item),
  });
}
