import { ApiError, json } from './http';
import type { Ctx } from './router';
import { flag } from './validate';

const defaultPageSize = 250;
const verbosePageSize = 50;

export const isVerbose = (ctx: Ctx): boolean => flag(ctx.query.get('verbose'));

/**
 * `{next, previous, results}` as the reference describes: 250 a page, lowered by `page_size`,
 * capped at 50 with `verbose=true`; `next`/`previous` are absolute URLs on this host that keep
 * every other query parameter. Only the page is serialized, which keeps big lists cheap.
 */
export function paginate<T>(
  ctx: Ctx,
  items: readonly T[],
  present: (item: T) => unknown,
): Response {
  const cap = isVerbose(ctx) ? verbosePageSize : defaultPageSize;
  const asked = Number(ctx.query.get('page_size'));
  const size = Number.isInteger(asked) && asked > 0 ? Math.min(asked, cap) : cap;
  const rawPage = ctx.query.get('page');
  const page = rawPage === null ? 1 : Number(rawPage);
  const pages = Math.max(1, Math.ceil(items.length / size));
  if (!Number.isInteger(page) || page < 1 || page > pages)
    throw new ApiError(404, { detail: 'Invalid page.' });
  const results = items.slice((page - 1) * size, page * size).map(present);
  return json(200, {
    next: page < pages ? pageUrl(ctx, page + 1) : null,
    previous: page > 1 ? pageUrl(ctx, page - 1) : null,
    results,
  });
}

function pageUrl(ctx: Ctx, page: number): string {
  const params = new URLSearchParams(ctx.query);
  // DRF leaves `page` out of the link to the first page.
  if (page === 1) params.delete('page');
  else params.set('page', String(page));
  const query = params.toString();
  const origin = ctx.env.switches.pageLinkOrigin ?? ctx.baseUrl;
  return `${origin}${ctx.url.pathname}${query ? `?${query}` : ''}`;
}
