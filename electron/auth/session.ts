import type { Clock } from '../../shared/time/clock';
import type { TokenSource } from '../drchrono/types';
import { IntegrityError, type SecureStore } from '../store/types';
import {
  TOKENS_DOCUMENT,
  tokenDocumentSchema,
  type AuthProfile,
  type TokenDocument,
} from './token-document';
import { refreshTokens, type TokenEndpointDeps } from './token-endpoint';

export interface SessionOptions {
  secure: SecureStore;
  clock: Clock;
  /** The token endpoint for the application that issued the current tokens. */
  endpoint: (doc: TokenDocument) => TokenEndpointDeps;
  /** Refresh this long before expiry (default 10 minutes), so no call goes out with a dying token. */
  refreshLeadMs?: number;
  /** drchrono refused the refresh token: the session is over. */
  onEnded: () => void;
}

export interface Session extends TokenSource {
  /** Reads the saved tokens; `unreadable` when the document failed its integrity check. */
  load(owner: { clientId: string; baseUrl: string }): Promise<'none' | 'loaded' | 'unreadable'>;
  current(): TokenDocument | null;
  /** Saves first, then uses: tokens only ever live in memory once they are durable. */
  establish(doc: TokenDocument): Promise<void>;
  setProfile(profile: AuthProfile): Promise<void>;
  /** Forgets the tokens (memory and disk) and returns what was held, e.g. for revocation. */
  clear(): Promise<TokenDocument | null>;
}

/**
 * The token lifecycle: refresh ahead of expiry and after a 401, one refresh at a time however many
 * calls are waiting, and the rotated refresh token written to disk before the new access token is
 * handed to anyone (a crash in between must not leave only a dead refresh token on disk).
 */
export function createSession(options: SessionOptions): Session {
  const { secure, clock } = options;
  const leadMs = options.refreshLeadMs ?? 10 * 60_000;
  let doc: TokenDocument | null = null;
  let refreshing: Promise<string | null> | null = null;
  // Bumped on clear/establish so a refresh that finishes afterwards cannot resurrect old tokens.
  let generation = 0;

  // Changes to the held tokens (refresh result, sign-in, sign-out) happen one at a time, each with
  // its disk write, so a refresh finishing during a sign-out cannot write tokens back afterwards.
  let chain: Promise<unknown> = Promise.resolve();
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  }

  async function refresh(): Promise<string | null> {
    const held = doc;
    if (held === null) return null;
    const startedIn = generation;
    const result = await refreshTokens(options.endpoint(held), held.refreshToken);
    return exclusive(async () => {
      // Signed out or signed in afresh meanwhile: these tokens belong to a session that is gone.
      if (startedIn !== generation) return doc?.accessToken ?? null;
      if (result.ok) {
        const next: TokenDocument = { ...held, ...result.tokens };
        try {
          await secure.write(TOKENS_DOCUMENT, next);
        } catch {
          // The disk refused: the new tokens still work in memory for this run, and the next
          // start signs in again. Signing out now would only lose the desk its session.
        }
        doc = next;
        return next.accessToken;
      }
      if (result.failure.kind === 'invalid_grant' || result.failure.kind === 'invalid_client') {
        generation++;
        doc = null;
        await secure.delete(TOKENS_DOCUMENT).catch(() => undefined);
        options.onEnded();
        return null;
      }
      // Network or server trouble: the session is not over; there is just no new token right now.
      return null;
    });
  }

  function singleFlight(): Promise<string | null> {
    refreshing ??= refresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  return {
    async load(owner) {
      let stored: TokenDocument | undefined;
      try {
        stored = await secure.read(TOKENS_DOCUMENT, tokenDocumentSchema);
      } catch (error) {
        if (!(error instanceof IntegrityError)) throw error;
        await secure.delete(TOKENS_DOCUMENT);
        return 'unreadable';
      }
      if (stored === undefined) return 'none';
      if (stored.clientId !== owner.clientId || stored.baseUrl !== owner.baseUrl) {
        await secure.delete(TOKENS_DOCUMENT);
        return 'none';
      }
      doc = stored;
      return 'loaded';
    },
    current: () => doc,
    establish(next) {
      return exclusive(async () => {
        await secure.write(TOKENS_DOCUMENT, next);
        generation++;
        doc = next;
      });
    },
    setProfile(profile) {
      return exclusive(async () => {
        if (doc === null) return;
        const next = { ...doc, profile };
        doc = next;
        await secure.write(TOKENS_DOCUMENT, next).catch(() => undefined);
      });
    },
    clear() {
      return exclusive(async () => {
        const held = doc;
        generation++;
        doc = null;
        await secure.delete(TOKENS_DOCUMENT);
        return held;
      });
    },
    async accessToken() {
      const held = doc;
      if (held === null) return null;
      if (held.expiresAt - clock.now() > leadMs) return held.accessToken;
      const fresh = await singleFlight();
      // Refresh impossible for now (offline, drchrono down): send the token we hold. The call then
      // fails as what it is (no network), or meets a 401 that refreshes once drchrono answers,
      // instead of reporting the session over while it is not.
      return fresh ?? doc?.accessToken ?? null;
    },
    async refreshAfterRejection(rejected) {
      const held = doc;
      if (held === null) return null;
      // Someone else already refreshed while this call was out: use their token.
      if (held.accessToken !== rejected) return held.accessToken;
      return singleFlight();
    },
  };
}
