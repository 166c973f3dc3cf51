import { Prng } from './prng';
import type { FaultKind } from './stats';

/**
 * Fault injection. Decisions come from their own seeded stream and every request draws the same
 * number of values, so a run is reproducible from the seed and the order of requests, whatever
 * the rates are.
 */
export interface FaultConfig {
  /** Added to every non-control request, on the sandbox clock. */
  latencyMs: number;
  /** Up to this much more, uniformly. */
  latencyJitterMs: number;
  /** Share of requests answered 500/502/503 without being processed. */
  errorRate: number;
  /** Share of requests whose connection drops before anything is done. */
  dropBeforeRate: number;
  /** Share of requests processed (committed), whose connection then drops before the answer. */
  dropAfterRate: number;
  /** Share of requests answered 429 although the quota is not spent. */
  rateOf429: number;
  /** Every non-control request fails at transport level. */
  offline: boolean;
  /** Apply error/drop/429 faults to /o/token/ and /o/revoke_token/ as well as /api/. */
  includeOAuth: boolean;
}

export const noFaults: FaultConfig = {
  latencyMs: 0,
  latencyJitterMs: 0,
  errorRate: 0,
  dropBeforeRate: 0,
  dropAfterRate: 0,
  rateOf429: 0,
  offline: false,
  includeOAuth: false,
};

export interface FaultDecision {
  latencyMs: number;
  kind: Exclude<FaultKind, 'offline'> | null;
  errorStatus: 500 | 502 | 503;
  retrySeconds: number;
}

export class Faults {
  config: FaultConfig = { ...noFaults };
  private prng: Prng;

  constructor(private readonly seed: number) {
    this.prng = new Prng(seed ^ 0x5eed_fa17);
  }

  set(patch: Partial<FaultConfig>): FaultConfig {
    const defined = Object.fromEntries(
      Object.entries(patch as Record<string, unknown>).filter(
        ([k, v]) => v !== undefined && k in noFaults,
      ),
    );
    this.config = { ...this.config, ...defined };
    return { ...this.config };
  }

  reset(): void {
    this.config = { ...noFaults };
    this.prng = new Prng(this.seed ^ 0x5eed_fa17);
  }

  decide(appliesToPath: boolean): FaultDecision {
    const [jitter, roll, statusPick, retryPick] = [
      this.prng.next(),
      this.prng.next(),
      this.prng.next(),
      this.prng.next(),
    ];
    const c = this.config;
    const latencyMs = Math.max(0, c.latencyMs + jitter * c.latencyJitterMs);
    const errorStatus = statusPick < 0.5 ? 500 : statusPick < 0.8 ? 502 : 503;
    const retrySeconds = 1 + Math.floor(retryPick * 10);
    let kind: FaultDecision['kind'] = null;
    if (appliesToPath) {
      // One roll, stacked bands: the rates are shares of all requests and never overlap.
      let edge = 0;
      for (const [k, rate] of [
        ['error', c.errorRate],
        ['drop-before', c.dropBeforeRate],
        ['drop-after', c.dropAfterRate],
        ['spurious-429', c.rateOf429],
      ] as const) {
        edge += Math.max(0, rate);
        if (roll < edge) {
          kind = k;
          break;
        }
      }
    }
    return { latencyMs, kind, errorStatus, retrySeconds };
  }
}

/** Bodies as a gateway or Django would send them: HTML, not JSON. Clients must cope. */
export function faultResponse(status: 500 | 502 | 503): Response {
  const titles = {
    500: 'Server Error (500)',
    502: '502 Bad Gateway',
    503: '503 Service Temporarily Unavailable',
  };
  return new Response(
    `<html><head><title>${titles[status]}</title></head><body><h1>${titles[status]}</h1></body></html>`,
    {
      status,
      headers: { 'content-type': 'text/html' },
    },
  );
}
