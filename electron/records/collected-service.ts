import Big from 'big.js';
import type { CollectedSummary, ParsedRequestOf, ReplyOf } from '../../shared/contract';
import {
  applyNotes,
  collectedTotals,
  lineItemSchema,
  markedVisit,
  patientPaymentSchema,
  paymentMethods,
  reversalOf,
  visitCollection,
  type PatientPayment,
} from '../../shared/drchrono';
import { err, ok } from '../../shared/result';
import type { Services } from '../app/services';
import { submitEdit } from './edits';
import { failed } from './errors';
import { sumMoney, toBig } from './money';
import { practiceDay } from './practice-day';

/**
 * Copays that land where the desk looks (issue 12 item 6): what was collected for a visit, the
 * patient's account balance, and applying a check-in copay to the visit's line items once they
 * exist (drchrono has no edit of a payment: see shared/drchrono/visit-payments.ts). The service
 * owns these payment and line item calls; the handlers only validate and call it.
 */
export interface CollectedService {
  applyCollected(
    request: ParsedRequestOf<'billing:applyCollected'>,
  ): Promise<ReplyOf<'billing:applyCollected'>>;
  account(patientId: number): Promise<ReplyOf<'billing:account'>>;
  collectedToday(): Promise<ReplyOf<'billing:collectedToday'>>;
}

/** Only what collected payments use. */
export type CollectedDeps = Pick<
  Services,
  'client' | 'book' | 'edits' | 'events' | 'practice' | 'clock'
>;

const user = { priority: 'user' } as const;

export function createCollectedService(deps: CollectedDeps): CollectedService {
  return {
    async applyCollected({ appointmentId, paymentId, lineItemId }) {
      const book = await deps.book.get(appointmentId);
      if (!book.ok) return book;
      const appointment = book.value.appointments.find((a) => a.id === appointmentId);
      if (!appointment || appointment.patient === null) {
        return err('not_found', 'drchrono no longer has this appointment.');
      }
      const patient = appointment.patient;
      const [payments, lineItems] = await Promise.all([
        deps.client.list('/api/patient_payments', patientPaymentSchema, { patient }, user),
        deps.client.list('/api/line_items', lineItemSchema, { appointment: appointmentId }, user),
      ]);
      if (!payments.ok) return failed(payments.failure, 'payments', 'Patient payments');
      if (!lineItems.ok) return failed(lineItems.failure, 'billing', 'Line items');
      const { unapplied } = visitCollection(payments.value.items, appointmentId);
      const copay = unapplied.find((p) => p.id === paymentId);
      if (!copay) {
        return err(
          'conflict',
          'This payment is no longer waiting on the account for this visit (it may have been ' +
            'applied from another workstation). The billing screen has been refreshed.',
        );
      }
      const item = lineItems.value.items.find(
        (li) => li.id === lineItemId && String(li.appointment) === appointmentId,
      );
      if (!item) return err('not_found', 'That line item is not on this visit any more.');
      const notes = applyNotes(copay.id);
      const method = methodOf(copay);
      const applied = await submitEdit(
        deps,
        {
          resource: 'patient_payments',
          op: 'create',
          body: {
            patient,
            amount: copay.amount,
            appointment: Number(appointmentId),
            line_item: item.id,
            notes: notes.applied,
            ...(method ? { payment_method: method } : {}),
            ...(copay.received_date ? { received_date: copay.received_date } : {}),
            ...(copay.doctor ? { doctor: copay.doctor } : {}),
          },
          summary: `Apply the ${copay.amount} copay to ${item.code ?? 'the line item'}`,
        },
        'payments',
      );
      if (!applied.ok) return applied;
      // Only once the line item has it: the account gives it back (same method, so the day's
      // cash still adds up).
      const reversal = await submitEdit(
        deps,
        {
          resource: 'patient_payments',
          op: 'create',
          body: {
            patient,
            amount: new Big(copay.amount).times(-1).toFixed(2),
            notes: notes.reversal,
            ...(method ? { payment_method: method } : {}),
            ...(copay.doctor ? { doctor: copay.doctor } : {}),
          },
          summary: `Take the ${copay.amount} copay off the account (now on ${item.code ?? 'the line item'})`,
        },
        'payments',
      );
      if (!reversal.ok) return reversal;
      const state =
        applied.value.state === 'saved' && reversal.value.state === 'saved' ? 'saved' : 'queued';
      if (state === 'saved') deps.events.emit('data:changed', { kinds: ['billing'] });
      const created =
        applied.value.state === 'saved'
          ? patientPaymentSchema.safeParse(applied.value.response)
          : null;
      return ok({ payment: created?.success ? created.data : null, state });
    },

    async account(patientId) {
      const [lineItems, payments] = await Promise.all([
        deps.client.list('/api/line_items', lineItemSchema, { patient: patientId }, user),
        deps.client.list(
          '/api/patient_payments',
          patientPaymentSchema,
          { patient: patientId },
          user,
        ),
      ]);
      if (!lineItems.ok) return failed(lineItems.failure, 'billing', 'Line items');
      if (!payments.ok) return failed(payments.failure, 'payments', 'Patient payments');
      const items = lineItems.value.items.filter(
        (li) => li.patient == null || li.patient === patientId,
      );
      const owedOnVisits = sumMoney(items.map((li) => li.balance_pt));
      // Payments not on a line item are credit on the account (reversals take theirs back).
      const onAccount = sumMoney(
        payments.value.items
          .filter((p) => p.patient === patientId && p.line_item == null)
          .map((p) => p.amount),
      );
      const appointments = new Set(
        items.filter((li) => toBig(li.balance_pt).gt(0)).map((li) => String(li.appointment)),
      );
      return ok({
        owedOnVisits,
        onAccount,
        balance: toBig(owedOnVisits).minus(toBig(onAccount)).toFixed(2),
        visitsOwing: appointments.size,
      });
    },

    async collectedToday() {
      const day = await practiceDay(deps);
      if (!day.ok) return day;
      const payments = await deps.client.list(
        '/api/patient_payments',
        patientPaymentSchema,
        { since: `${day.value.today}T00:00:00` },
        user,
      );
      if (!payments.ok) return failed(payments.failure, 'payments', 'Patient payments');
      const byPatient = new Map<number, PatientPayment[]>();
      for (const p of payments.value.items) {
        byPatient.set(p.patient, [...(byPatient.get(p.patient) ?? []), p]);
      }
      const byAppointment: Record<string, CollectedSummary> = {};
      for (const list of byPatient.values()) {
        const visits = new Set(
          list
            .filter((p) => reversalOf(p.notes) === null)
            .map((p) => (p.appointment == null ? markedVisit(p.notes) : p.appointment))
            .filter((id): id is string => id !== null),
        );
        for (const visit of visits) {
          byAppointment[visit] = collectedTotals(visitCollection(list, visit).payments);
        }
      }
      return ok({ byAppointment });
    },
  };
}

function methodOf(p: PatientPayment): (typeof paymentMethods)[number] | null {
  return (paymentMethods as readonly string[]).includes(p.payment_method ?? '')
    ? (p.payment_method as (typeof paymentMethods)[number])
    : null;
}
