import type { FaultKind } from './stats';

export interface RequestLogEntry {
  seq: number;
  /** Sandbox clock, epoch ms, when the request arrived. */
  time: number;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Parsed JSON or form body; undefined when there was none. */
  body: unknown;
  /** Status sent, or the status that would have been sent before a drop-after; 0 when none. */
  status: number;
  fault: FaultKind | null;
  clientId: string | null;
}

/** The last `limit` requests (oldest dropped first), for tests and the benchmark. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  constructor(private readonly limit: number) {}

  add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full = { ...entry, seq: ++this.seq };
    this.entries.push(full);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    return full;
  }

  list(): RequestLogEntry[] {
    return structuredClone(this.entries);
  }

  clear(): void {
    this.entries = [];
  }
}
