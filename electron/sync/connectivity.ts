import type { Clock } from '../../shared/time/clock';
import type { ApiFailure } from '../drchrono/types';
import { isTransportFailure } from './failures';

export type ConnectionState = 'online' | 'offline' | 'signed-out';

export interface ConnectivityOptions {
  clock: Clock;
  /** Consecutive transport failures before we call ourselves offline. */
  failuresBeforeOffline?: number;
}

/**
 * Whether drchrono is reachable, judged from the outcomes of real calls (no extra pings): after
 * a few transport failures in a row we are offline, and the first success brings us back. Every
 * service's calls report here through `trackedClient`.
 */
export class Connectivity {
  private current: ConnectionState = 'online';
  private failuresInRow = 0;
  private readonly threshold: number;
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  /** When the last call succeeded (epoch ms), for "last synced" and for probing. */
  lastSuccessAt: number | null = null;
  /** When we went offline, and why (a transport message, never patient data). */
  offlineSince: number | null = null;
  lastProblem: string | null = null;

  constructor(private readonly options: ConnectivityOptions) {
    this.threshold = options.failuresBeforeOffline ?? 3;
  }

  get state(): ConnectionState {
    return this.current;
  }

  isOnline(): boolean {
    return this.current === 'online';
  }

  reportSuccess(): void {
    this.failuresInRow = 0;
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
      if (failure.kind === 'http' || failure.kind === 'invalid_response') this.reportReachable();
      return;
    }
    this.failuresInRow += 1;
    this.lastProblem = failure.message;
    if (this.failuresInRow >= this.threshold && this.current === 'online') {
      this.offlineSince = this.options.clock.now();
      this.set('offline');
    }
  }

  /** The session came back (sign-in) or went away (sign-out). */
  setSignedIn(signedIn: boolean): void {
    if (!signedIn) this.set('signed-out');
    else if (this.current === 'signed-out') {
      this.failuresInRow = 0;
      this.set('online');
    }
  }

  onChange(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
