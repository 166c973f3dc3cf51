import Big from 'big.js';
import type { PatientPayment } from './billing';

/**
 * A copay taken at check-in, before the visit has line items. drchrono only takes a payment's
 * `appointment` together with a `line_item`, so such a payment goes on the patient's account; the
 * desk marks it with the visit in `notes` ("[visit 80000968]"), which every workstation and drchrono's
 * own screens keep and show. When line items arrive the copay is applied by a payment on the line
 * item and a matching reversal on the account (drchrono has no edit of a payment), the two marked
 * "[from payment 920001]" and "[applied 920001]" so the copay is counted once.
 */

const visitMark = /\[visit ([^\]\s]{1,64})\]/;
const appliedMark = /\[applied (\d{1,12})\]/;
const fromMark = /\[from payment (\d{1,12})\]/;

export function withVisitMark(notes: string | undefined, appointmentId: string): string {
  const text = (notes ?? '').trim();
  return `${text ? `${text} ` : ''}[visit ${appointmentId}]`;
}

/** The notes as typed, without the desk's marks (which the columns beside them already say). */
export function withoutMarks(notes: string | null | undefined): string {
  return (notes ?? '').replace(visitMark, '').replace(appliedMark, '').replace(fromMark, '').trim();
}

export function markedVisit(notes: string | null | undefined): string | null {
  return visitMark.exec(notes ?? '')?.[1] ?? null;
}

export function appliedFrom(notes: string | null | undefined): number | null {
  const m = fromMark.exec(notes ?? '');
  return m?.[1] ? Number(m[1]) : null;
}

export function reversalOf(notes: string | null | undefined): number | null {
  const m = appliedMark.exec(notes ?? '');
  return m?.[1] ? Number(m[1]) : null;
}

export function applyNotes(paymentId: number): { applied: string; reversal: string } {
  return {
    applied: `Copay taken at check-in, applied to the visit [from payment ${String(paymentId)}]`,
    reversal: `Moved to the visit's line item [applied ${String(paymentId)}]`,
  };
}

export interface VisitCollection {
  /** What was collected for the visit: on its line items, or on account marked for it. */
  payments: PatientPayment[];
  /** Marked copays still on the account: they can be applied once the visit has line items. */
  unapplied: PatientPayment[];
}

/** The payments of one visit among a patient's payments (reversals are bookkeeping, left out). */
export function visitCollection(
  payments: readonly PatientPayment[],
  appointmentId: string,
): VisitCollection {
  const reversed = new Set(
    payments.map((p) => reversalOf(p.notes)).filter((id): id is number => id !== null),
  );
  const onVisit = payments.filter(
    (p) =>
      reversalOf(p.notes) === null &&
      (p.appointment === appointmentId ||
        (p.appointment == null && markedVisit(p.notes) === appointmentId)),
  );
  // An applied copay shows once: as the payment on the line item that replaced it.
  const shown = onVisit.filter((p) => !(p.appointment == null && reversed.has(p.id)));
  return {
    payments: shown,
    unapplied: shown.filter((p) => p.appointment == null),
  };
}

export interface CollectedTotals {
  amount: string;
  methods: string[];
  /** Part of it still on the account, waiting for the visit's line items. */
  onAccount: string;
}

const sum = (values: readonly string[]): string =>
  values
    .reduce(
      (total, v) => total.plus(/^-?\d+(\.\d+)?$/.test(v.trim()) ? new Big(v.trim()) : 0),
      new Big(0),
    )
    .toFixed(2);

/** "Collected $25 · Cash": the total and the methods of a visit's payments. */
export function collectedTotals(payments: readonly PatientPayment[]): CollectedTotals {
  return {
    amount: sum(payments.map((p) => p.amount)),
    methods: [...new Set(payments.map((p) => p.payment_method ?? '').filter(Boolean))],
    onAccount: sum(payments.filter((p) => p.appointment == null).map((p) => p.amount)),
  };
}
