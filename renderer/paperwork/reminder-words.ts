import type { Appointment } from '../../shared/drchrono';

type Reminder = NonNullable<Appointment['reminders']>[number];

const kinds: Record<string, string> = { email: 'Email', sms: 'Text', auto_call: 'Call' };

export function reminderKind(type: string | null | undefined): string {
  return kinds[type ?? ''] ?? (type || 'Reminder');
}

const shortDay = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
});

/** "Text Dec 6 09:30 (sent)" / "Email Dec 8 09:30 (due)": past ones have gone out. */
export function describeReminder(reminder: Reminder, nowWall: string): string {
  const when = reminder.scheduled_time ?? '';
  const at = when
    ? `${shortDay.format(new Date(`${when.slice(0, 10)}T00:00:00Z`))} ${when.slice(11, 16)}`
    : 'unscheduled';
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
): string {
  const sorted = [...(reminders ?? [])].sort((a, b) =>
    (a.scheduled_time ?? '').localeCompare(b.scheduled_time ?? ''),
  );
  if (sorted.length === 0) return 'No reminders';
  const sent = sorted.filter((r) => r.scheduled_time && r.scheduled_time <= nowWall);
  const last = sent[sent.length - 1];
  if (last) return describeReminder(last, nowWall);
  const next = sorted[0];
  return next ? describeReminder(next, nowWall) : 'No reminders';
}
