import type { HistoryEntryView, Practice } from '../../shared/contract';
import { formatClock } from '../../shared/schedule';
import { practiceClock } from '../app/format';
import { metatagsOf, withoutMarks } from '../../shared/drchrono';
import { formatMoney, methodLabel } from '../billing/money';

/** Where the practice is and how its desk reads a clock (12-hour unless told otherwise). */
export type Places = Pick<Practice, 'offices' | 'timezone'> & { hour12?: boolean };

/** One changed field, in the desk's words: "Time: 10:15 → 14:00". */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string;
}

const labels: Record<string, string> = {
  scheduled_time: 'Time',
  exam_room: 'Room',
  status: 'Status',
  duration: 'Length',
  reason: 'Reason',
  notes: 'Notes',
  amount: 'Amount',
  payment_method: 'Method',
  description: 'Description',
  metatags: 'Tags',
  file: 'File',
};

function roomName(places: Places, officeId: number | null, index: unknown): string {
  if (typeof index !== 'number') return String(index);
  const office = places.offices.find((o) => o.id === officeId);
  return office?.exam_rooms.find((r) => r.index === index)?.name ?? `Room ${String(index)}`;
}

function show(field: string, value: unknown, entry: HistoryEntryView, places: Places): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'scheduled_time' && typeof value === 'string') {
    return /T\d{2}:\d{2}/.test(value) ? formatClock(value, places.hour12 ?? true) : value;
  }
  if (field === 'exam_room') return roomName(places, entry.officeId, value);
  if (field === 'amount' && typeof value === 'string') return formatMoney(value);
  if (field === 'payment_method' && typeof value === 'string') return methodLabel(value);
  if (field === 'notes' && typeof value === 'string') return withoutMarks(value) || '—';
  if (field === 'metatags' && typeof value === 'string') {
    const tags = metatagsOf(value);
    return tags.length > 0 ? tags.join(', ') : '—';
  }
  const text =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
  return field === 'duration' ? `${text} min` : text;
}

/** What changed, field by field (ids and internal fields left out). */
export function fieldChanges(entry: HistoryEntryView, places: Places): FieldChange[] {
  if (entry.op === 'delete') return [];
  const fields = Object.keys(entry.after).filter((f) => f in labels);
  return fields.map((f) => ({
    field: labels[f] ?? f,
    before: entry.before && f in entry.before ? show(f, entry.before[f], entry, places) : null,
    after: show(f, entry.after[f], entry, places),
  }));
}

/**
 * "moved from 10:15 Exam 2 by frontdesk at 9:02" for a move of an appointment, or null when the
 * entry is not a move.
 */
export function moveLine(entry: HistoryEntryView, places: Places): string | null {
  if (entry.resource !== 'appointments' || entry.op !== 'update' || !entry.before) return null;
  const before = entry.before;
  const parts: string[] = [];
  if ('scheduled_time' in before)
    parts.push(show('scheduled_time', before.scheduled_time, entry, places));
  if ('exam_room' in before) parts.push(show('exam_room', before.exam_room, entry, places));
  if (parts.length === 0) return null;
  const by = entry.by ? ` by ${entry.by}` : '';
  const at = practiceClock(entry.at, places.timezone, places.hour12 ?? true);
  return `Moved from ${parts.join(' ')}${by}${at ? ` at ${at}` : ''}`;
}

export const outcomeWords: Record<HistoryEntryView['state'], string> = {
  sending: 'Sending',
  delivered: 'Delivered',
  waiting: 'Waiting to be sent',
  refused: 'Refused by drchrono',
  conflict: 'Conflict',
  dropped: 'Taken back',
};

/** The outbox's summary without drchrono's ids: the Patient column already says whose visit. */
export function summaryWords(entry: HistoryEntryView): string {
  return entry.summary.replace(/\b(for|to) appointment [\w-]+/g, '$1 the visit');
}
