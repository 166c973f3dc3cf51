import { fieldError } from '../http';
import type { Ctx } from '../router';
import { isDate, wallToInstant } from '../time';

/** Query parameters, checked the way DRF filters check them: a bad value is a 400 naming it. */

export function intParam(ctx: Ctx, name: string): number | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw.trim())) throw fieldError(name, 'Enter a whole number.');
  return Number(raw);
}

export function intListParam(ctx: Ctx, name: string): number[] | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return undefined;
  const parts = raw.split(',').map((p) => p.trim());
  if (!parts.every((p) => /^-?\d+$/.test(p))) throw fieldError(name, 'Enter a whole number.');
  return parts.map(Number);
}

export function dateParam(ctx: Ctx, name: string): string | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!isDate(raw.trim())) throw fieldError(name, 'Enter a valid date.');
  return raw.trim();
}

/** `since` and friends: a timezone-less timestamp (or a date) in the practice zone → instant. */
export function instantParam(ctx: Ctx, name: string): number | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return undefined;
  const ms = wallToInstant(raw.trim(), ctx.env.timezone);
  if (ms === undefined) throw fieldError(name, 'Enter a valid date/time.');
  return ms;
}

export function dateRangeParam(ctx: Ctx, name: string): [string, string] | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return undefined;
  const [from = '', to = '', ...rest] = raw.split('/').map((p) => p.trim());
  if (rest.length > 0 || !isDate(from) || !isDate(to))
    throw fieldError(name, 'Enter a date range like 2014-02-24/2014-02-28.');
  if (to < from) throw fieldError(name, 'The range ends before it starts.');
  return [from, to];
}

export function textParam(ctx: Ctx, name: string): string | undefined {
  const raw = ctx.query.get(name);
  return raw === null || raw === '' ? undefined : raw;
}
