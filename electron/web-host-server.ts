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
 * (cross-site requests), before the dispatcher's own checks.
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
}

export interface WebServer {
  server: Server;
  /** Requests wait for 503 until the services are ready (they need the bound port). */
  setRuntime(runtime: WebRuntime): void;
  /** Ends open event streams (server.close waits for them otherwise). */
  closeStreams(): void;
}

const jsonHeaders = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
};

export function createWebServer(options: WebServerOptions): WebServer {
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const headers = securityHeaders({ formActions: options.formActions ?? [] });
  const streams = new Set<ServerResponse>();
  let runtime: WebRuntime | null = null;

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

    if (rawPath.startsWith('/ipc/')) {
      await handleIpc(request, response, host, rawPath.slice('/ipc/'.length));
      return;
    }
    if (rawPath === '/events') {
      handleEvents(request, response);
      return;
    }
    if (options.callbackPaths.includes(rawPath)) {
      await handleCallback(request, response, host, rawUrl);
      return;
    }
    handleStatic(request, response, rawPath);
  }

  async function handleIpc(
    request: IncomingMessage,
    response: ServerResponse,
    host: string,
    encodedChannel: string,
  ): Promise<void> {
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      sendJson(response, 405, err('invalid_input', 'Use POST.'));
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
      await drain(request);
      sendJson(response, 415, err('invalid_input', 'Send JSON.'));
      return;
    }
    const body = await readBody(request, maxBody);
    if (body === null) {
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

  function handleEvents(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET') {
      sendText(response, 405, 'Method not allowed');
      return;
    }
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin') {
      sendText(response, 403, 'Forbidden');
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
  };
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
        resolve(null);
        request.removeAllListeners('data');
        request.resume();
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

function drain(request: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    request.resume();
    request.on('end', resolve);
    request.on('error', () => {
      resolve();
    });
  });
}
