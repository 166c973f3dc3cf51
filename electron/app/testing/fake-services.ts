import type {
  AppInfo,
  AuthStatus,
  ConnectionSettings,
  Prefs,
  SyncStatus,
} from '../../../shared/contract';
import { err, ok } from '../../../shared/result';
import { VirtualClock } from '../../../shared/time/clock';
import { frontdeskScope } from '../../auth/scopes';
import { createCapabilityService } from '../../capabilities/capability-service';
import { createMemorySecureStore } from '../../store/memory-secure-store';
import type { PlainStore } from '../../store/types';
import { createEventBus } from '../event-bus';
import { forwardEvents } from '../forward-events';
import { createLockService } from '../lock-service';
import type {
  AuthService,
  ConnectionService,
  EditQueue,
  PrefsService,
  Services,
  SyncEngine,
} from '../services';

/**
 * Hand-written fakes of the main-side services, implementing the real interfaces, for tests of
 * the shell (handlers, dispatcher, browser host) that must not depend on drchrono or the sandbox.
 * Each fake records what was asked of it so tests can assert on calls, not on internals.
 */

export const defaultTestPrefs: Prefs = {
  calendar: { view: 'rooms', officeId: null, doctorId: null, slotMinutes: 15 },
  cache: { daysBefore: 1, daysAfter: 7 },
  lock: { idleMinutes: 10 },
  budget: { hourlyQuota: 500, share: 0.5 },
};

export function createFakePrefs(initial: Prefs = defaultTestPrefs): PrefsService {
  let prefs = structuredClone(initial);
  return {
    get: () => prefs,
    set(patch) {
      prefs = {
        calendar: { ...prefs.calendar, ...patch.calendar },
        cache: { ...prefs.cache, ...patch.cache },
        lock: { ...prefs.lock, ...patch.lock },
        budget: { ...prefs.budget, ...patch.budget },
      };
      return prefs;
    },
  };
}

export function createMemoryPlainStore(): PlainStore {
  const values = new Map<string, unknown>();
  return {
    get: (key, schema) => {
      const parsed = schema.safeParse(values.get(key));
      return parsed.success ? parsed.data : undefined;
    },
    set: (key, value) => values.set(key, structuredClone(value)),
    delete: (key) => values.delete(key),
  };
}

export interface FakeAuth extends AuthService {
  calls: string[];
  /** Pretend the OAuth callback arrived and the code exchange succeeded. */
  completeNow(): void;
}

