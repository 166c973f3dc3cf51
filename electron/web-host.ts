import { mkdtempSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../shared/time/clock';
import { createServices, type AppRuntime } from './app/create-services';
import { createConsoleLogger, type Logger } from './app/log';
import { createConsoleSummary } from './diagnostics';
import type { Platform } from './app/services';
import type { FetchLike } from './drchrono';
import { createKeyfileWrapper } from './store';
import { createWebServer } from './web-host-server';

/**
 * The browser host: the same renderer and the same handler table as the desktop app, served to a
 * browser on 127.0.0.1 (development, e2e tests, this machine without an Electron binary). It never
 * imports electron. Configured like the app, by environment variables:
 *
 *   PORT (5180) · DRCHRONO_BASE_URL · DRCHRONO_CLIENT_ID · DRCHRONO_CLIENT_SECRET ·
 *   DRCHRONO_REDIRECT_URI (http://127.0.0.1:$PORT/oauth/callback) · FRONTDESK_DATA_DIR (a temp dir)
 *
 * Without a client id it runs the demo practice (the sandbox, embedded).
 */

export interface WebHostOptions {
  /** 0 picks a free port (tests). Default 5180. */
  port?: number;
  /** The built renderer. Default dist/renderer. */
  staticDir?: string;
  /** DRCHRONO_* and FRONTDESK_DATA_DIR, as in `process.env`. */
  env?: Record<string, string | undefined>;
  clock?: Clock;
  fetch?: FetchLike;
  logger?: Logger;
  /** Where the one-line summary of each failed drchrono call goes. Default: stderr. */
  console?: (line: string) => void;
  version?: string;
}

export interface WebHost {
  /** The host's origin (what pages and the OAuth redirect use). */
  url: string;
  /**
   * `url` with this run's key: opening it lets that browser in (an HttpOnly cookie). Printed once
   * on the console; whoever can read it can read the practice's patients.
   */
  openUrl: string;
  /** The cookie `openUrl` sets, for test browsers that are let in directly. */
  cookie: { name: string; value: string };
  port: number;
  dataDir: string;
  runtime: AppRuntime;
  close(): Promise<void>;
}

export const defaultWebPort = 5180;

export async function startWebHost(options: WebHostOptions = {}): Promise<WebHost> {
  const env = options.env ?? {};
  const logger = options.logger ?? createConsoleLogger();
  const dataDir = env.FRONTDESK_DATA_DIR?.trim() || mkdtempSync(join(tmpdir(), 'frontdesk-web-'));
  const staticDir = resolve(options.staticDir ?? 'dist/renderer');

  // The redirect URI's path is where drchrono sends the browser back; it must be one of ours.
  const web = createWebServer({
    staticDir,
    callbackPaths: ['/oauth/callback', ...redirectPath(env.DRCHRONO_REDIRECT_URI)],
  });
  await new Promise<void>((resolveListen, reject) => {
    web.server.once('error', reject);
    web.server.listen(options.port ?? defaultWebPort, '127.0.0.1', () => {
      web.server.off('error', reject);
      resolveListen();
    });
  });
  const port = (web.server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const console =
    options.console ??
    ((line: string) => {
      process.stderr.write(`${line}\n`);
    });
  // Built again by "start fresh" (after a damaged key): a new key file, new services.
  async function boot(): Promise<AppRuntime> {
    const platform: Platform = {
      // Development only, and said so in app:info: the key sits in a 0600 file next to the data.
      keyWrapper: createKeyfileWrapper(join(dataDir, 'keyfile')),
      // The page itself goes to the authorize page; the host route receives the callback.
      openAuthorizePage: () => Promise.resolve('renderer'),
      callback: 'host-route',
    };
    const next = await createServices({
      host: 'web',
      version: options.version ?? '0.1.0',
      dataDir,
      platform,
      env,
      defaultRedirectUri: `${url}/oauth/callback`,
      logger,
      // A developer watching the terminal sees what drchrono refused, as it happens.
      callObserver: createConsoleSummary(console),
      restartFresh,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    await next.start();
    return next;
  }
  function serve(current: AppRuntime): void {
    web.setRuntime({
      dispatch: current.dispatch,
      events: current.services.events,
      completeSignIn: (callbackUrl) => current.services.auth.completeSignIn(callbackUrl),
    });
  }
  async function restartFresh(): Promise<void> {
    const keyFile = join(dataDir, 'keyfile');
    await rename(keyFile, `${keyFile}.damaged-${String(Date.now())}`).catch(() => undefined);
    web.closeStreams();
    await runtime.stop();
    runtime = await boot();
    serve(runtime);
  }

  let runtime: AppRuntime;
  try {
    runtime = await boot();
  } catch (error) {
    await new Promise((done) => web.server.close(done));
    throw error;
  }
  serve(runtime);

  return {
    url,
    openUrl: `${url}/?key=${web.runKey}`,
    cookie: { name: web.cookieName(), value: web.runKey },
    port,
    dataDir,
    get runtime() {
      return runtime;
    },
    async close() {
      web.closeStreams();
      await runtime.stop();
      await new Promise<void>((done) => {
        web.server.close(() => {
          done();
        });
        web.server.closeAllConnections();
      });
    },
  };
}

function redirectPath(redirectUri: string | undefined): string[] {
  if (!redirectUri) return [];
  try {
    const path = new URL(redirectUri).pathname;
    return path.startsWith('/ipc/') || path === '/events' ? [] : [path];
  } catch {
    return [];
  }
}
