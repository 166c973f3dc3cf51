import type {
  AppInfo,
  AuthStatus,
  Book,
  ConnectionSettings,
  EventName,
  EventPayload,
  LockStatus,
  OutboxEntryView,
  PatientBrief,
  Practice,
  Prefs,
  ResponseOf,
  SyncStatus,
  WriteState,
} from '../../shared/contract';
import type {
  AppointmentChanges,
  AppointmentWritable,
  PatientSummary,
} from '../../shared/drchrono';
import type { Result } from '../../shared/result';
import type { Clock } from '../../shared/time/clock';
import type { IsoDate } from '../../shared/time/practice-time';
import type { CapabilityService } from '../capabilities';
import type { CallBudget, DrchronoClient, TokenSource } from '../drchrono/types';
import type { FileFetcher } from '../documents/file-fetcher';
import type { ChangeHistory } from '../history/change-history';
import type { KeyWrapper, PlainStore, SecureStore } from '../store/types';

/**
 * The services main is made of, as interfaces. Handlers and the composition root depend on these;
 * each is implemented in its own folder (drchrono/, auth/, store/, sync/) and faked in tests by
 * classes implementing the same interface.
 */

export interface AppConfig {
  host: 'electron' | 'web';
  version: string;
  /** Where tokens, cache, outbox and settings live (0700). */
  dataDir: string;
  mode: 'demo' | 'drchrono';
}

/** What differs between the Electron app and the browser host. */
export interface Platform {
  keyWrapper: KeyWrapper;
  /**
   * Shows drchrono's authorize page: the system browser for real drchrono (RFC 8252), an app window
   * for the demo practice. Returns 'renderer' when the page itself must navigate (browser host).
   */
  openAuthorizePage(url: string, mode: 'demo' | 'drchrono'): Promise<'main' | 'renderer'>;
  /** Where the OAuth callback arrives: a loopback listener main starts, or the host's own route. */
  callback: 'loopback' | 'host-route';
  /** The app window's print dialog and PDF; absent where the page prints itself (browser host). */
  printer?: Printer;
}

/** Prints what the app window shows (its print layout). */
export interface Printer {
  /** The system print dialog; `cancelled` when the user closed it. */
  print(): Promise<{ cancelled: boolean }>;
  /** Renders the print layout to PDF and asks where to save it; null when the user cancelled. */
  savePdf(title: string): Promise<{ savedTo: string | null }>;
}

export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(
    listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void,
  ): () => void;
}

