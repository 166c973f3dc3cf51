import Big from 'big.js';
import type { collectedChannels } from '../../../shared/contract/collected-channels';
import type { CollectedSummary } from '../../../shared/contract';
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
} from '../../../shared/drchrono';
import { err, ok } from '../../../shared/result';
import type { HandlerGroup } from '../types';
import { submitEdit } from '../../records/edits';
import { failed } from '../../records/errors';
import { sumMoney, toBig } from '../../records/money';
import { practiceDay } from '../../records/practice-day';

type CollectedChannels = keyof typeof collectedChannels;
const user = { priority: 'user' } as const;

/**
 * Copays that land where the desk looks (issue 12 item 6): what was collected for a visit, the
 * patient's account balance, and applying a check-in copay to the visit's line items once they
 * exist (drchrono has no edit of a payment: see shared/drchrono/visit-payments.ts).
 */
export function collectedHandlers(): HandlerGroup<CollectedChannels> {
  return {
    'billing:applyCollected': async ({ appointmentId, paymentId, lineItemId }, s) => {
      const book = await s.book.get(appointmentId);
      if (!book.ok) return book;
      const appointment = book.value.appointments.find((a) => a.id === appointmentId);
      if (!appointment || appointment.patient === null) {
        return err('not_found', 'drchrono no longer has this appointment.');
      }
      const patient = appointment.patient;
      const [payments, lineItems] = await Promise.all([
        s.client.list('/api/patient_payments', patientPaymentSchema, { patient }, user),
        s.client.list('/api/line_items', lineItemSchema, { appointment: appointmentId }, user),
      ]);
      if (!payments.ok) return failed(payments.failure, 'payments');
      if (!lineItems.ok) return failed(lineItems.failure, 'billing');
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
        s,
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
        s,
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
      if (state === 'saved') s.events.emit('data:changed', { kinds: ['billing'] });
      const created =
        applied.value.state === 'saved'
          ? patientPaymentSchema.safeParse(applied.value.response)
          : null;
      return ok({ payment: created?.success ? created.data : null, state });
    },

    'billing:account': async ({ patientId }, s) => {
      const [lineItems, payments] = await Promise.all([
        s.client.list('/api/line_items', lineItemSchema, { patient: patientId }, user),
        s.client.list('/api/patient_payments', patientPaymentSchema, { patient: patientId }, user),
      ]);
      if (!lineItems.ok) return failed(lineItems.failure, 'billing');
      if (!payments.ok) return failed(payments.failure, 'payments');
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

    'billing:collectedToday': async (_request, s) => {
      const day = await practiceDay(s);
      if (!day.ok) return day;
      const payments = await s.client.list(
        '/api/patient_payments',
        patientPaymentSchema,
        { since: `${day.value.today}T00:00:00` },
        user,
      );
      if (!payments.ok) return failed(payments.failure, 'payments');
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
