import type { AppInfo, AuthStatus } from '../../shared/contract';
import type { Clock } from '../../shared/time/clock';
import type { EventBus, PrefsService } from '../app/services';
import type { CallBudget, DrchronoClient } from '../drchrono/types';
import type { CurrentUserReader } from '../drchrono/current-user';
import type { SecureStore } from '../store/types';
import { AppointmentBookService } from './appointment-book';
import { AppointmentCache } from './appointment-cache';
import type { BackoffOptions } from './backoff';
import { Connectivity } from './connectivity';
import { OutboxQueue } from './edit-queue';
import type { CurrentOwner } from './outbox-store';
import { RosterService } from './patient-roster';
import type { PollPolicyOptions } from './poll-policy';
import { PracticeReference } from './practice-service';
import { SyncService } from './sync-engine';
import { trackedClient } from './tracked-client';

export { AppointmentBookService } from './appointment-book';
export { AppointmentCache } from './appointment-cache';
export { Connectivity, type ConnectionState } from './connectivity';
export { OutboxQueue, type Delivery, type EditQueueOptions, type OutboxEvent } from './edit-queue';
export { RosterService, type PatientRosterOptions } from './patient-roster';
export { PracticeReference, type PracticeServiceOptions } from './practice-service';
export { SyncService, type SyncEngineOptions } from './sync-engine';
export { defaultPollPolicy, type PollPolicyOptions } from './poll-policy';
export { isLocalId, localIdFor } from './outbox-entry';
export { toErr, toAppError } from './failures';
export { seededRandom } from './backoff';

export interface SyncServicesOptions {
  clock: Clock;
  /** The one drchrono client (it counts calls against `budget`). */
  client: DrchronoClient;
  budget: CallBudget;
  /** Where caches and the outbox live: encrypted files, or memory only (see `storage`). */
  secure: SecureStore;
  events: EventBus;
  /** `cache.daysBefore/daysAfter` set the days kept on disk around today. */
  prefs: Pick<PrefsService, 'get'>;
  /** As `chooseSecureStore` reports it: `phiOnDisk: false` shows "memory only" and why. */
  storage: AppInfo['storage'];
  /** Signed out: nothing is fetched or sent until sign-in; unsent edits stay. */
  auth?: { status(): AuthStatus; onChange(listener: (status: AuthStatus) => void): () => void };
  /** While the idle lock is on, polling nearly stops. */
  lock?: { isLocked(): boolean };
  /** The signed-in connection: the outbox's edits go only to the connection they were made for. */
  owner?: () => CurrentOwner | null;
  /** Explains a refused optional list ("it lacks the “Settings” permission"). */
  refusal?: (resource: string) => string;
  /** The signed-in user, read once at sign-in for the profile and the practice reference. */
  currentUser?: CurrentUserReader;
  tuning?: {
    /** A loaded day older than this is refreshed (default 90 s). */
    staleAfterMs?: number;
    policy?: Partial<PollPolicyOptions>;
    backoff?: Partial<Omit<BackoffOptions, 'random'>>;
    random?: () => number;
    failuresBeforeOffline?: number;
    rosterEveryMs?: number;
  };
}

/** The main-side services of issue 5, wired together. `Services` takes them field by field. */
export interface SyncServices {
  practice: PracticeReference;
  roster: RosterService;
  book: AppointmentBookService;
  /** The loaded days behind the book (tests and the benchmark look here). */
  cache: AppointmentCache;
  edits: OutboxQueue;
  sync: SyncService;
  connectivity: Connectivity;
  /** Loads every cache and the outbox from the store (no network): call before the first paint. */
  init(): Promise<void>;
}

export function createSyncServices(options: SyncServicesOptions): SyncServices {
  const { clock, events, secure: store, tuning = {} } = options;
  const connectivity = new Connectivity({
    clock,
    ...(tuning.failuresBeforeOffline === undefined
      ? {}
      : { failuresBeforeOffline: tuning.failuresBeforeOffline }),
  });
  const client = trackedClient(options.client, connectivity);
  const practice = new PracticeReference({
    client,
    clock,
    store,
    events,
    ...(options.refusal ? { refusal: options.refusal } : {}),
    ...(options.currentUser ? { currentUser: options.currentUser } : {}),
  });
  const zone = () => practice.zone();
  const isOnline = () => connectivity.isOnline();
  const roster = new RosterService({
    client,
    clock,
    store,
    events,
    zone,
    isOnline,
    flagTypes: () => practice.flagTypes(),
  });
  const edits = new OutboxQueue({
    store,
    client,
    clock,
    isOnline,
    zone,
    ...(options.owner ? { owner: options.owner } : {}),
    ...(tuning.backoff ? { backoff: tuning.backoff } : {}),
    ...(tuning.random ? { random: tuning.random } : {}),
  });
  // The engine is created last but the cache and book call it through these late-bound hooks.
  const hooks: { refresh: () => void; roster: () => void } = {
    refresh: () => undefined,
    roster: () => undefined,
  };
  const cache = new AppointmentCache({
    client,
    clock,
    store,
    events,
    zone,
    cacheWindow: () => options.prefs.get().cache,
    knownPatient: (id) => roster.has(id),
    onUnknownPatients: () => {
      hooks.roster();
    },
  });
  const book = new AppointmentBookService({
    cache,
    queue: edits,
    roster,
    client,
    clock,
    events,
    practice: () => practice.cached(),
    isOnline,
    ...(tuning.staleAfterMs === undefined ? {} : { staleAfterMs: tuning.staleAfterMs }),
    onStale: () => {
      hooks.refresh();
    },
  });
  const sync = new SyncService({
    clock,
    events,
    budget: options.budget,
    connectivity,
    client,
    practice,
    roster,
    cache,
    queue: edits,
    storage: options.storage,
    ...(options.lock ? { isLocked: () => options.lock?.isLocked() ?? false } : {}),
    ...(tuning.policy ? { policy: tuning.policy } : {}),
    ...(tuning.rosterEveryMs === undefined ? {} : { rosterEveryMs: tuning.rosterEveryMs }),
  });
  hooks.refresh = () => {
    sync.requestRefresh();
  };
  hooks.roster = () => {
    sync.requestRoster();
  };
  if (options.auth) {
    const auth = options.auth;
    connectivity.setSignedIn(auth.status().state === 'signed-in');
    auth.onChange((status) => {
      connectivity.setSignedIn(status.state === 'signed-in');
    });
  }
  return {
    practice,
    roster,
    book,
    cache,
    edits,
    sync,
    connectivity,
    init: async () => {
      await Promise.all([practice.init(), roster.init(), cache.init(), edits.init()]);
    },
  };
}
