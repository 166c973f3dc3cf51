import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from './db';

/**
 * drchrono answers a document's `document` field with a URL to the file on its media storage,
 * signed and short-lived (S3 style), not an API path: fetching it needs no bearer token and costs
 * no API call, but the link stops working after a while. The sandbox serves its uploads the same way.
 */

const secret = randomBytes(32);
const LIFETIME_MS = 15 * 60_000;

function signature(id: number, expires: number): string {
  return createHmac('sha256', secret)
    .update(`${String(id)}:${String(expires)}`)
    .digest('hex');
}

export function signedMediaUrl(baseUrl: string, id: number, name: string, now: number): string {
  const expires = now + LIFETIME_MS;
  const file = encodeURIComponent(name || 'document');
  return `${baseUrl}/media/documents/${String(id)}/${file}?expires=${String(expires)}&signature=${signature(id, expires)}`;
}

export const mediaPrefix = '/media/documents/';

/** The file behind a signed URL, or S3's kind of refusal (403 for a bad or expired signature). */
export function serveMedia(db: Db, url: URL, now: number): Response {
  const id = Number(url.pathname.slice(mediaPrefix.length).split('/')[0]);
  const expires = Number(url.searchParams.get('expires'));
  const given = url.searchParams.get('signature') ?? '';
  const expected = Number.isInteger(id) ? signature(id, expires) : '';
  const valid =
    given.length === expected.length &&
    expected !== '' &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!valid || !Number.isFinite(expires) || expires < now) {
    return new Response('<Error><Code>AccessDenied</Code></Error>', {
      status: 403,
      headers: { 'content-type': 'application/xml' },
    });
  }
  const file = db.documentFiles.get(id);
  const doc = db.documents.get(id);
  if (!file || !doc || doc.deleted) {
    return new Response('<Error><Code>NoSuchKey</Code></Error>', {
      status: 404,
      headers: { 'content-type': 'application/xml' },
    });
  }
  return new Response(Buffer.from(file.bytes), {
    status: 200,
    headers: { 'content-type': file.type || 'application/octet-stream' },
  });
}
