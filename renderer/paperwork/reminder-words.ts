import type { Appointment } from '../../shared/drchrono';
import { shortDayTime } from './short-day';

type Reminder = NonNullable<Appointment['reminders']>[number];

const kinds: Record<string, string> = { email: 'Email', sms: 'Text', auto_call: 'Call' };

export function reminderKind(type: string | null | undefined): string {
  return kinds[type ?? ''] ?? (type || 'Reminder');
}

/**
 * "Text Dec 6 9:30 AM (sent)" / "Email Dec 8 09:30 (due)" (the desk's clock): past ones have gone
 * out.
 */
export function describeReminder(reminder: Reminder, nowWall: string, hour12: boolean): string {
  const when = reminder.scheduled_time ?? '';
  const at = when ? shortDayTime(when, hour12) : 'unscheduled';
  const state = when && when <= nowWall ? 'sent' : 'due';
  return `${reminderKind(reminder.type)} ${at} (${state})`;
}

/**
 * The last reminder state, for the call list: the newest reminder that went out, or the next one
 * due, or "No reminders". drchrono says when a reminder is scheduled, not whether it reached the
 * patient.
 */
export function lastReminderState(
  reminders: readonly Reminder[] | undefined,
  nowWall: string,
  hour12: boolean,
): string {
  const sorted = [...(reminders ?? [])].sort((a, b) =>
    (a.scheduled_time ?? '').localeCompare(b.scheduled_time ?? ''),
  );
  if (sorted.length === 0) return 'No reminders';
  const sent = sorted.filter((r) => r.scheduled_time && r.scheduled_time <= nowWall);
  const last = sent[sent.length - 1];
  if (last) return describeReminder(last, nowWall, hour12);
  const next = sorted[0];
  return next ? describeReminder(next, nowWall, hour12) : 'No reminders';
}
