import type { Query } from './types';

/**
 * Where a request, a redirect or a `next` link may go: the configured drchrono origin only
 * (scheme, host and port). Anything else would carry the bearer token to a stranger.
 */
export function onConfiguredHost(base: URL, target: string, relativeTo: URL = base): URL | null {
  let url: URL;
  try {
    url = new URL(target, relativeTo);
  } catch {
    return null;
  }
  return url.origin === base.origin ? url : null;
}

export function withQuery(url: URL, query: Query | undefined): URL {
  const out = new URL(url);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    out.searchParams.set(key, String(value));
  }
  return out;
}

/** `/api/line_items/12` → `line_items`: which resource a path names, for messages. */
export function resourceOf(path: string): string | null {
  let pathname = path;
  try {
    pathname = new URL(path, 'http://x').pathname;
  } catch {
    // keep the raw path
  }
  const match = /^\/api\/([a-z_]+)/.exec(pathname);
  return match?.[1] ?? null;
}
