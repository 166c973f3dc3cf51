import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createMemoryLogger } from '../../../electron/app/log';
import { demoClient, type SandboxServer } from '../../../electron/sandbox';
import { startWebHost, type WebHost } from '../../../electron/web-host';
import { letIntoRunningHosts, runningHosts } from './let-in';

export type { WebHost };

export interface HostOptions {
  /** Extra or overriding environment (DRCHRONO_*, FRONTDESK_DATA_DIR). */
  env?: Record<string, string | undefined>;
  /** Receives the host's console line for each failed drchrono call (default: stderr). */
  console?: (line: string) => void;
}

/**
 * The browser host in this process on a free port, configured as a real practice would be
 * (DRCHRONO_BASE_URL + client id and secret) but pointed at the sandbox, with a fresh temp data
 * dir. Its redirect URI is registered with the sandbox's demo application.
 */
export async function startHost(
  sandbox: SandboxServer,
  options: HostOptions = {},
): Promise<WebHost> {
  const host = await startWebHost({
    port: 0,
    staticDir: resolve(import.meta.dirname, '../../../dist/renderer'),
    logger: createMemoryLogger(),
    ...(options.console ? { console: options.console } : {}),
    env: {
      DRCHRONO_BASE_URL: sandbox.url,
      DRCHRONO_CLIENT_ID: demoClient.clientId,
      DRCHRONO_CLIENT_SECRET: demoClient.clientSecret,
      FRONTDESK_DATA_DIR: mkdtempSync(join(tmpdir(), 'frontdesk-e2e-')),
      ...options.env,
    },
  });
  sandbox.control.registerRedirectUri(demoClient.clientId, `${host.url}/oauth/callback`);
  // Every test browser is let in, as a user who opened the printed address would be: pages made
  // before or after this host started (see let-in.ts).
  runningHosts.add(host);
  const close = host.close.bind(host);
  host.close = async () => {
    runningHosts.delete(host);
    await close();
  };
  await letIntoRunningHosts();
  return host;
}
