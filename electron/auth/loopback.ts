import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { notFoundPage } from './pages';

export interface CallbackAnswer {
  status: number;
  html: string;
  /** True once the sign-in is settled: the listener closes after answering. */
  done: boolean;
}

export interface LoopbackListener {
  readonly address: AddressInfo;
  close(): Promise<void>;
}

/**
 * Listener for the OAuth redirect (RFC 8252 §7.3): bound to 127.0.0.1 only, on the port and path
 * of the registered redirect URI, which drchrono compares exactly. It serves nothing but that
 * path; the auth service decides what each callback means and when the listener closes.
 */
export async function startLoopbackListener(options: {
  redirectUri: URL;
  onCallback: (url: URL) => Promise<CallbackAnswer>;
}): Promise<LoopbackListener> {
  const { redirectUri } = options;
  let closing: Promise<void> | null = null;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', redirectUri.origin);
    if (req.method !== 'GET' || url.pathname !== redirectUri.pathname) {
      answer(res, { status: req.method === 'GET' ? 404 : 405, html: notFoundPage, done: false });
      return;
    }
    options.onCallback(url).then(
      (result) => {
        answer(res, result);
      },
      () => {
        answer(res, { status: 500, html: notFoundPage, done: false });
      },
    );
  });

  function answer(res: ServerResponse, result: CallbackAnswer): void {
    res.writeHead(result.status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // The URL carried a code: keep it out of Referer headers and out of any later page.
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'X-Content-Type-Options': 'nosniff',
      Connection: 'close',
    });
    res.end(result.html);
    if (result.done) void close();
  }

  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1 explicitly, never 0.0.0.0 or "localhost" (which may mean ::1 or every address).
    server.listen(Number(redirectUri.port || 80), '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { address: server.address() as AddressInfo, close };
}