export function createFakeAuth(options: { token?: string } = {}): FakeAuth {
  const token = options.token ?? 'fake-access-token';
  let status: AuthStatus = {
    state: 'signed-out',
    mode: 'demo',
    configured: true,
    user: null,
    practiceName: null,
    lastError: null,
  };
  const listeners = new Set<(s: AuthStatus) => void>();
  const calls: string[] = [];
  const set = (next: Partial<AuthStatus>): AuthStatus => {
    status = { ...status, ...next };
    for (const l of listeners) l(status);
    return status;
  };
  const signedIn = (): AuthStatus =>
    set({
      state: 'signed-in',
      user: { id: 1, username: 'frontdesk', isDoctor: false, isStaff: true },
      practiceName: 'Demo Practice',
      lastError: null,
    });
  return {
    calls,
    status: () => status,
    beginSignIn() {
      calls.push('beginSignIn');
      set({ state: 'signing-in' });
      return Promise.resolve(
        ok({ authorizeUrl: 'http://127.0.0.1:1/o/authorize/?state=x', openedBy: 'renderer' }),
      );
    },
    completeSignIn(url) {
      calls.push('completeSignIn');
      if (url.searchParams.get('error') === 'access_denied') {
        return Promise.resolve(err('cancelled', 'Access was denied at drchrono.'));
      }
      return Promise.resolve(ok(signedIn()));
    },
    completeNow: () => void signedIn(),
    cancelSignIn() {
      calls.push('cancelSignIn');
      return set({ state: 'signed-out' });
    },
    signOut() {
      calls.push('signOut');
      return Promise.resolve(set({ state: 'signed-out', user: null, practiceName: null }));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    accessToken: () => Promise.resolve(status.state === 'signed-in' ? token : null),
    refreshAfterRejection: () => Promise.resolve(null),
  };
}

export function createFakeConnection(secret = 'fake-client-secret'): ConnectionService & {
  saved: unknown[];
} {
  const saved: unknown[] = [];
  let view: ConnectionSettings = {
    clientId: 'frontdesk-demo',
    redirectUri: 'http://127.0.0.1:5180/oauth/callback',
    baseUrl: 'http://127.0.0.1:1',
    hasSecret: true,
    source: 'demo',
  };
  return {
    saved,
    view: () => Promise.resolve(view),
    resolve: () =>
      Promise.resolve({
        mode: 'demo',
        baseUrl: view.baseUrl,
        clientId: view.clientId,
        clientSecret: secret,
        redirectUri: view.redirectUri,
      }),
    save(input) {
      saved.push(input);
      view = {
        clientId: input.clientId,
        redirectUri: input.redirectUri,
        baseUrl: input.baseUrl ?? 'https://drchrono.com',
        hasSecret: true,
        source: 'settings',
      };
      return Promise.resolve(ok(view));
    },
    clear() {
      view = { ...view, clientId: '', hasSecret: false, source: 'demo' };
      return Promise.resolve(view);
    },
  };
}

export function createFakeEdits(unsent = 0): EditQueue & { discarded: number } {
  let count = unsent;
  const fake = {
    discarded: 0,
    submit: () => Promise.resolve(err('internal', 'not in this fake')),
    entries: () => [],
    resolve: () => Promise.resolve(ok([])),
    unsentCount: () => count,
    counts: () => ({ pending: count, conflicts: 0, attention: 0 }),
    discardAll() {
      fake.discarded += count;
      count = 0;
      return Promise.resolve();
    },
    onChange: () => () => undefined,
  };
  return fake;
}

export const idleSyncStatus: SyncStatus = {
  connection: 'online',
  lastSyncedAt: null,
  callsThisHour: 3,
  hourlyCap: 250,
  throttledUntil: null,
  pendingEdits: 0,
  conflicts: 0,
  needsAttention: 0,
  cache: 'encrypted',
  message: null,
};

export function createFakeSync(): SyncEngine & { wiped: number; started: number } {
  const fake = {
    wiped: 0,
    started: 0,
    start() {
      fake.started += 1;
    },
    stop: () => Promise.resolve(),
    status: () => idleSyncStatus,
    syncNow: () => Promise.resolve(idleSyncStatus),
    watch: () => undefined,
    onStatus: () => () => undefined,
    wipeCache() {
      fake.wiped += 1;
      return Promise.resolve();
    },
  };
  return fake;
}

export const testAppInfo: AppInfo = {
  version: '0.0.0-test',
  host: 'web',
  mode: 'demo',
  storage: { keyProtection: 'keyfile', phiOnDisk: true, warning: 'Development mode key file.' },
};

/** Services for shell tests: real lock service and event bus over fakes of everything else. */
export function createFakeServices(options: { unsent?: number; clock?: VirtualClock } = {}) {
  const clock = options.clock ?? new VirtualClock(Date.UTC(2026, 2, 10, 14, 0));
  const secure = createMemorySecureStore({ clock });
  const prefs = createFakePrefs();
  const auth = createFakeAuth();
  const lock = createLockService({
    clock,
    secure,
    prefs,
    isSignedIn: () => auth.status().state === 'signed-in',
  });
  const connection = createFakeConnection();
  const edits = createFakeEdits(options.unsent ?? 0);
  const sync = createFakeSync();
  const notWired = (): never => {
    throw new Error('Key wrapping is not part of the shell fakes.');
  };
  const services = {
    config: { host: 'web', version: testAppInfo.version, dataDir: '/nonexistent', mode: 'demo' },
    clock,
    platform: {
      keyWrapper: { kind: 'none', strong: false, warning: null, wrap: notWired, unwrap: notWired },
      openAuthorizePage: () => Promise.resolve('renderer'),
      callback: 'host-route',
    },
    events: createEventBus(),
    secure,
    plain: createMemoryPlainStore(),
    connection,
    auth,
    budget: undefined as never,
    client: undefined as never,
    capabilities: createCapabilityService({ clock, requestedScope: frontdeskScope }),
    prefs,
    lock,
    practice: undefined as never,
    book: undefined as never,
    roster: undefined as never,
    edits,
    sync,
    paperwork: undefined as never,
    appInfo: () => testAppInfo,
  } satisfies Services;
  forwardEvents(services);
  return { services, clock, auth, lock, connection, edits, sync, secure, prefs };
}
