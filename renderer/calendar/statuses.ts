import type { AppointmentStatus } from '../../shared/drchrono';

export interface StatusChoice {
  status: Exclude<AppointmentStatus, ''>;
  /** The key that sets it on a focused appointment. */
  key: string;
  /** CSS modifier for the badge colour. */
  tone: string;
}

/** The statuses the desk sets, in the order of a visit; digits 1–9 and 0 set them from the keyboard. */
export const statusChoices: readonly StatusChoice[] = [
  { status: 'Confirmed', key: '1', tone: 'confirmed' },
  { status: 'Not Confirmed', key: '2', tone: 'unconfirmed' },
  { status: 'Arrived', key: '3', tone: 'arrived' },
  { status: 'Checked In', key: '4', tone: 'checked-in' },
  { status: 'In Room', key: '5', tone: 'in-room' },
  { status: 'In Session', key: '6', tone: 'in-session' },
  { status: 'Complete', key: '7', tone: 'complete' },
  { status: 'No Show', key: '8', tone: 'no-show' },
  { status: 'Cancelled', key: '9', tone: 'cancelled' },
  { status: 'Rescheduled', key: '0', tone: 'rescheduled' },
];

export function statusForKey(key: string): StatusChoice | undefined {
  return statusChoices.find((s) => s.key === key);
}

export function statusTone(status: string | null | undefined): string | null {
  if (!status) return null;
  return statusChoices.find((s) => s.status === status)?.tone ?? 'other';
}

/** Patients who are here and waiting to be seen: their badge counts the minutes. */
export function isWaiting(status: string | null | undefined): boolean {
  return status === 'Arrived' || status === 'Checked In';
}
