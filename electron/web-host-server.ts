import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventNames, type EventName } from '../shared/contract';
import { err, type Result } from '../shared/result';
import type { EventBus } from './app/services';
import { securityHeaders } from './app/security-headers';
import { resolveStaticPath } from './app/static-files';
import type { Dispatch } from './handlers/dispatch';

/**
 * The browser host's HTTP surface: the built renderer, the handler table at `POST /ipc/<channel>`,
 * the contract's events at `GET /events` (server-sent events), and the OAuth callback. Bound to
 * 127.0.0.1 only. Because any web page the user visits can send requests to localhost, every
 * route checks the Host header (DNS rebinding) and every call checks Origin and content type
 * (cross-site requests), before the dispatcher's own checks. And because any local process, of
 * any OS account, can connect to 127.0.0.1 and write whatever headers it likes, `/ipc` and
 * `/events` also need this run's key: a random secret printed once on the host's console as
 * `/?key=…`, which opening in the browser turns into an HttpOnly, SameSite=Strict cookie (as
 * notebook servers do). Without it, 401 before anything is read or run.
 */

export interface WebRuntime {
  dispatch: Dispatch;
  events: EventBus;
  completeSignIn(callbackUrl: URL): Promise<unknown>;
}

export interface WebServerOptions {
  staticDir: string;
  /** Paths the OAuth callback may arrive on (the registered redirect URI's path). */
  callbackPaths: readonly string[];
  /** Extra `form-action` sources for the CSP. */
  formActions?: readonly string[];
  maxBodyBytes?: number;
  /** Seconds between SSE keep-alive comments. */
  keepAliveSeconds?: number;
  /** Open event streams at once (each browser tab holds one). Default 16. */
  maxStreams?: number;
  /** This run's key (tests); default 32 random bytes. */
  runKey?: string;
}

export interface WebServer {
  server: Server;
  /** Requests wait for 503 until the services are ready (they need the bound port). */
  setRuntime(runtime: WebRuntime): void;
  /** Ends open event streams (server.close waits for them otherwise). */
  closeStreams(): void;
  /** This run's key: `/?key=<runKey>` lets a browser in. Print it once, log it never. */
  runKey: string;
  /** The cookie the key becomes, per port (cookies ignore ports; two hosts must not share one). */
  cookieName(): string;
}

const jsonHeaders = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
};

