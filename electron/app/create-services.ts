import { basename, join } from 'node:path';
import { z } from 'zod';
import type { AppInfo } from '../../shared/contract';
import { systemClock, type Clock } from '../../shared/time/clock';
import { createAuthService, createConnectionService, createProfileLoader } from '../auth';
import type { DemoConnection } from '../auth';
import { frontdeskScope } from '../auth/scopes';
import { createCapabilityService } from '../capabilities';
import { createDiagnosticsHandlers, fanOut, openDiagnosticLog } from '../diagnostics';
import {
  createCallBudget,
  createCurrentUserReader,
  createDrchronoClient,
  type FetchLike,
} from '../drchrono';
import type { CallObserver } from '../drchrono/observer';
import { createDispatcher, type Dispatch, type DispatchIncident } from '../handlers/dispatch';
import { createHandlers } from '../handlers';
import { demoClient, startSandboxServer, type SandboxServer } from '../sandbox';
import {
  chooseSecureStore,
  createJsonFileStore,
  createMemorySecureStore,
  createPrefsService,
  DataKeyError,
} from '../store';
import type { PlainStore, SecureStore } from '../store/types';
import { createFileFetcher } from '../documents/file-fetcher';
import { createChangeHistory } from '../history/change-history';
import { createSyncServices } from '../sync';
import { createEventBus } from './event-bus';
import { forwardEvents } from './forward-events';
import { createLockService } from './lock-service';
import type { Logger } from './log';
import type { ConnectionService, Platform, Services } from './services';
import { createFreshStart } from './fresh-start';
import { createStartupNotices, resetSentences } from './startup-notices';
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
  /** Sentences the host already has for the window (e.g. its settings file was reset). */
  startupNotices?: string[];
  /**
   * After a damaged data key, once the saved data is moved aside: the host sets its own key
   * material aside too (the browser host's key file) and starts the services again.
   */
  restartFresh?: () => Promise<void>;
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

  const notices = createStartupNotices();
  for (const sentence of options.startupNotices ?? []) notices.add(sentence);
  const secureDir = join(options.dataDir, 'secure');
  const chosen = chooseSecureStore({ dir: secureDir, keyWrapper: platform.keyWrapper, clock });
  // A damaged data key makes every saved document unreadable: start on nothing saved (memory
  // only) and let the window explain and offer to start fresh, rather than not start at all.
  const keyProblem = await dataKeyProblem(chosen.store);
  const { store: secure, storage } =
    keyProblem === null
      ? chosen
      : {
          store: createMemorySecureStore({ clock }),
          storage: { ...chosen.storage, phiOnDisk: false, warning: keyProblemWarning },
        };
  const plain =
    options.plain ??
    createJsonFileStore(join(options.dataDir, 'settings.json'), {
      onReset: (keptAs) => {
        notices.add(resetSentences.settings(basename(keptAs)));
      },
    });
  const prefs = createPrefsService(plain);
  const onConnectionReset = (keptAs: string): void => {
    notices.add(resetSentences.connection(`${keptAs}.fdx`));
  };

  const demoSandbox = await startDemoPractice(options, clock, secure, onConnectionReset);
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
    onReset: onConnectionReset,
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
      explainRefusal: (call) => capabilities.refusalNote(call),
      tokens: {
        accessToken: () => tokens.current?.accessToken() ?? Promise.resolve(null),
        refreshAfterRejection: (rejected) =>
          tokens.current?.refreshAfterRejection(rejected) ?? Promise.resolve(null),
      },
    });
  const client = createSwitchableClient(buildClient((await baseConnection.resolve()).baseUrl));

  // Sign-in's profile and the practice reference both read the signed-in user: one call for both.
  const currentUser = createCurrentUserReader({ clock });
  const auth = await createAuthService({
    connection: baseConnection,
    secure,
    platform,
    fetch,
    clock,
    loadProfile: createProfileLoader(client, currentUser),
    observer,
  });
  tokens.current = auth;
  let signedInSince: number | null =
    auth.status().state === 'signed-in' ? Number.NEGATIVE_INFINITY : null;
  auth.onChange((status) => {
    if (status.state === 'signed-in') signedInSince ??= clock.now();
    else signedInSince = null;
    // Whoever signs in next may be someone else.
    if (status.state !== 'signed-in') currentUser.forget();
  });

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
    const before = boundTo;
    const next = await baseConnection.resolve();
    boundTo = `${next.clientId}\n${next.baseUrl}`;
    client.use(buildClient(next.baseUrl));
    await auth.connectionChanged();
    // The cache belongs to the connection it was fetched from (the outbox binds itself).
    if (before !== boundTo) await sync.sync.wipeCache();
  }
  const initial = await baseConnection.resolve();
  let boundTo = `${initial.clientId}\n${initial.baseUrl}`;

  const lock = createLockService({
    clock,
    secure,
    prefs,
    isSignedIn: () => auth.status().state === 'signed-in',
    onReset: (keptAs) => {
      notices.add(resetSentences.pin(`${keptAs}.fdx`));
    },
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
    currentUser,
    owner: () => {
      const owner = auth.connectionOwner();
      // Edits wait until the practice group is known; if loading it failed at sign-in (a network
      // blip), ask again now and then rather than leave them waiting until the next start.
      if (owner !== null && owner.practiceGroup === undefined) askProfileAgain();
      return owner;
    },
  });
  let profileAskedAt = Number.NEGATIVE_INFINITY;
  function askProfileAgain(): void {
    // A sign-in loads the profile itself: only a session older than that asks again.
    if (signedInSince === null || clock.now() - signedInSince < 30_000) return;
    if (clock.now() - profileAskedAt < 60_000) return;
    profileAskedAt = clock.now();
    void auth.refreshProfile();
  }
  // Another connection's outbox was kept aside: its cached records go as well.
  sync.edits.onSwitch(() => {
    void sync.sync.wipeCache();
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
    paperwork: {
      files: createFileFetcher({
        fetch,
        baseUrl: async () => (await connection.resolve()).baseUrl,
      }),
      history: createChangeHistory({
        store: secure,
        plain,
        clock,
        events,
        queue: sync.edits,
        who: () => auth.status().user?.username ?? null,
        zone: () => sync.practice.zone(),
        appointment: (id) => {
          const found = sync.cache.days.find(id);
          return found ? { patient: found.patient ?? null, office: found.office } : null;
        },
      }),
    },
    appInfo: (): AppInfo => ({
      version: options.version,
      host: options.host,
      mode: auth.status().mode,
      storage,
      notices: notices.list(),
      keyProblem,
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
      'app:startFresh': createFreshStart({
        keyProblem,
        secureDir,
        clock,
        restart: options.restartFresh,
      }),
    },
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
      await Promise.all([sync.init(), services.paperwork.history.init()]);
      await lock.start();
      if (auth.status().state === 'signed-in') sync.sync.start();
      // Tokens saved before practice groups were recorded: learn it once, so edits can go.
      const owner = auth.connectionOwner();
      if (owner !== null && owner.practiceGroup === undefined) askProfileAgain();
      stops.push(
        auth.onChange((status) => {
          // Sends what the outbox holds once the practice group is known (bind decides whose).
          if (status.state === 'signed-in') void sync.edits.drain();
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

const keyProblemWarning =
  'The saved data could not be opened, so nothing is saved on this computer until you choose what to do.';

/** The data key's message when it cannot be opened; null when it opens (or is new). */
async function dataKeyProblem(store: SecureStore): Promise<string | null> {
  try {
    await store.read('connection', z.unknown());
    return null;
  } catch (error) {
    return error instanceof DataKeyError ? error.message : null;
  }
}

async function startDemoPractice(
  options: CreateServicesOptions,
  clock: Clock,
  secure: SecureStore,
  onReset: (keptAs: string) => void,
): Promise<SandboxServer | null> {
  if (options.demo === 'off') return null;
  // Only when no application is configured anywhere (environment or saved settings).
  const configured = await createConnectionService({ env: options.env, secure, onReset }).resolve();
  if (configured.clientId !== '') return null;
  return startSandboxServer({
    clock,
    redirectUris: [options.defaultRedirectUri],
    weekendClinic: true,
  });
}
