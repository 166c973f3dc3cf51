import { join } from 'node:path';
import type { AppInfo } from '../../shared/contract';
import { systemClock, type Clock } from '../../shared/time/clock';
import { createAuthService, createConnectionService, createProfileLoader } from '../auth';
import type { DemoConnection } from '../auth';
import { frontdeskScope } from '../auth/scopes';
import { createCapabilityService } from '../capabilities';
import { createDiagnosticsHandlers, fanOut, openDiagnosticLog } from '../diagnostics';
import { createCallBudget, createDrchronoClient, type FetchLike } from '../drchrono';
import type { CallObserver } from '../drchrono/observer';
import { createDispatcher, type Dispatch, type DispatchIncident } from '../handlers/dispatch';
import { createHandlers } from '../handlers';
import { demoClient, startSandboxServer, type SandboxServer } from '../sandbox';
import { chooseSecureStore, createJsonFileStore, createPrefsService } from '../store';
import type { PlainStore, SecureStore } from '../store/types';
import { createSyncServices } from '../sync';
import { createEventBus } from './event-bus';
import { forwardEvents } from './forward-events';
import { createLockService } from './lock-service';
import type { Logger } from './log';
import type { ConnectionService, Platform, Services } from './services';
import { createSwitchableClient } from './switchable-client';

/**
 * The composition root: every main-side service built once, wired to the others, for the
 * Electron app and the browser host alike. What differs between the two comes in as `platform`
 * (key protection, how the authorize page opens, where the OAuth callback lands) and `plain`.
 */

export interface CreateServicesOptions {
  host: 'electron' | 'web';
  version: string;
  /** Tokens, cache, outbox and settings (made 0700). */
  dataDir: string;
  platform: Platform;
  /** `process.env`: DRCHRONO_* variables win over saved settings. */
  env: Record<string, string | undefined>;
  /** The redirect URI when neither the environment nor the settings give one. */
  defaultRedirectUri: string;
  logger: Logger;
  clock?: Clock;
  fetch?: FetchLike;
  /** electron-store in the app; a JSON file in `dataDir` otherwise. */
  plain?: PlainStore;
  /** Also told about every drchrono call (the browser host prints the failed ones). */
  callObserver?: CallObserver;
  /**
   * `auto` (default): with no DRCHRONO_CLIENT_ID in the environment, start the sandbox on
   * 127.0.0.1 as the demo practice (saved settings, if any, still win). `off`: never.
   */
  demo?: 'auto' | 'off';
}