export function createWebServer(options: WebServerOptions): WebServer {
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const headers = securityHeaders({ formActions: options.formActions ?? [] });
  const streams = new Set<ServerResponse>();
  const maxStreams = options.maxStreams ?? 16;
  const runKey = options.runKey ?? randomBytes(32).toString('base64url');
  const keyDigest = digest(runKey);
  let runtime: WebRuntime | null = null;

  function cookieName(): string {
    const port = (server.address() as AddressInfo | null)?.port ?? 0;
    return `frontdesk_key_${String(port)}`;
  }

  function matchesKey(candidate: string | undefined): boolean {
    if (candidate === undefined || candidate.length > 200) return false;
    return timingSafeEqual(digest(candidate), keyDigest);
  }

  function hasRunKey(request: IncomingMessage): boolean {
    return matchesKey(readCookie(request.headers.cookie, cookieName()));
  }

  /** Refuses a call without the run key: nothing of the body is read, the connection closes. */
  function refuseWithoutKey(request: IncomingMessage, response: ServerResponse): boolean {
    if (hasRunKey(request)) return false;
    response.setHeader('Connection', 'close');
    sendJson(
      response,
      401,
      err(
        'forbidden_sender',
        'This browser has not been let in: open the address Frontdesk printed on its console ' +
          '(it ends in /?key=…).',
      ),
    );
    return true;
  }

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    route(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, err('internal', 'The host failed.'));
      else response.destroy();
    });
  });

  function ownHosts(): string[] {
    const port = (server.address() as AddressInfo | null)?.port ?? 0;
    return [`127.0.0.1:${port}`, `localhost:${port}`];
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    // DNS rebinding: a page at evil.example that resolves to 127.0.0.1 still says its own Host.
    if (!ownHosts().includes(host)) {
      sendText(response, 421, 'Misdirected request');
      return;
    }
    const rawUrl = request.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);

    if (rawPath === '/' && queryAt !== -1 && handleKey(request, response, rawUrl)) return;
    if (rawPath.startsWith('/ipc/')) {
      await handleIpc(request, response, host, rawPath.slice('/ipc/'.length));
      return;
    }
    if (rawPath === '/events') {
      handleEvents(request, response, host);
      return;
    }
    if (options.callbackPaths.includes(rawPath)) {
      await handleCallback(request, response, host, rawUrl);
      return;
    }
    handleStatic(request, response, rawPath);
  }

  /** `/?key=…`: the right key becomes the cookie, and the key leaves the address bar. */
  function handleKey(request: IncomingMessage, response: ServerResponse, rawUrl: string): boolean {
    const key = new URL(rawUrl, 'http://host').searchParams.get('key');
    if (key === null || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    if (!matchesKey(key)) {
      sendText(
        response,
        401,
        'That key is not this run’s: use the address Frontdesk printed last.',
      );
      return true;
    }
    response.writeHead(302, {
      Location: '/',
      'Cache-Control': 'no-store',
      'Set-Cookie': `${cookieName()}=${runKey}; Path=/; HttpOnly; SameSite=Strict`,
    });
    response.end();
    return true;
  }

  async function handleIpc(
    request: IncomingMessage,
    response: ServerResponse,
    host: string,
    encodedChannel: string,
  ): Promise<void> {
    if (refuseWithoutKey(request, response)) return;
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      sendJson(response, 405, err('invalid_input', 'Use POST.'));
      return;
    }
    // Capped before reading, whatever the type: a declared length over the cap is not read at all.
    const declared = Number(request.headers['content-length'] ?? '0');
    if (!Number.isFinite(declared) || declared > maxBody) {
      response.setHeader('Connection', 'close');
      sendJson(response, 413, err('invalid_input', 'The request is too large.'));
      return;
    }
    // A cross-site page can POST to localhost; it cannot make the browser lie about Origin, and it
    // cannot send application/json without a preflight this host never answers.
    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    const sameOrigin =
      origin === `http://${host}` && (fetchSite === undefined || fetchSite === 'same-origin');
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      // Not read to the end: the connection closes with the answer.
      response.setHeader('Connection', 'close');
      sendJson(response, 415, err('invalid_input', 'Send JSON.'));
      return;
    }
    const body = await readBody(request, maxBody);
    if (body === null) {
      response.setHeader('Connection', 'close');
      sendJson(response, 413, err('invalid_input', 'The request is too large.'));
      return;
    }
    let payload: unknown = undefined;
    if (body.trim() !== '') {
      try {
        payload = JSON.parse(body);
      } catch {
        sendJson(response, 400, err('invalid_input', 'The request is not valid JSON.'));
        return;
      }
    }
    let channel: string;
    try {
      channel = decodeURIComponent(encodedChannel);
    } catch {
      channel = '';
    }
    if (!runtime) {
      sendJson(response, 503, err('internal', 'Frontdesk is starting.'));
      return;
    }
    const reply: Result<unknown> = await runtime.dispatch(channel, payload, {
      trusted: sameOrigin,
    });
    const status = reply.ok
      ? 200
      : reply.error.code === 'forbidden_sender'
        ? 403
        : reply.error.code === 'unknown_channel'
          ? 404
          : 200;
    sendJson(response, status, reply);
  }

  function handleEvents(request: IncomingMessage, response: ServerResponse, host: string): void {
    if (!hasRunKey(request)) {
      response.setHeader('Connection', 'close');
      sendText(response, 401, 'Open the address Frontdesk printed on its console.');
      return;
    }
    if (request.method !== 'GET') {
      sendText(response, 405, 'Method not allowed');
      return;
    }
    const fetchSite = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    if (
      (fetchSite !== undefined && fetchSite !== 'same-origin') ||
      (origin !== undefined && origin !== `http://${host}`)
    ) {
      sendText(response, 403, 'Forbidden');
      return;
    }
    if (streams.size >= maxStreams) {
      sendText(response, 429, 'Too many open event streams; close other Frontdesk tabs.');
      return;
    }
    if (!runtime) {
      sendText(response, 503, 'Starting');
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const known = new Set<string>(eventNames);
    const unsubscribe = runtime.events.subscribe((event: EventName, payload) => {
      if (!known.has(event)) return;
      response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(
      () => response.write(': keep-alive\n\n'),
      (options.keepAliveSeconds ?? 25) * 1000,
    );
    const end = (): void => {
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(response);
    };
    request.on('close', end);
    response.on('close', end);
  }

  async function handleCallback(
    request: IncomingMessage,
    response: ServerResponse,
    host: string,
    rawUrl: string,
  ): Promise<void> {
    if (request.method !== 'GET' || !runtime) {
      sendText(response, request.method !== 'GET' ? 405 : 503, 'Not available');
      return;
    }
    // The auth service checks state, exchanges the code and records any failure in auth:status,
    // which the sign-in screen shows with a retry: whatever happened, go back to the app.
    await runtime.completeSignIn(new URL(rawUrl, `http://${host}`));
    response.writeHead(302, { Location: '/', 'Cache-Control': 'no-store' });
    response.end();
  }

  function handleStatic(request: IncomingMessage, response: ServerResponse, rawPath: string): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendText(response, 405, 'Method not allowed');
      return;
    }
    const resolved = resolveStaticPath(options.staticDir, rawPath);
    if (!resolved.ok) {
      sendText(response, resolved.status, resolved.status === 400 ? 'Bad request' : 'Not found');
      return;
    }
    let size: number;
    try {
      const stat = statSync(resolved.file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      sendText(response, 404, 'Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': resolved.contentType,
      'Content-Length': size,
      // Hashed assets may be cached; the page itself is always fetched fresh.
      'Cache-Control': resolved.file.endsWith('.html') ? 'no-store' : 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(resolved.file).pipe(response);
  }

  return {
    server,
    setRuntime(next) {
      runtime = next;
    },
    closeStreams() {
      for (const stream of streams) stream.end();
      streams.clear();
    },
    runKey,
    cookieName,
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, jsonHeaders);
  response.end(JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/** The body as text, or null when it exceeds the limit (the rest is not read). */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // The rest is never read: the answer closes the connection.
        request.removeAllListeners('data');
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}
