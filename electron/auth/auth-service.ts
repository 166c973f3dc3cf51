import type { AddressInfo } from 'node:net';
import type { AuthStatus } from '../../shared/contract';
import { err, ok, type AppError, type Result } from '../../shared/result';
import type { Clock } from '../../shared/time/clock';
import type {
  AuthService,
  ConnectionService,
  EventBus,
  Platform,
  ResolvedConnection,
} from '../app/services';
import type { CallObserver } from '../drchrono/observer';
import type { FetchLike } from '../drchrono/transport';
import type { SecureStore } from '../store/types';
import { startLoopbackListener, type CallbackAnswer, type LoopbackListener } from './loopback';
import { authMessages, safeErrorName } from './messages';
import { donePage, failedPage, rejectedPage } from './pages';
import { authorizeRequest, loopbackRedirect } from './authorize-request';
import { defaultRandom, sameSecret, type RandomBytes } from './pkce';
import { createSession } from './session';
import type { AuthProfile } from './token-document';
import { exchangeCode, revokeToken, type TokenEndpointDeps } from './token-endpoint';

export interface AuthServiceOptions {
  connection: ConnectionService;
  secure: SecureStore;
  platform: Pick<Platform, 'openAuthorizePage' | 'callback'>;
  fetch: FetchLike;
  clock: Clock;
  events?: Pick<EventBus, 'emit'>;
  random?: RandomBytes;
  /** Who signed in, for the status bar; e.g. `createProfileLoader(client)`. Failures are ignored. */
  loadProfile?: () => Promise<AuthProfile | null>;
  /** How long a started sign-in (and its loopback listener) waits. Default 5 minutes. */
  signInTimeoutMs?: number;
  refreshLeadMs?: number;
  /** Per request to /o/token/ and /o/revoke_token/. Default 30 s. */
  tokenTimeoutMs?: number;
  /** The diagnostic log: told about each token call, redacted (see drchrono/observer.ts). */
  observer?: CallObserver;
}

export interface FrontdeskAuthService extends AuthService {
  /** After the connection settings change: tokens of another application are dropped. */
  connectionChanged(): Promise<AuthStatus>;
  /** Fetches who is signed in again (e.g. when the one at sign-in failed); no-op when signed out. */
  refreshProfile(): Promise<AuthStatus>;
  /** The loopback listener's address while a sign-in waits; null otherwise. */
  listening(): AddressInfo | null;
  /**
   * The connection the signed-in session belongs to: its server (`demo` for the embedded practice,
   * whose port changes every run) and practice group (undefined until the profile has loaded).
   * Null when signed out.
   */
  connectionOwner(): { server: string; practiceGroup: number | null | undefined } | null;
}

interface Attempt {
  state: string;
  verifier: string;
  connection: ResolvedConnection;
  listener: LoopbackListener | null;
  expiry: AbortController;
}

type CallbackOutcome =
  { settled: false; error: AppError } | { settled: true; result: Result<AuthStatus> };

