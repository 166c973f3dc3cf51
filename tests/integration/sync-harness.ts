import type { EventName, EventPayload } from '../../shared/contract';
import { VirtualClock } from '../../shared/time/clock';
import { createEventBus } from '../../electron/app/event-bus';
import type { EventBus } from '../../electron/app/services';
import { createCallBudget, type AdjustableCallBudget } from '../../electron/drchrono/budget';
import { createDrchronoClient } from '../../electron/drchrono/client';
import type { FetchLike } from '../../electron/drchrono/transport';
import type { DrchronoClient, TokenSource } from '../../electron/drchrono/types';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../electron/sandbox';
import { createMemorySecureStore, defaultPrefs } from '../../electron/store';
import type { SecureStore } from '../../electron/store/types';
import { memoryPlainStore } from '../fault/memory-plain-store';
import {
  createSyncServices,
  type SyncServices,
  type SyncServicesOptions,
} from '../../electron/sync';

/**
 * A world for sync tests and the simulated day: one in-process sandbox on a VirtualClock, and as
 * many workstations as wanted, each with its own client, budget, store and sync services (the same
 * API application, so they share drchrono's quota, as in a real practice).
 *
 * Virtual time only moves when the driver moves it, and only once nothing is in flight: every
 * fetch and every store operation is counted, and `quiet()` waits for them to finish before the
 * clock jumps (otherwise a request's own timeout sleeper could fire while it is still running).
 */

export const SANDBOX_ORIGIN = 'http://sandbox.test';

