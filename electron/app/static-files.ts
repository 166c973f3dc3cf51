import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Maps a request path onto a file of the bundled renderer, for the browser host and the Electron
 * `app://` protocol alike. Anything that could reach outside the bundle is refused before the file
 * system is touched: dot segments (plain, encoded or double-encoded), backslashes, NUL bytes,
 * drive letters, absolute paths, hidden files.
 */

export type StaticPath =
  | { ok: true; file: string; contentType: string }
  | { ok: false; status: 400 | 404; reason: string };

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const refuse = (reason: string): StaticPath => ({ ok: false, status: 400, reason });

/** `rawPath` is the URL's pathname exactly as it arrived (still percent-encoded, no query). */
export function resolveStaticPath(root: string, rawPath: string): StaticPath {
  if (rawPath.length > 1024) return refuse('too long');
  if (!rawPath.startsWith('/')) return refuse('not a path');
  if (rawPath.includes('\\') || rawPath.includes('\0')) return refuse('forbidden character');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return refuse('bad encoding');
  }
  // A `%` left after one decoding is a double encoding: no bundled file needs one.
  if (decoded.includes('%') || decoded.includes('\\') || decoded.includes('\0')) {
    return refuse('forbidden character');
  }
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return refuse('control character');
  const segments = decoded.split('/').slice(1);
  if (segments.slice(0, -1).some((s) => s === '')) return refuse('empty segment');
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return refuse('dot segment');
    if (segment.startsWith('.')) return refuse('hidden file');
    if (/^[a-z]:/i.test(segment)) return refuse('drive letter');
  }
  const relativePath = segments.join('/') || 'index.html';
  const base = resolve(root);
  const file = resolve(base, relativePath);
  const fromBase = relative(base, file);
  if (
    fromBase === '' ||
    fromBase.startsWith('..') ||
    isAbsolute(fromBase) ||
    !file.startsWith(base + sep)
  ) {
    return refuse('outside the bundle');
  }
  const contentType = contentTypes[extname(file).toLowerCase()];
  if (contentType === undefined) return { ok: false, status: 404, reason: 'unknown type' };
  return { ok: true, file, contentType };
}
