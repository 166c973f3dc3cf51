import type { AppointmentItem, PendingState } from '../../shared/contract';
import { instantToWall, type IsoDate } from '../../shared/time/practice-time';
import type { AppointmentDays } from './appointment-days';
import type { StoredAppointment } from './desk-fields';
import { localIdFor, type OutboxEntry } from './outbox-entry';

interface Working {
  record: Record<string, unknown> & { id: string };
  pending: PendingState | null;
  statusSince: string | null;
  deleted: boolean;
}

/**
 * The book as the desk should see it: drchrono's appointments with the outbox's unsent edits on
 * top. A waiting edit shows the user's version marked `pending` (a queued booking appears under
 * its local id); a conflict or a refusal shows drchrono's version, marked so the user can act.
 */
export function overlayDays(
  dates: IsoDate[],
  days: AppointmentDays,
  entries: readonly OutboxEntry[],
  zone: string,
): AppointmentItem[] {
  const wanted = new Set(dates);
  const working = new Map<string, Working>();
  const lookup = (id: string): Working | null => {
    const known = working.get(id);
    if (known) return known;
    const stored = days.find(id);
    if (!stored) return null;
    const fresh: Working = {
      record: { ...stored },
      pending: null,
      statusSince: days.statusSinceOf(stored.id, stored.status),
      deleted: false,
    };
    working.set(id, fresh);
    return fresh;
  };

  for (const entry of entries) {
    if (entry.resource !== 'appointments') continue;
    const marker: PendingState = {
      state: entry.state,
      message: entry.message,
      outboxId: entry.id,
    };
    const applies = entry.state === 'pending';
    if (entry.op === 'create') {
      // Shown even in conflict, where the user tried to put it, so the clash is visible.
      const id = localIdFor(entry.id);
      working.set(id, {
        record: { status: '', reason: '', notes: '', ...entry.body, id },
        pending: marker,
        statusSince: null,
        deleted: false,
      });
      continue;
    }
    if (entry.targetId === null) continue;
    const target = lookup(entry.targetId);
    if (!target) continue;
    target.pending = strongest(target.pending, marker);
    if (!applies) continue;
    if (entry.op === 'delete') {
      target.deleted = true;
      continue;
    }
    if ('status' in entry.body && entry.body.status !== target.record.status) {
      target.statusSince = instantToWall(entry.createdAt, zone);
    }
    target.record = { ...target.record, ...entry.body, id: target.record.id };
  }

  const items: AppointmentItem[] = [];
  for (const date of dates) {
    for (const stored of days.day(date) ?? []) {
      if (working.has(stored.id)) continue;
      items.push(plain(stored, days));
    }
  }
  for (const w of working.values()) {
    if (w.deleted) continue;
    const time = w.record.scheduled_time;
    if (typeof time !== 'string' || !wanted.has(time.slice(0, 10))) continue;
    items.push({
      ...(w.record as AppointmentItem),
      pending: w.pending,
      status_since: w.statusSince,
    });
  }
  return items.sort((a, b) =>
    a.scheduled_time === b.scheduled_time
      ? a.id < b.id
        ? -1
        : 1
      : a.scheduled_time < b.scheduled_time
        ? -1
        : 1,
  );
}

function plain(stored: StoredAppointment, days: AppointmentDays): AppointmentItem {
  return { ...stored, pending: null, status_since: days.statusSinceOf(stored.id, stored.status) };
}

const rank: Record<PendingState['state'], number> = { pending: 0, attention: 1, conflict: 2 };

/** A conflict or a refusal outranks a plain wait: it is what the user must see. */
function strongest(current: PendingState | null, next: PendingState): PendingState {
  if (!current) return next;
  return rank[next.state] >= rank[current.state] ? next : current;
}