export interface AppRuntime {
  services: Services;
  dispatch: Dispatch;
  /** The embedded demo practice, when it runs. */
  demoSandbox: SandboxServer | null;
  /** Loads caches and the outbox from disk, starts the idle lock, and sync once signed in. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createServices(options: CreateServicesOptions): Promise<AppRuntime> {
  const clock = options.clock ?? systemClock;
  const fetch: FetchLike = options.fetch ?? ((request) => globalThis.fetch(request));
  const { platform, logger, env } = options;
  const events = createEventBus({
    onListenerError: () => {
      logger.log('warn', 'events', 'a listener failed');
    },
  });

  const { store: secure, storage } = chooseSecureStore({
    dir: join(options.dataDir, 'secure'),
    keyWrapper: platform.keyWrapper,
    clock,
  });
  const plain = options.plain ?? createJsonFileStore(join(options.dataDir, 'settings.json'));
  const prefs = createPrefsService(plain);

  const demoSandbox = await startDemoPractice(options, clock, secure);
  const demo: DemoConnection | undefined = demoSandbox
    ? {
        baseUrl: demoSandbox.url,
        clientId: demoClient.clientId,
        clientSecret: demoClient.clientSecret,
        redirectUri: options.defaultRedirectUri,
      }
    : undefined;
  const baseConnection = createConnectionService({
    env,
    secure,
    ...(demo ? { demo } : {}),
    defaultRedirectUri: options.defaultRedirectUri,
  });

  // Diagnostics: every drchrono and OAuth call, redacted by the client, into a plain rotating log
  // in the data folder (docs/security.md says why plain), and to the host's own observer.
  const diagnosticLog = openDiagnosticLog(options.dataDir, clock);
  // What the account may do, learnt from the same calls (Settings → Connection, the report).
  const capabilities = createCapabilityService({ clock, requestedScope: frontdeskScope });
  const observer = fanOut(diagnosticLog, options.callObserver, capabilities);

  const budget = createCallBudget({
    store: plain,
    clock,
    hourlyQuota: prefs.get().budget.hourlyQuota,
    share: prefs.get().budget.share,
  });
  prefs.onChange((next) => {
    budget.setLimits(next.budget.hourlyQuota, next.budget.share);
  });

  // The client needs the auth service for tokens, and the auth service the client for the
  // profile: a late-bound token source breaks the cycle.
  const tokens = {
    current: null as Services['auth'] | null,
  };
  const buildClient = (baseUrl: string) =>
    createDrchronoClient({
      baseUrl,
      fetch,
      clock,
      budget,
      observer,
      tokens: {
        accessToken: () => tokens.current?.accessToken() ?? Promise.resolve(null),
        refreshAfterRejection: (rejected) =>
          tokens.current?.refreshAfterRejection(rejected) ?? Promise.resolve(null),
      },
    });
  const client = createSwitchableClient(buildClient((await baseConnection.resolve()).baseUrl));

  const auth = await createAuthService({
    connection: baseConnection,
    secure,
    platform,
    fetch,
    clock,
    loadProfile: createProfileLoader(client),
    observer,
  });
  tokens.current = auth;

  // Saving or clearing the connection switches the client and drops another application's tokens.
  const connection: ConnectionService = {
    view: () => baseConnection.view(),
    resolve: () => baseConnection.resolve(),
    async save(input) {
      const saved = await baseConnection.save(input);
      if (saved.ok) await connectionChanged();
      return saved;
    },
    async clear() {
      const cleared = await baseConnection.clear();
      await connectionChanged();
      return cleared;
    },
  };
  async function connectionChanged(): Promise<void> {
    client.use(buildClient((await baseConnection.resolve()).baseUrl));
    await auth.connectionChanged();
  }

  const lock = createLockService({
    clock,
    secure,
    prefs,
    isSignedIn: () => auth.status().state === 'signed-in',
  });

  const sync = createSyncServices({
    clock,
    client,
    budget,
    secure,
    events,
    prefs,
    storage,
    auth,
    lock,
    refusal: (resource) => capabilities.explainResource(resource, 'GET').reason,
  });
  // Input at the desk also tells the sync engine the desk is in use (it polls faster then).
  const lockService: Services['lock'] = {
    ...lock,
    activity() {
      lock.activity();
      sync.sync.activity();
    },
  };

  const services: Services = {
    config: {
      host: options.host,
      version: options.version,
      dataDir: options.dataDir,
      // Follows the connection: saving the practice's own application leaves the demo.
      get mode() {
        return auth.status().mode;
      },
    },
    clock,
    platform,
    events,
    secure,
    plain,
    connection,
    auth,
    budget,
    client,
    capabilities,
    prefs,
    lock: lockService,
    practice: sync.practice,
    book: sync.book,
    roster: sync.roster,
    edits: sync.edits,
    sync: sync.sync,
    appInfo: (): AppInfo => ({
      version: options.version,
      host: options.host,
      mode: auth.status().mode,
      storage,
    }),
  };

  const dispatch = createDispatcher({
    handlers: {
      ...createHandlers(services, { logger }),
      ...createDiagnosticsHandlers({
        log: diagnosticLog,
        clock,
        app: () => services.appInfo(),
        sync: () => services.sync.status(),
        capabilities: () => capabilities.get(),
        server: async () => (await connection.resolve()).baseUrl,
      }),
    },
    services,
    isLocked: () => lock.isLocked(),
    onIncident: (incident: DispatchIncident) => {
      logger.log(
        incident.kind === 'refused' ? 'info' : 'error',
        'ipc',
        `${incident.channel} ${incident.kind}: ${incident.detail}`,
      );
    },
  });

  const stops: (() => void)[] = [];
  return {
    services,
    dispatch,
    demoSandbox,
    async start() {
      stops.push(forwardEvents({ events, auth, lock }));
      stops.push(
        capabilities.onChange((table) => {
          events.emit('capabilities:changed', table);
        }),
      );
      await sync.init();
      await lock.start();
      if (auth.status().state === 'signed-in') sync.sync.start();
      stops.push(
        auth.onChange((status) => {
          if (status.state === 'signed-in') sync.sync.start();
          else if (status.state === 'signed-out') void sync.sync.stop();
        }),
      );
    },
    async stop() {
      for (const stop of stops.splice(0)) stop();
      lock.stop();
      auth.cancelSignIn();
      await sync.sync.stop();
      await demoSandbox?.close();
    },
  };
}

async function startDemoPractice(
  options: CreateServicesOptions,
  clock: Clock,
  secure: SecureStore,
): Promise<SandboxServer | null> {
  if (options.demo === 'off') return null;
  // Only when no application is configured anywhere (environment or saved settings).
  const configured = await createConnectionService({ env: options.env, secure }).resolve();
  if (configured.clientId !== '') return null;
  return startSandboxServer({
    clock,
    redirectUris: [options.defaultRedirectUri],
    weekendClinic: true,
  });
}
