import type { VirtualClock } from '../../shared/time/clock';

/**
 * Runs `work` to completion on a VirtualClock. Sleepers due within `jumpMs` (budget spacing,
 * backoff, a 429 wait) are reached in one jump; otherwise time moves in small steps, each letting
 * real I/O and promise chains run, so a request's 30-second timeout never fires by accident.
 */
export async function drive<T>(
  clock: VirtualClock,
  work: Promise<T>,
  { stepMs = 10, jumpMs = 10_000 }: { stepMs?: number; jumpMs?: number } = {},
): Promise<T> {
  const state = { settled: false };
  const watched = work.then(
    (value) => {
      state.settled = true;
      return value;
    },
    (error: unknown) => {
      state.settled = true;
      throw error;
    },
  );
  await clock.advance(0);
  while (!state.settled) {
    const due = clock.nextDue();
    if (due !== undefined && due - clock.now() <= jumpMs) await clock.advanceTo(due);
    else await clock.advance(stepMs);
  }
  return watched;
}

export interface SentRequest {
  method: string;
  url: string;
  authorization: string | null;
  contentType: string | null;
  body: string;
  /** The answer's status and text, filled in when it arrives. */
  status?: number;
  answer?: string;
}

/** Wraps a fetch and records what actually went out: method, URL, Authorization and body. */
export function spyFetch(inner: (request: Request) => Promise<Response>): {
  fetch: (request: Request) => Promise<Response>;
  sent: SentRequest[];
} {
  const sent: SentRequest[] = [];
  return {
    sent,
    fetch: async (request) => {
      const entry: SentRequest = {
        method: request.method,
        url: request.url,
        authorization: request.headers.get('authorization'),
        contentType: request.headers.get('content-type'),
        body: await request.clone().text(),
      };
      sent.push(entry);
      const response = await inner(request);
      entry.status = response.status;
      entry.answer = await response.clone().text();
      return response;
    },
  };
}

/** A TokenSource over the sandbox's test token issuer; counts refreshes. */
export function sandboxTokens(control: { issueTokens(): { access_token: string } }): {
  accessToken(): Promise<string | null>;
  refreshAfterRejection(rejected: string): Promise<string | null>;
  refreshes: number;
  /** From now on a refresh is refused (as after `invalid_grant`). */
  endSession(): void;
} {
  let current = control.issueTokens().access_token;
  let ended = false;
  return {
    refreshes: 0,
    accessToken() {
      return Promise.resolve(current);
    },
    refreshAfterRejection(rejected) {
      if (ended) return Promise.resolve(null);
      if (rejected !== current) return Promise.resolve(current);
      this.refreshes++;
      current = control.issueTokens().access_token;
      return Promise.resolve(current);
    },
    endSession() {
      ended = true;
    },
  };
}
