/** Counters the control surface reports (besides the per-client quota usage). */
export type FaultKind = 'offline' | 'error' | 'drop-before' | 'drop-after' | 'spurious-429';

export class Stats {
  requests = 0;
  apiCalls = 0;
  tokenRequests = 0;
  codeExchanges = 0;
  refreshes = 0;
  failedGrants = 0;
  revocations = 0;
  /** 429s for real: the hourly quota was spent. */
  throttled = 0;
  unauthorized = 0;
  conflicts = 0;
  /** 403s for a missing scope or staff permission. */
  forbidden = 0;
  faults: Record<FaultKind, number> = {
    offline: 0,
    error: 0,
    'drop-before': 0,
    'drop-after': 0,
    'spurious-429': 0,
  };
  statuses: Record<string, number> = {};

  reset(): void {
    Object.assign(this, new Stats());
  }
}