/** OAuth 2.0 authorization code flow with state and PKCE, and the session it produces. */
export async function createAuthService(
  options: AuthServiceOptions,
): Promise<FrontdeskAuthService> {
  const { secure, platform, fetch, clock } = options;
  const random = options.random ?? defaultRandom;
  const signInTimeoutMs = options.signInTimeoutMs ?? 5 * 60_000;
  const listeners = new Set<(status: AuthStatus) => void>();
  let connection = await options.connection.resolve();
  let attempt: Attempt | null = null;
  let lastError: AppError | null = null;

  const endpoint = (c: {
    baseUrl: string;
    clientId: string;
    clientSecret: string;
  }): TokenEndpointDeps => ({
    fetch,
    clock,
    baseUrl: c.baseUrl,
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    timeoutMs: options.tokenTimeoutMs ?? 30_000,
    observer: options.observer,
  });
  const session = createSession({
    secure,
    clock,
    ...(options.refreshLeadMs !== undefined ? { refreshLeadMs: options.refreshLeadMs } : {}),
    endpoint: (doc) => endpoint({ ...connection, baseUrl: doc.baseUrl, clientId: doc.clientId }),
    onEnded: () => {
      lastError = authMessages.sessionEnded();
      changed();
    },
  });
  if ((await session.load(connection)) === 'unreadable')
    lastError = authMessages.storedSessionUnreadable();

  function status(): AuthStatus {
    const profile = session.current()?.profile ?? null;
    return {
      state: attempt ? 'signing-in' : session.current() ? 'signed-in' : 'signed-out',
      mode: connection.mode,
      configured: connection.clientId !== '',
      user: profile?.user ?? null,
      practiceName: profile?.practiceName ?? null,
      lastError,
    };
  }

  function changed(): void {
    const now = status();
    options.events?.emit('auth:changed', now);
    for (const listener of listeners) listener(now);
  }

  /** Resolves when the listener has let go of its port (a new attempt may need the same one). */
  function endAttempt(ended: Attempt): Promise<void> {
    if (attempt === ended) attempt = null;
    ended.expiry.abort();
    return ended.listener?.close() ?? Promise.resolve();
  }

  async function loadProfile(): Promise<void> {
    if (!options.loadProfile) return;
    const profile = await options.loadProfile().catch(() => null);
    if (profile) await session.setProfile(profile);
  }

  /** Checks a callback against the waiting attempt; only a matching `state` settles anything. */
  async function handleCallback(url: URL): Promise<CallbackOutcome> {
    const current = attempt;
    if (current === null) return { settled: false, error: authMessages.noSignInWaiting() };
    const returned = url.searchParams.get('state');
    // A refusal without any `state` (drchrono may answer Cancel with just `error=access_denied`)
    // can only end the waiting sign-in, never complete one: taken at once, so the desk is not left
    // waiting five minutes. A wrong `state` is still someone else's answer.
    const stateless = returned === null && url.searchParams.has('error');
    if (!stateless && !sameSecret(returned ?? '', current.state)) {
      return { settled: false, error: authMessages.foreignCallback() };
    }
    void endAttempt(current); // single use: consumed before anything else happens
    const failed = (error: AppError): CallbackOutcome => {
      lastError = error;
      changed();
      return { settled: true, result: { ok: false, error } };
    };
    const denial = url.searchParams.get('error');
    if (denial !== null) {
      return failed(
        denial === 'access_denied'
          ? authMessages.accessDenied()
          : authMessages.refused(safeErrorName(denial)),
      );
    }
    const code = url.searchParams.get('code');
    if (!code) return failed(authMessages.refused('missing_code'));
    const c = current.connection;
    const exchanged = await exchangeCode(endpoint(c), code, c.redirectUri, current.verifier);
    if (!exchanged.ok) {
      const f = exchanged.failure;
      const detail = { detail: f.detail };
      if (f.kind === 'invalid_client') return failed({ ...authMessages.wrongClient(), ...detail });
      if (f.kind === 'invalid_grant') return failed({ ...authMessages.codeExpired(), ...detail });
      if (f.kind === 'network') {
        return failed({ ...authMessages.unreachable(new URL(c.baseUrl).host), ...detail });
      }
      return failed(f.error);
    }
    await session.establish({
      ...exchanged.tokens,
      clientId: c.clientId,
      baseUrl: c.baseUrl,
      profile: null,
    });
    lastError = null;
    changed();
    await loadProfile();
    changed();
    return { settled: true, result: ok(status()) };
  }

  async function onLoopbackCallback(url: URL): Promise<CallbackAnswer> {
    const outcome = await handleCallback(url);
    if (!outcome.settled) return { status: 400, html: rejectedPage, done: false };
    return { status: 200, html: outcome.result.ok ? donePage : failedPage, done: true };
  }

  async function beginSignIn(): Promise<
    Result<{ authorizeUrl: string; openedBy: 'main' | 'renderer' }>
  > {
    connection = await options.connection.resolve();
    if (attempt) await endAttempt(attempt);
    if (connection.clientId === '' || connection.clientSecret === '') {
      lastError = authMessages.notConfigured();
      changed();
      return { ok: false, error: lastError };
    }
    const request = authorizeRequest(connection, random);

    let listener: LoopbackListener | null = null;
    if (platform.callback === 'loopback') {
      const uri = loopbackRedirect(connection.redirectUri);
      if (uri === null) {
        return err(
          'not_configured',
          'For the desktop app the redirect URI must look like http://127.0.0.1:PORT/callback (the same one registered at drchrono).',
        );
      }
      try {
        listener = await startLoopbackListener({
          redirectUri: uri,
          onCallback: onLoopbackCallback,
        });
      } catch {
        return err(
          'internal',
          `Frontdesk could not listen on port ${uri.port} for drchrono’s answer; another program may be using it. Close it or register a different redirect URI.`,
        );
      }
    }
    const current: Attempt = {
      state: request.state,
      verifier: request.verifier,
      connection,
      listener,
      expiry: new AbortController(),
    };
    attempt = current;
    lastError = null;
    clock.sleep(signInTimeoutMs, current.expiry.signal).then(
      () => {
        if (attempt !== current) return;
        void endAttempt(current);
        lastError = authMessages.timedOut();
        changed();
      },
      () => undefined,
    );
    changed();
    try {
      const openedBy = await platform.openAuthorizePage(request.url, connection.mode);
      return ok({ authorizeUrl: request.url, openedBy });
    } catch {
      void endAttempt(current);
      changed();
      return err('internal', 'Frontdesk could not open drchrono’s sign-in page. Try again.');
    }
  }

  const service: FrontdeskAuthService = {
    status,
    beginSignIn,
    async completeSignIn(url) {
      const outcome = await handleCallback(url);
      return outcome.settled ? outcome.result : { ok: false, error: outcome.error };
    },
    cancelSignIn() {
      if (attempt) void endAttempt(attempt);
      changed();
      return status();
    },
    async signOut() {
      if (attempt) await endAttempt(attempt);
      const held = await session.clear();
      lastError = null;
      changed();
      // Best effort, after the local wipe: an unreachable drchrono must not keep tokens on disk.
      if (held)
        await revokeToken(
          endpoint({ ...connection, baseUrl: held.baseUrl, clientId: held.clientId }),
          held.accessToken,
        );
      return status();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    accessToken: () => session.accessToken(),
    refreshAfterRejection: (rejected) => session.refreshAfterRejection(rejected),
    async connectionChanged() {
      connection = await options.connection.resolve();
      const held = session.current();
      if (held && (held.clientId !== connection.clientId || held.baseUrl !== connection.baseUrl)) {
        await session.clear();
      }
      if (attempt) await endAttempt(attempt);
      changed();
      return status();
    },
    async refreshProfile() {
      if (session.current() === null) return status();
      await loadProfile();
      changed();
      return status();
    },
    listening: () => attempt?.listener?.address ?? null,
    connectionOwner() {
      const held = session.current();
      if (held === null) return null;
      const server = connection.mode === 'demo' ? 'demo' : new URL(held.baseUrl).origin;
      const profile = held.profile;
      return {
        server,
        practiceGroup: profile === null ? undefined : (profile.practiceGroup ?? undefined),
      };
    },
  };
  return service;
}