export class InFlight {
  count = 0;
  track<T>(work: Promise<T>): Promise<T> {
    this.count += 1;
    return work.finally(() => {
      this.count -= 1;
    });
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lets every continuation run and waits until no fetch or store operation is in flight. */
export async function quiet(inflight: InFlight): Promise<void> {
  let calm = 0;
  for (let i = 0; i < 1_000_000 && calm < 3; i++) {
    await turn();
    calm = inflight.count === 0 ? calm + 1 : 0;
    if (inflight.count > 0) await new Promise((r) => setTimeout(r, 0));
  }
}

export function trackedStore(store: SecureStore, inflight: InFlight): SecureStore {
  return {
    read: (name, schema) => inflight.track(store.read(name, schema)),
    write: (name, value) => inflight.track(store.write(name, value)),
    delete: (name) => inflight.track(store.delete(name)),
    quarantine: (name) => inflight.track(store.quarantine(name)),
    wipe: (options) => inflight.track(store.wipe(options)),
  };
}

export interface WorkstationOptions {
  secure?: SecureStore;
  storage?: SyncServicesOptions['storage'];
  share?: number;
  tuning?: SyncServicesOptions['tuning'];
  /** The token to use (default: a fresh one from the sandbox). */
  token?: string;
}

export interface Workstation {
  name: string;
  services: SyncServices;
  client: DrchronoClient;
  budget: AdjustableCallBudget;
  secure: SecureStore;
  events: EventBus;
  received: { event: EventName; payload: unknown }[];
  /** Requests this workstation sent (each page, each redirect hop, failures included). */
  calls(): number;
  /** Every request: when (virtual ms), what, and drchrono's status (0 when the connection failed). */
  log: { at: number; method: string; url: string; status: number }[];
  /**
   * Cuts this workstation's network (the sandbox stays up for the others): connections drop with
   * no code (`dropped`, the default), are refused as by a closed port (`refused`), or hang until
   * the request's own timeout (`slow`).
   */
  setNetwork(up: boolean, how?: NetworkFault): void;
}

export type NetworkFault = 'dropped' | 'refused' | 'slow';

/** What undici's fetch throws when nothing listens on the port. */
function refusedError(): TypeError {
  const cause = Object.assign(new Error('connect ECONNREFUSED 203.0.113.7:443'), {
    code: 'ECONNREFUSED',
  });
  return new TypeError('fetch failed', { cause });
}

export interface World {
  clock: VirtualClock;
  sandbox: Sandbox;
  inflight: InFlight;
  workstation(name: string, options?: WorkstationOptions): Workstation;
  /** Moves virtual time forward by `ms`, running everything that comes due on the way. */
  advance(ms: number): Promise<void>;
  /** Runs `work` to completion, moving virtual time only when everything waits on the clock. */
  drive<T>(work: Promise<T>, limitMs?: number): Promise<T>;
}

export function createWorld(
  options: { start: number } & Omit<SandboxOptions, 'clock' | 'publicBaseUrl'>,
): World {
  const { start, ...sandboxOptions } = options;
  const clock = new VirtualClock(start);
  const sandbox = createSandbox({ ...sandboxOptions, clock, publicBaseUrl: SANDBOX_ORIGIN });
  const inflight = new InFlight();

  async function advanceTo(target: number): Promise<void> {
    for (;;) {
      await quiet(inflight);
      const due = clock.nextDue();
      if (due === undefined || due > target) break;
      await clock.advanceTo(due);
    }
    await clock.advanceTo(target);
    await quiet(inflight);
  }

  async function drive<T>(work: Promise<T>, limitMs = 6 * 3_600_000): Promise<T> {
    const state = { settled: false };
    const watched = work.finally(() => {
      state.settled = true;
    });
    const deadline = clock.now() + limitMs;
    for (;;) {
      await quiet(inflight);
      if (state.settled) return watched;
      const due = clock.nextDue();
      if (due === undefined) {
        await new Promise((r) => setTimeout(r, 1));
        continue;
      }
      if (due > deadline) throw new Error('The work did not finish within its virtual time limit');
      await clock.advanceTo(due);
    }
  }

  function workstation(name: string, ws: WorkstationOptions = {}): Workstation {
    const token = ws.token ?? sandbox.control.issueTokens().access_token;
    const tokens: TokenSource = {
      accessToken: () => Promise.resolve(token),
      refreshAfterRejection: () => Promise.resolve(null),
    };
    let sent = 0;
    let up = true;
    let fault: NetworkFault = 'dropped';
    const log: Workstation['log'] = [];
    /** A request that never gets an answer: waits on the clock (not counted as in flight, or
     * virtual time could never move past it) until the request's own timeout aborts it. */
    const hang = async (request: Request): Promise<Response> => {
      sent += 1;
      log.push({ at: clock.now(), method: request.method, url: request.url, status: 0 });
      await clock.sleep(24 * 3_600_000, request.signal).catch(() => undefined);
      throw new DOMException('Aborted', 'AbortError');
    };
    const fetch: FetchLike = (request) =>
      !up && fault === 'slow'
        ? hang(request)
        : inflight.track(
            (async () => {
              sent += 1;
              const entry = {
                at: clock.now(),
                method: request.method,
                url: request.url,
                status: 0,
              };
              log.push(entry);
              if (!up && fault === 'refused') throw refusedError();
              if (!up) throw new TypeError('fetch failed', { cause: new Error('network down') });
              const response = await sandbox.handle(request);
              entry.status = response.status;
              return response;
            })(),
          );
    const budget = createCallBudget({
      store: memoryPlainStore(),
      clock,
      hourlyQuota: defaultPrefs.budget.hourlyQuota,
      share: ws.share ?? defaultPrefs.budget.share,
    });
    const client = createDrchronoClient({ baseUrl: SANDBOX_ORIGIN, fetch, tokens, budget, clock });
    const secure = trackedStore(ws.secure ?? createMemorySecureStore({ clock }), inflight);
    const events = createEventBus();
    const received: Workstation['received'] = [];
    events.subscribe(<E extends EventName>(event: E, payload: EventPayload<E>) => {
      received.push({ event, payload });
    });
    const services = createSyncServices({
      clock,
      client,
      budget,
      secure,
      events,
      prefs: { get: () => defaultPrefs },
      storage: ws.storage ?? { keyProtection: 'keyfile', phiOnDisk: true, warning: null },
      ...(ws.tuning ? { tuning: ws.tuning } : {}),
    });
    return {
      name,
      services,
      client,
      budget,
      secure,
      events,
      received,
      calls: () => sent,
      log,
      setNetwork: (value, how = 'dropped') => {
        up = value;
        fault = how;
      },
    };
  }

  return {
    clock,
    sandbox,
    inflight,
    workstation,
    advance: (ms) => advanceTo(clock.now() + ms),
    drive,
  };
}

/** 08:30 in New York on a Tuesday: the desk opens. */
export const TUESDAY_0830 = Date.UTC(2026, 10, 24, 13, 30);
