import type { AppointmentItem } from '../../shared/contract';
import {
  addDays,
  drchronoWeekday,
  instantToWall,
  type IsoDate,
} from '../../shared/time/practice-time';

/** What a confirmation call can end in besides "Confirmed" (which is the appointment's status). */
export const callOutcomes = ['Left message', 'Wrong number'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

/**
 * drchrono's appointment statuses have no word for a message left or a wrong number, so the desk
 * writes one line into the appointment's `notes`, which every drchrono screen shows:
 * `[Confirmation call 2026-12-06 14:05] Left message`.
 */
const linePattern =
  /^\[Confirmation call (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})\] (Left message|Wrong number)$/;

export interface CallNote {
  at: string;
  outcome: CallOutcome;
}

export function callLine(nowWall: string, outcome: CallOutcome): string {
  return `[Confirmation call ${nowWall.slice(0, 10)} ${nowWall.slice(11, 16)}] ${outcome}`;
}

export function withCallNote(
  notes: string | null | undefined,
  nowWall: string,
  outcome: CallOutcome,
): string {
  const before = (notes ?? '').trimEnd();
  return before ? `${before}\n${callLine(nowWall, outcome)}` : callLine(nowWall, outcome);
}

/** The latest call noted on the appointment, if any. */
export function lastCall(notes: string | null | undefined): CallNote | null {
  let last: CallNote | null = null;
  for (const line of (notes ?? '').split('\n')) {
    const m = linePattern.exec(line.trim());
    if (m) last = { at: `${m[1] ?? ''} ${m[2] ?? ''}`, outcome: m[3] as CallOutcome };
  }
  return last;
}

/** Visits that still need confirming: a patient, and no status past "Not Confirmed". */
export function needsConfirming(a: AppointmentItem): boolean {
  return a.patient !== null && a.deleted_flag !== true && unconfirmed.has(a.status ?? '');
}
const unconfirmed = new Set(['', 'Not Confirmed']);

export interface CallList {
  toCall: AppointmentItem[];
  called: { appointment: AppointmentItem; call: CallNote }[];
  confirmed: number;
}

/** Splits a day into the calls still to make, those already made (a message, a wrong number). */
export function callList(appointments: readonly AppointmentItem[]): CallList {
  const sorted = [...appointments].sort((a, b) => a.scheduled_time.localeCompare(b.scheduled_time));
  const out: CallList = { toCall: [], called: [], confirmed: 0 };
  for (const a of sorted) {
    if (a.patient !== null && a.status === 'Confirmed') out.confirmed++;
    if (!needsConfirming(a)) continue;
    const call = lastCall(a.notes);
    if (call) out.called.push({ appointment: a, call });
    else out.toCall.push(a);
  }
  return out;
}

/** The next weekday after `today` (Monday after a Friday): the day a desk calls ahead for. */
export function nextWorkingDay(today: IsoDate): IsoDate {
  let day = addDays(today, 1);
  while (drchronoWeekday(day) > 4) day = addDays(day, 1);
  return day;
}

/** The practice's wall clock at the moment of a click (the time a call is noted at). */
export function wallNow(zone: string): string {
  return instantToWall(Date.now(), zone);
}
