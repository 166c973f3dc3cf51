import type { AppointmentItem } from '../../shared/contract';

/**
 * Edits the desk has shown but the book has not confirmed yet. A drag shows its result at once;
 * until the next answer from the book carries it, the overlay keeps it on screen, so an answer
 * already on its way with the old position cannot make the appointment jump back and forth.
 */
export type OverlayEntry =
  | { kind: 'patch'; id: string; patch: Partial<AppointmentItem>; settled: boolean; seen: number }
  | { kind: 'added'; id: string; appointment: AppointmentItem; settled: true; seen: number }
  | { kind: 'removed'; id: string; settled: boolean; seen: number };

export type Overlay = ReadonlyMap<string, OverlayEntry>;

export function applyOverlay(
  appointments: readonly AppointmentItem[],
  overlay: Overlay,
): AppointmentItem[] {
  if (overlay.size === 0) return appointments as AppointmentItem[];
  const out: AppointmentItem[] = [];
  const present = new Set<string>();
  for (const a of appointments) {
    present.add(a.id);
    const entry = overlay.get(a.id);
    if (!entry) out.push(a);
    else if (entry.kind === 'patch') out.push({ ...a, ...entry.patch });
    else if (entry.kind === 'added') out.push(entry.appointment);
  }
  for (const entry of overlay.values()) {
    if (entry.kind === 'added' && !present.has(entry.id)) out.push(entry.appointment);
  }
  return out;
}

function reflected(entry: OverlayEntry, book: ReadonlyMap<string, AppointmentItem>): boolean {
  const current = book.get(entry.id);
  if (entry.kind === 'removed') return !current;
  if (entry.kind === 'added') return Boolean(current);
  if (!current) return false;
  return Object.entries(entry.patch).every(
    ([key, value]) => (current as Record<string, unknown>)[key] === value,
  );
}

/**
 * After a new answer from the book: settled edits it reflects leave the overlay; a settled edit
 * it does not reflect (someone changed it again meanwhile) leaves after one more answer.
 */
export function reconcile(overlay: Overlay, appointments: readonly AppointmentItem[]): Overlay {
  if (overlay.size === 0) return overlay;
  const book = new Map(appointments.map((a) => [a.id, a]));
  const next = new Map<string, OverlayEntry>();
  let changed = false;
  for (const [id, entry] of overlay) {
    if (!entry.settled) {
      next.set(id, entry);
      continue;
    }
    if (reflected(entry, book) || entry.seen >= 1) {
      changed = true;
      continue;
    }
    next.set(id, { ...entry, seen: entry.seen + 1 });
    changed = true;
  }
  return changed ? next : overlay;
}
