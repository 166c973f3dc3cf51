const hourMs = 3_600_000;

export interface QuotaUsage {
  clientId: string;
  /** Epoch ms of the top of the hour this usage belongs to. */
  hourStart: number;
  used: number;
  limit: number | null;
  remaining: number | null;
}

/**
 * The hourly rate limit: calls per client_id per clock hour (the sandbox's clock), reset at the
 * top of each hour. Over it: 429 with DRF's throttle message and no Retry-After header.
 */
export class Quota {
  private readonly windows = new Map<string, { hour: number; used: number }>();

  constructor(public limit: number) {}

  get enabled(): boolean {
    return Number.isFinite(this.limit) && this.limit > 0;
  }

  /** Counts a call; returns the seconds to wait when the quota is spent. */
  take(clientId: string, now: number): { ok: true } | { ok: false; retrySeconds: number } {
    const hour = Math.floor(now / hourMs);
    let w = this.windows.get(clientId);
    if (w?.hour !== hour) {
      w = { hour, used: 0 };
      this.windows.set(clientId, w);
    }
    if (this.enabled && w.used >= this.limit)
      return {
        ok: false,
        retrySeconds: Math.max(1, Math.ceil(((hour + 1) * hourMs - now) / 1000)),
      };
    w.used++;
    return { ok: true };
  }

  usage(now: number): QuotaUsage[] {
    const hour = Math.floor(now / hourMs);
    return [...this.windows].map(([clientId, w]) => {
      const used = w.hour === hour ? w.used : 0;
      return {
        clientId,
        hourStart: hour * hourMs,
        used,
        limit: this.enabled ? this.limit : null,
        remaining: this.enabled ? Math.max(0, this.limit - used) : null,
      };
    });
  }

  clear(): void {
    this.windows.clear();
  }
}

export const throttledBody = (seconds: number): { detail: string } => ({
  detail: `Request was throttled. Expected available in ${String(seconds)} seconds.`,
});
