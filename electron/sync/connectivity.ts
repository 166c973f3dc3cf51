import type { Clock } from '../../shared/time/clock';
import type { ApiFailure, TransportCause } from '../drchrono/types';
import { isTransportFailure } from './failures';

export type ConnectionState = 'online' | 'offline' | 'signed-out';

export interface ConnectivityOptions {
  clock: Clock;
  /** Consecutive transport failures before we call ourselves offline. */
  failuresBeforeOffline?: number;
  /** A call still unanswered after this long makes the connection "slow". Default 10 s. */
  slowAfterMs?: number;
}

/** Failures that say drchrono cannot be reached at all, not that it is slow or a packet was lost. */
const unreachableCauses = new Set<TransportCause>([
  'refused',
  'reset',
  'unresolvable',
  'unreachable',
]);

/**
 * Whether drchrono is reachable, judged from the outcomes of real calls (no extra pings): after
 * a few transport failures in a row we are offline, and the first success brings us back. A
 * refused, reset or unresolvable connection is telling on its own: it asks for one probe at once
 * (`onProbeWanted`), and a second such failure in a row is enough to say so, seconds after the
 * first. A call that has waited `slowAfterMs` marks the connection slow until a call answers in
 * time. Every service's calls report here through `trackedClient`.
 */
export class Connectivity {
  private current: ConnectionState = 'online';
  private failuresInRow = 0;
  private unreachableInRow = 0;
  private slowCalls = 0;
  private readonly threshold: number;
  private readonly slowAfterMs: number;
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private readonly probeListeners = new Set<() => void>();
  private readonly slowListeners = new Set<() => void>();
  /** When the last call succeeded (epoch ms), for "last synced" and for probing. */
  lastSuccessAt: number | null = null;
  /** When we went offline, and why (a transport message, never patient data). */
  offlineSince: number | null = null;
  lastProblem: string | null = null;
  /** Since when calls have been slow to answer (epoch ms), or null. */
  slowSince: number | null = null;

  constructor(private readonly options: ConnectivityOptions) {
    this.threshold = options.failuresBeforeOffline ?? 3;
    this.slowAfterMs = options.slowAfterMs ?? 10_000;
  }

  get state(): ConnectionState {
    return this.current;
  }

  isOnline(): boolean {
    return this.current === 'online';
  }

  reportSuccess(): void {
    this.failuresInRow = 0;
    this.unreachableInRow = 0;
    this.lastSuccessAt = this.options.clock.now();
    this.lastProblem = null;
    this.set('online');
  }

  reportFailure(failure: ApiFailure): void {
    if (failure.kind === 'unauthenticated') {
      this.lastProblem = failure.message;
      this.set('signed-out');
      return;
    }
    if (!isTransportFailure(failure)) {
      // drchrono answered, so it is reachable, even if it said no.
      this.failuresInRow = 0;
      this.unreachableInRow = 0;
      if (failure.kind === 'http' || failure.kind === 'invalid_response') this.reportReachable();
      return;
    }
    this.failuresInRow += 1;
    const unreachable =
      failure.kind === 'network' &&
      failure.cause !== undefined &&
      unreachableCauses.has(failure.cause);
    this.unreachableInRow = unreachable ? this.unreachableInRow + 1 : 0;
    this.lastProblem = failure.message;
    if (this.current !== 'online') return;
    if (this.failuresInRow >= this.threshold || this.unreachableInRow >= 2) {
      this.offlineSince = this.options.clock.now();
      this.set('offline');
    } else if (unreachable) {
      for (const listener of [...this.probeListeners]) listener();
    }
  }

  /** Watches one call: past `slowAfterMs` without an answer, the connection is slow. */
  async watch<T>(work: Promise<T>, answered: (value: T) => boolean): Promise<T> {
    const timer = new AbortController();
    const call = { slow: false };
    this.options.clock.sleep(this.slowAfterMs, timer.signal).then(
      () => {
        call.slow = true;
        this.slowCalls += 1;
        if (this.slowSince === null) {
          this.slowSince = this.options.clock.now();
          this.emitSlow();
        }
      },
      () => undefined, // answered in time
    );
    try {
      const value = await work;
      // An answer in time means the network is fine again; a slow one or a timeout does not.
      if (!call.slow && answered(value) && this.slowSince !== null && this.slowCalls === 0) {
        this.slowSince = null;
        this.emitSlow();
      }
      return value;
    } finally {
      timer.abort();
      if (call.slow) this.slowCalls -= 1;
    }
  }

  /** The session came back (sign-in) or went away (sign-out). */
  setSignedIn(signedIn: boolean): void {
    if (!signedIn) this.set('signed-out');
    else if (this.current === 'signed-out') {
      this.failuresInRow = 0;
      this.unreachableInRow = 0;
      this.set('online');
    }
  }

  onChange(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A refused, reset or unresolvable connection: one probe now tells whether it was a blip. */
  onProbeWanted(listener: () => void): () => void {
    this.probeListeners.add(listener);
    return () => this.probeListeners.delete(listener);
  }

  /** The connection became slow, or answers in time again. */
  onSlowChange(listener: () => void): () => void {
    this.slowListeners.add(listener);
    return () => this.slowListeners.delete(listener);
  }

  private emitSlow(): void {
    for (const listener of [...this.slowListeners]) listener();
  }

  private reportReachable(): void {
    if (this.current === 'offline') this.set('online');
  }

  private set(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    if (state === 'online') this.offlineSince = null;
    for (const listener of [...this.listeners]) listener(state);
  }
}
