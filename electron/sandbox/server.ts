import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox } from './app';
import type { SandboxControl } from './control';
import type { SandboxOptions } from './options';

export interface SandboxServerOptions extends SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface SandboxServer {
  url: string;
  port: number;
  close(): Promise<void>;
  control: SandboxControl;
  sandbox: Sandbox;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  const method = req.method ?? 'GET';
  let body: Uint8Array<ArrayBuffer> | null = null;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const joined = Buffer.concat(chunks);
    body = new Uint8Array(joined.length);
    body.set(joined);
  }
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

/**
 * The sandbox on a real socket, bound to 127.0.0.1 only. Dropped-connection faults destroy the
 * socket (after the change is applied for drop-after), so clients see a genuine network error.
 */
export async function startSandboxServer(
  options: SandboxServerOptions = {},
): Promise<SandboxServer> {
  const { port: wanted = 0, ...rest } = options;
  // Absolute URLs come from each request's origin, which is the bound address below.
  const sandbox: Sandbox = createSandbox(rest);
  let origin = '';
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const outcome = await sandbox.dispatch(await toRequest(req, origin));
        if (outcome.drop) {
          req.socket.destroy();
          return;
        }
        await send(res, outcome.response);
      } catch (err) {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const message = err instanceof Error ? err.message : String(err);
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ detail: `Sandbox error: ${message}` }));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wanted, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${String(port)}`;
  const ready = sandbox;
  return {
    url: origin,
    port,
    control: ready.control,
    sandbox: ready,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => {
          if (err) reject(err);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}