/** Resolved connection: environment variables win over saved settings; neither → demo practice. */
export interface ResolvedConnection {
  mode: 'demo' | 'drchrono';
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface ConnectionService {
  view(): Promise<ConnectionSettings>;
  resolve(): Promise<ResolvedConnection>;
  save(input: {
    clientId: string;
    clientSecret?: string;
    redirectUri: string;
    baseUrl?: string;
  }): Promise<Result<ConnectionSettings>>;
  clear(): Promise<ConnectionSettings>;
}

export interface AuthService extends TokenSource {
  status(): AuthStatus;
  /** Builds the authorize URL (state, PKCE), arms the callback, and opens the page. */
  beginSignIn(): Promise<Result<{ authorizeUrl: string; openedBy: 'main' | 'renderer' }>>;
  /** The callback URL as it arrived (loopback listener or host route): checks state, exchanges the code. */
  completeSignIn(callbackUrl: URL): Promise<Result<AuthStatus>>;
  cancelSignIn(): AuthStatus;
  /** Revokes the token at drchrono and wipes tokens. The outbox question is session-service.ts's. */
  signOut(): Promise<AuthStatus>;
  onChange(listener: (status: AuthStatus) => void): () => void;
}

export interface PrefsService {
  get(): Prefs;
  set(patch: Partial<{ [K in keyof Prefs]: Partial<Prefs[K]> }>): Prefs;
}

export interface LockService {
  status(): LockStatus;
  isLocked(): boolean;
  lock(reason: 'user' | 'idle' | 'os'): LockStatus;
  unlockWithPin(pin: string): Promise<Result<LockStatus>>;
  /** After a fresh sign-in while locked. */
  unlockAfterSignIn(): LockStatus;
  setPin(pin: string, currentPin?: string): Promise<Result<LockStatus>>;
  activity(): void;
  onChange(listener: (status: LockStatus) => void): () => void;
}

export interface PracticeService {
  /** Cache first (painted before any call), then refreshed when stale or asked. */
  get(options?: { refresh?: boolean }): Promise<Result<Practice>>;
  cached(): Practice | null;
}

export interface RangeQuery {
  start: IsoDate;
  end: IsoDate;
  officeId?: number | undefined;
  doctorId?: number | undefined;
}

export interface AppointmentWrite {
  appointment: Book['appointments'][number];
  state: WriteState;
}

export interface AppointmentBook {
  /** Cached days cost no call until stale; pending outbox edits are overlaid. */
  range(query: RangeQuery): Promise<Result<Book>>;
  get(id: string): Promise<Result<Book>>;
  forPatient(patientId: number): Promise<Result<ResponseOf<'appointments:forPatient'>>>;
  /** Through the outbox; a 409 answers `conflict` (explained by sync/clash-explainer.ts). */
  create(draft: AppointmentWritable): Promise<Result<AppointmentWrite>>;
  update(
    id: string,
    changes: AppointmentChanges,
    base: AppointmentChanges,
  ): Promise<Result<AppointmentWrite>>;
  remove(id: string): Promise<Result<{ state: WriteState }>>;
  /** The appointments of a practice date already in memory/cache, without any call; null if unknown. */
  cachedDay(date: IsoDate, officeId?: number): Book['appointments'] | null;
}

export interface PatientRoster {
  search(query: {
    text?: string | undefined;
    firstName?: string | undefined;
    lastName?: string | undefined;
    dateOfBirth?: string | undefined;
    server?: boolean | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  }): Promise<Result<ResponseOf<'patients:search'>>>;
  /** Summaries of the given patients from the cached roster (no calls). */
  briefs(ids: number[]): Record<string, PatientBrief>;
  /** Keep the roster current after our own edits. */
  upsert(patient: PatientSummary): void;
}

/** Everything that can be edited offline goes through the outbox. */
export type EditResource =
  | 'appointments'
  | 'patients'
  | 'allergies'
  | 'medications'
  | 'problems'
  | 'line_items'
  | 'patient_payments'
  | 'tasks'
  | 'documents';

export interface NewEdit {
  resource: EditResource;
  op: 'create' | 'update' | 'delete';
  /** The record's id for update/delete. */
  targetId?: string;
  /** The POST body, or only the changed fields for a PATCH. */
  body: Record<string, unknown>;
  /** The changed fields as the user saw them before: conflict detection and undo. */
  base?: Record<string, unknown>;
  /** For the outbox list, e.g. "Move 09:30 Marisol Quispe to Exam 2". */
  summary: string;
  /** A file sent as multipart with the body's fields (documents); kept in the encrypted outbox. */
  file?: OutboxFile;
}

export interface OutboxFile {
  name: string;
  type: string;
  base64: string;
}

export type EditOutcome =
  /** Sent and acknowledged; `response` is drchrono's body (the created record; null for 204). */
  | { state: 'saved'; response: unknown; outboxId: string }
  /** Durable in the outbox, to be sent when drchrono is reachable. */
  | { state: 'queued'; outboxId: string };

export interface EditQueue {
  /**
   * Writes the edit durably, then (online) sends it at once and waits briefly for the answer.
   * A definite refusal (400/403/404/409 on the first attempt) comes back as an error and the edit
   * leaves the outbox: the user sees it fail and keeps what they typed. Network trouble queues it.
   */
  submit(edit: NewEdit): Promise<Result<EditOutcome>>;
  entries(): OutboxEntryView[];
  resolve(
    id: string,
    action: 'keep-mine' | 'keep-theirs' | 'move' | 'retry',
    move?: { scheduledTime: string; examRoom: number },
  ): Promise<Result<OutboxEntryView[]>>;
  unsentCount(): number;
  counts(): { pending: number; conflicts: number; attention: number };
  /** Why the saved outbox was set aside or restored from its earlier copy (what came back). */
  problem?(): string | null;
  /** Only after the user agreed (sign-out). */
  discardAll(): Promise<void>;
  onChange(listener: () => void): () => void;
}

export interface SyncEngine {
  start(): void;
  stop(): Promise<void>;
  status(): SyncStatus;
  syncNow(): Promise<SyncStatus>;
  /** The dates the desk is looking at: kept fresh, polled according to activity and budget. */
  watch(range: RangeQuery): void;
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /** Sign-out: drop the cache (not the outbox). */
  wipeCache(): Promise<void>;
}

export interface Services {
  config: AppConfig;
  clock: Clock;
  platform: Platform;
  events: EventBus;
  secure: SecureStore;
  plain: PlainStore;
  connection: ConnectionService;
  auth: AuthService;
  budget: CallBudget;
  client: DrchronoClient;
  /** What this drchrono account may do, as seen from the calls made (Settings → Connection). */
  capabilities: CapabilityService;
  prefs: PrefsService;
  lock: LockService;
  practice: PracticeService;
  book: AppointmentBook;
  roster: PatientRoster;
  edits: EditQueue;
  sync: SyncEngine;
  /** Documents' files and this desk's change history (issue 12). */
  paperwork: { files: FileFetcher; history: ChangeHistory };
  appInfo(): AppInfo;
}
