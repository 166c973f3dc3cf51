import type { AppointmentStatus } from '../../shared/drchrono';

export interface StatusChoice {
  status: Exclude<AppointmentStatus, ''>;
  /** The key that sets it on a focused appointment. */
  key: string;
  /** CSS modifier for the badge and stripe colour. */
  tone: string;
  /** The glyph on the block's status stripe: the colour is the signal, the glyph tells it apart. */
  icon: string;
}

/** The statuses the desk sets, in the order of a visit; digits 1–9 and 0 set them from the keyboard. */
export const statusChoices: readonly StatusChoice[] = [
  { status: 'Confirmed', key: '1', tone: 'confirmed', icon: '✓' },
  { status: 'Not Confirmed', key: '2', tone: 'unconfirmed', icon: '?' },
  { status: 'Arrived', key: '3', tone: 'arrived', icon: '→' },
  { status: 'Checked In', key: '4', tone: 'checked-in', icon: '☑' },
  { status: 'In Room', key: '5', tone: 'in-room', icon: '⌂' },
  { status: 'In Session', key: '6', tone: 'in-session', icon: '●' },
  { status: 'Complete', key: '7', tone: 'complete', icon: '✔' },
  { status: 'No Show', key: '8', tone: 'no-show', icon: '✕' },
  { status: 'Cancelled', key: '9', tone: 'cancelled', icon: '⊘' },
  { status: 'Rescheduled', key: '0', tone: 'rescheduled', icon: '↷' },
];

export function statusForKey(key: string): StatusChoice | undefined {
  return statusChoices.find((s) => s.key === key);
}

export function statusTone(status: string | null | undefined): string | null {
  if (!status) return null;
  return statusChoices.find((s) => s.status === status)?.tone ?? 'other';
}

/** The stripe's glyph and tone for any status, including none ('' reads "no status"). */
export function statusSignal(status: string | null | undefined): {
  tone: string;
  icon: string;
  label: string;
} {
  if (!status) return { tone: 'none', icon: '○', label: 'no status' };
  const choice = statusChoices.find((s) => s.status === status);
  return choice
    ? { tone: choice.tone, icon: choice.icon, label: status }
    : { tone: 'other', icon: '•', label: status };
}

/** Patients who are here and waiting to be seen: their badge counts the minutes. */
export function isWaiting(status: string | null | undefined): boolean {
  return status === 'Arrived' || status === 'Checked In';
}
