import { utcMsToWall, wallToUtcMs, type IsoDate, type WallTime } from '../time/practice-time';

/**
 * Schedule arithmetic runs on practice wall time, the way drchrono stores it and the calendar
 * shows it: a wall time is turned into "minutes as if it were UTC", a plain number no machine
 * zone can bend. Spans are half-open: [start, end).
 */
export interface Span {
  start: number;
  end: number;
}

/** A span in wall time, for callers and the wire. */
export interface WallSpan {
  start: WallTime;
  end: WallTime;
}

export function wallMinutes(wall: WallTime): number {
  return wallToUtcMs(wall) / 60_000;
}

export function minutesToWall(minutes: number): WallTime {
  return utcMsToWall(minutes * 60_000);
}

export function dayStartMinutes(date: IsoDate): number {
  return wallMinutes(`${date}T00:00:00`);
}

export function spanOf(start: WallTime, durationMinutes: number): Span {
  const s = wallMinutes(start);
  return { start: s, end: s + Math.max(0, durationMinutes) };
}

export function toWallSpan(span: Span): WallSpan {
  return { start: minutesToWall(span.start), end: minutesToWall(span.end) };
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Sorted, with touching and overlapping spans joined; empty spans dropped. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** What is left of `from` once `busy` is taken out. */
export function subtractSpans(from: readonly Span[], busy: readonly Span[]): Span[] {
  const taken = mergeSpans(busy);
  const out: Span[] = [];
  for (const span of mergeSpans(from)) {
    let cursor = span.start;
    for (const b of taken) {
      if (b.end <= cursor) continue;
      if (b.start >= span.end) break;
      if (b.start > cursor) out.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
      if (cursor >= span.end) break;
    }
    if (cursor < span.end) out.push({ start: cursor, end: span.end });
  }
  return out;
}

export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const x = mergeSpans(a);
  const y = mergeSpans(b);
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const p = x[i] as Span;
    const q = y[j] as Span;
    const start = Math.max(p.start, q.start);
    const end = Math.min(p.end, q.end);
    if (end > start) out.push({ start, end });
    if (p.end < q.end) i++;
    else j++;
  }
  return out;
}

/** Rounds up to the next multiple of `step` minutes past midnight (wall clock). */
export function ceilToStep(minutes: number, step: number): number {
  return Math.ceil(minutes / step) * step;
}
