import { err, ok, type Result } from '../../shared/result';
import type { FetchLike } from '../drchrono';

export interface FetchedFile {
  bytes: Uint8Array;
  type: string;
}

export interface FileFetcher {
  /** A document's file from the signed URL drchrono gave for it. Never sends the bearer token. */
  fetch(url: string, signal?: AbortSignal): Promise<Result<FetchedFile>>;
}

/** Larger than any file the desk attaches; a bound on what a link can make main hold. */
const MAX_BYTES = 25 * 1024 * 1024;

/**
 * drchrono returns files as signed links to its media storage (another host, no API call, no
 * token). Only https links are followed, or the configured drchrono origin itself (the sandbox
 * serves its media over http on 127.0.0.1).
 */
export function createFileFetcher(deps: {
  fetch: FetchLike;
  /** The configured drchrono base URL. */
  baseUrl: () => Promise<string>;
}): FileFetcher {
  return {
    async fetch(raw, signal) {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return err('server', 'drchrono gave no usable link to this file.');
      }
      const base = new URL(await deps.baseUrl());
      if (url.protocol !== 'https:' && url.origin !== base.origin) {
        return err('server', 'drchrono gave a link to this file that is not secure.');
      }
      let response: Response;
      try {
        response = await deps.fetch(
          new Request(url, { method: 'GET', redirect: 'follow', ...(signal ? { signal } : {}) }),
        );
      } catch {
        return err(
          'offline',
          'The file could not be downloaded: drchrono’s storage is not reachable.',
        );
      }
      if (response.status === 403 || response.status === 404) {
        return err(
          'not_found',
          'drchrono’s storage refused the file link (it may have expired). Open it again.',
        );
      }
      if (!response.ok) {
        return err(
          'server',
          `drchrono’s storage answered ${String(response.status)} for this file.`,
        );
      }
      const length = Number(response.headers.get('content-length') ?? '0');
      if (length > MAX_BYTES) return err('server', 'The file is too large to open here.');
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > MAX_BYTES) {
        return err('server', 'The file is too large to open here.');
      }
      return ok({
        bytes,
        type: response.headers.get('content-type') ?? 'application/octet-stream',
      });
    },
  };
}
