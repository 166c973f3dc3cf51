import type { Practice } from '../../shared/contract';
import {
  appliedFrom,
  markedVisit,
  reversalOf,
  type LineItem,
  type PatientPayment,
} from '../../shared/drchrono';
import { formatBirthDate } from '../../shared/time/birth-date';
import { formatMoney, isPositive, methodLabel } from '../billing/money';

/** A payment as a receipt needs it; `id` is null while the payment waits in the outbox. */
export type ReceiptPayment = Pick<
  PatientPayment,
  | 'amount'
  | 'payment_method'
  | 'received_date'
  | 'created_at'
  | 'created_by'
  | 'appointment'
  | 'line_item'
  | 'doctor'
  | 'notes'
  | 'trace_number'
> & { id: number | null };

/** What the screen offering a receipt already has loaded (no drchrono call is made for one). */
export interface ReceiptSubject {
  patientName: string;
  birthDate: string | null | undefined;
  /** "Mon 7 Dec 9:30 AM · Dr Okafor" for an appointment id, as the Payments tab names it. */
  visitLabel: (appointmentId: string | null) => string | null;
  /** The visit's office when the screen knows it (its address heads the receipt). */
  officeId?: number | null;
  lineItems?: readonly Pick<LineItem, 'id' | 'code' | 'description'>[];
}

export interface ReceiptRequest {
  payment: ReceiptPayment;
  subject: ReceiptSubject;
}

export interface Receipt {
  practiceName: string;
  officeLines: string[];
  /** The drchrono payment id, or the outbox's word for it. */
  number: string;
  pending: boolean;
  patientName: string;
  birthDate: string;
  takenAt: string;
  amount: string;
  method: string;
  visit: string;
  appliedTo: string;
  takenBy: string;
  printed: string;
}

const wallFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/**
 * "Mon 7 Dec 2026, 9:42 AM" for a practice wall time ("2026-12-07T09:42:13"), or the date alone
 * for a date; formatted through UTC so this computer's zone cannot shift it.
 */
export function receiptTime(wall: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(wall ?? '');
  if (!m) return null;
  const at = new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)),
  );
  const format = m[4] === undefined ? dateFormat : wallFormat;
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, x.value]));
  const day = `${p.weekday ?? ''} ${p.day ?? ''} ${p.month ?? ''} ${p.year ?? ''}`;
  return m[4] === undefined
    ? day
    : `${day}, ${p.hour ?? ''}:${p.minute ?? ''} ${p.dayPeriod ?? ''}`;
}

/** Payments a receipt is given for: money received, not the desk's bookkeeping (reversals). */
export function hasReceipt(payment: Pick<PatientPayment, 'amount' | 'notes'>): boolean {
  return isPositive(payment.amount) && reversalOf(payment.notes) === null;
}

function officeLines(
  practice: Pick<Practice, 'offices'>,
  officeId: number | null | undefined,
  doctor: number | null | undefined,
): string[] {
  const open = practice.offices.filter((o) => o.archived !== true);
  const office =
    practice.offices.find((o) => o.id === officeId) ??
    open.find((o) => doctor != null && o.doctor === doctor) ??
    open[0];
  if (!office) return [];
  const town = [office.city, [office.state, office.zip_code].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [
    office.name,
    office.address ?? '',
    town,
    office.phone_number ? `Tel. ${office.phone_number}` : '',
  ]
    .map((line) => line.trim())
    .filter(Boolean);
}

function userName(
  practice: Pick<Practice, 'user' | 'users'>,
  id: number | null | undefined,
): string | null {
  if (id == null) return null;
  if (practice.user.id === id) return practice.user.username;
  return practice.users.find((u) => u.id === id)?.username ?? null;
}

/**
 * The receipt's lines in the desk's words, from a payment and what the screen already holds.
 * `now` is the practice wall time: when a payment still in the outbox was taken, and "printed".
 */
export function receiptOf(
  { payment, subject }: ReceiptRequest,
  practice: Pick<Practice, 'practiceName' | 'offices' | 'user' | 'users'>,
  now: string,
): Receipt {
  const pending = payment.id === null;
  const visitId = payment.appointment ?? markedVisit(payment.notes);
  const item = subject.lineItems?.find((li) => li.id === payment.line_item);
  const firstReceipt = appliedFrom(payment.notes);
  let appliedTo: string;
  if (payment.line_item !== null) {
    const what = item
      ? `line item ${[item.code, item.description].filter(Boolean).join(' ')}`
      : 'a line item of the visit';
    appliedTo = `Applied to ${what}`;
    if (firstReceipt !== null)
      appliedTo += ` (moved from the account; first receipt no. ${String(firstReceipt)})`;
  } else {
    appliedTo =
      visitId !== null
        ? 'On the patient’s account, for this visit, until it is applied to a line item'
        : 'On the patient’s account';
  }
  const method = methodLabel(payment.payment_method);
  const reference = payment.trace_number?.trim();
  const taken =
    (firstReceipt === null ? receiptTime(payment.created_at) : null) ??
    receiptTime(pending ? now : null) ??
    receiptTime(payment.received_date) ??
    '—';
  const takenBy =
    userName(practice, payment.created_by) ??
    (pending ? practice.user.username : null) ??
    'Not recorded';
  return {
    practiceName: practice.practiceName,
    officeLines: officeLines(practice, subject.officeId, payment.doctor),
    number: pending ? 'pending — not yet sent to drchrono' : String(payment.id),
    pending,
    patientName: subject.patientName,
    birthDate: subject.birthDate ? formatBirthDate(subject.birthDate) : '—',
    takenAt: taken,
    amount: formatMoney(payment.amount),
    method: reference ? `${method} (reference ${reference})` : method,
    visit:
      visitId === null
        ? 'None (a payment on the account)'
        : (subject.visitLabel(visitId) ?? 'A visit'),
    appliedTo,
    takenBy,
    printed: `Printed ${receiptTime(now) ?? now} by ${practice.user.username}`,
  };
}
