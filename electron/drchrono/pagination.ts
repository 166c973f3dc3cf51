import { z } from 'zod';
import { describeIssues, pageMismatch, reportMismatches } from '../diagnostics/schema-issues';
import type { CallObserver } from './observer';
import type { ApiRequest, ApiResult, ListOptions, ListResult, Query } from './types';
import { onConfiguredHost, withQuery } from './urls';

const DEFAULT_MAX_PAGES = 400;

// `results` per the v4 reference; `data` in some copies of the spec. Either is accepted.
const pageShape = z.looseObject({
  next: z.string().nullish(),
  results: z.array(z.unknown()).optional(),
  data: z.array(z.unknown()).optional(),
});

/**
 * Walks `next` exactly as drchrono gives it (it carries the filters and the page number), but
 * only on the configured origin, never twice to the same URL, and at most `maxPages` times.
 * A record that fails its schema is counted and skipped: one odd patient must not blank the roster.
 */
export async function listAll<T>(
  deps: {
    base: URL;
    request: (req: ApiRequest) => Promise<ApiResult<unknown>>;
    observer?: Pick<CallObserver, 'schemaMismatch'> | undefined;
  },
  path: string,
  item: z.ZodType<T>,
  query: Query | undefined,
  options: ListOptions = {},
): Promise<ApiResult<ListResult<T>>> {
  const { pageSize, maxPages = DEFAULT_MAX_PAGES, verbose, ...requestOptions } = options;
  const first = onConfiguredHost(deps.base, path);
  if (first === null) {
    return {
      ok: false,
      failure: {
        kind: 'redirect_refused',
        location: path,
        message: 'Frontdesk sends requests only to the configured drchrono server.',
      },
    };
  }
  const start = withQuery(first, { ...query, page_size: pageSize, verbose });
  const visited = new Set<string>();
  const items: T[] = [];
  let skipped = 0;
  let pages = 0;
  let status = 200;
  let url: URL = start;
  while (!visited.has(url.href)) {
    if (pages >= maxPages) {
      return { ok: true, value: { items, skipped, pages, next: url.href }, status };
    }
    visited.add(url.href);
    const result = await deps.request({ ...requestOptions, method: 'GET', path: url.href });
    if (!result.ok) return result;
    status = result.status;
    const page = pageShape.safeParse(result.value);
    const records = page.success ? (page.data.results ?? page.data.data) : undefined;
    if (!page.success || records === undefined) {
      const mismatch = pageMismatch(result.value);
      reportMismatches(deps.observer, start, [mismatch]);
      return {
        ok: false,
        failure: {
          kind: 'invalid_response',
          message: `drchrono's list ${first.pathname} did not come as pages of results.`,
          mismatch,
        },
      };
    }
    pages++;
    for (const record of records) {
      const parsed = item.safeParse(record);
      if (parsed.success) items.push(parsed.data);
      else {
        skipped++;
        reportMismatches(deps.observer, start, describeIssues(parsed.error, record, 'results[]'));
      }
    }
    const next = page.data.next;
    if (next === null || next === undefined || next === '') break;
    const nextUrl = onConfiguredHost(deps.base, next, url) ?? sameListHere(deps.base, next, first);
    if (nextUrl === null) {
      return {
        ok: false,
        failure: {
          kind: 'redirect_refused',
          location: next,
          message: "drchrono's next page is on another server; Frontdesk did not follow it.",
        },
      };
    }
    url = nextUrl;
  }
  // A `next` pointing back at a page already read ends the walk: everything reachable is in hand.
  return { ok: true, value: { items, skipped, pages }, status };
}

/**
 * A `next` written on another origin for the same list (a server behind a proxy may write its
 * inner `http://` or host name; the reference says `next` is the requested URL with the page
 * incremented) is read as that page of the list on the configured server: the request, and the
 * token with it, still go only there. A `next` naming another path is not followed.
 */
function sameListHere(base: URL, next: string, list: URL): URL | null {
  let url: URL;
  try {
    url = new URL(next);
  } catch {
    return null;
  }
  if (url.pathname !== list.pathname) return null;
  return new URL(`${url.pathname}${url.search}`, base);
}
