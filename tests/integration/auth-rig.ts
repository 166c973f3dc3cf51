import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthStatus } from '../../shared/contract';
import type { VirtualClock } from '../../shared/time/clock';
import {
  createAuthService,
  createConnectionService,
  createProfileLoader,
  type FrontdeskAuthService,
} from '../../electron/auth';
import {
  createCallBudget,
  createDrchronoClient,
  type DrchronoClient,
} from '../../electron/drchrono';
import type { SandboxServer } from '../../electron/sandbox';
import {
  createJsonFileStore,
  createSecureStore,
  createTestKeyWrapper,
  type SecureStore,
} from '../../electron/store';
import type { ConnectionService } from '../../electron/app/services';
import { freePort } from './auth-helpers';
import { spyFetch, type SentRequest } from './client-helpers';

export interface AuthRig {
  auth: FrontdeskAuthService;
  client: DrchronoClient;
  connection: ConnectionService;
  secure: SecureStore;
  /** A second store instance over the same files: what a restarted app would read. */
  reopen(): SecureStore;
  redirectUri: string;
  port: number;
  opened: string[];
  statuses: AuthStatus[];
  /** Every request the auth service and the client sent (OAuth and API). */
  sent: SentRequest[];
  dispose(): Promise<void>;
}

export async function authRig(
  server: SandboxServer,
  clock: VirtualClock,
  options: {
    callback?: 'loopback' | 'host-route';
    secret?: string;
    baseUrl?: string;
    secure?: (store: SecureStore) => SecureStore;
    /** The client's spacing; high values put many calls in flight at once. */
    maxPerSecond?: number;
    /** Awaited before each request goes out (OAuth and API). */
    onSend?: (request: SentRequest) => Promise<void>;
  } = {},
): Promise<AuthRig> {
  const dir = await mkdtemp(join(tmpdir(), 'frontdesk-auth-'));
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${String(port)}/callback`;
  server.control.registerRedirectUri('frontdesk-demo', redirectUri);
  const wrapper = createTestKeyWrapper();
  const files = createSecureStore({ dir: join(dir, 'secure'), keyWrapper: wrapper, clock });
  const secure = options.secure ? options.secure(files) : files;
  const connection = createConnectionService({
    env: {
      DRCHRONO_BASE_URL: options.baseUrl ?? server.url,
      DRCHRONO_CLIENT_ID: 'frontdesk-demo',
      DRCHRONO_CLIENT_SECRET: options.secret ?? 'frontdesk-demo-secret',
      DRCHRONO_REDIRECT_URI: redirectUri,
    },
    secure,
  });
  const opened: string[] = [];
  const statuses: AuthStatus[] = [];
  const spy = spyFetch(async (request) => {
    const entry = spy.sent[spy.sent.length - 1];
    if (options.onSend && entry) await options.onSend(entry);
    return fetch(request);
  });
  let client: DrchronoClient | null = null;
  const auth = await createAuthService({
    connection,
    secure,
    platform: {
      callback: options.callback ?? 'loopback',
      openAuthorizePage: (url) => {
        opened.push(url);
        return Promise.resolve('main');
      },
    },
    fetch: spy.fetch,
    clock,
    events: { emit: (_event, payload) => statuses.push(payload as AuthStatus) },
    loadProfile: () => (client ? createProfileLoader(client)() : Promise.resolve(null)),
  });
  client = createDrchronoClient({
    baseUrl: options.baseUrl ?? server.url,
    fetch: spy.fetch,
    tokens: auth,
    clock,
    budget: createCallBudget({
      store: createJsonFileStore(join(dir, 'settings.json')),
      clock,
      hourlyQuota: 100_000,
      share: 1,
      maxPerSecond: options.maxPerSecond ?? 10,
    }),
  });
  return {
    auth,
    client,
    connection,
    secure,
    reopen: () => createSecureStore({ dir: join(dir, 'secure'), keyWrapper: wrapper, clock }),
    redirectUri,
    port,
    opened,
    statuses,
    sent: spy.sent,
    dispose: async () => {
      auth.cancelSignIn();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
