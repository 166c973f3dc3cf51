import type { ParsedRequestOf, ReplyOf } from '../../shared/contract';
import {
  lineItemSchema,
  patientPaymentSchema,
  paymentLogEntrySchema,
  transactionSchema,
  markedVisit,
  visitCollection,
} from '../../shared/drchrono';
import { err, ok } from '../../shared/result';
import { addDays } from '../../shared/time/practice-time';
import type { Services } from '../app/services';
import { submitEdit } from './edits';
import { failed } from './errors';
import { billingTotals } from './money';
import { practiceDay } from './practice-day';
import { readRecordList } from './record-lists';

/**
 * Billing at the desk, the domain's one service: it owns billing's drchrono calls (line items,
 * transactions, patient payments and their log), reads each list on its own so one refused list
 * never fails the others (a clerk without “Access Patients Payments” still sees line items), and
 * sends every write through the outbox. The handlers only validate and call it.
 */
export interface BillingService {
  forAppointment(appointmentId: string): Promise<ReplyOf<'billing:appointment'>>;
  forPatient(patientId: number): Promise<ReplyOf<'billing:patient'>>;
  addLineItem(
    lineItem: ParsedRequestOf<'billing:addLineItem'>['lineItem'],
  ): Promise<ReplyOf<'billing:addLineItem'>>;
  addPayment(
    payment: ParsedRequestOf<'billing:addPayment'>['payment'],
  ): Promise<ReplyOf<'billing:addPayment'>>;
}

/** Only what billing uses. */
export type BillingDeps = Pick<
  Services,
  'client' | 'capabilities' | 'book' | 'edits' | 'events' | 'practice' | 'clock'
>;

/** How far back the patient's payment log goes (the log has no patient filter to narrow it). */
const paymentLogDays = 365;
const user = { priority: 'user' } as const;
const inFull = { state: 'available', reason: null, skipped: 0, detail: null } as const;

export function createBillingService(deps: BillingDeps): BillingService {
  return {
    async forAppointment(appointmentId) {
      const book = await deps.book.get(appointmentId);
      if (!book.ok) return book;
      const appointment = book.value.appointments.find((a) => a.id === appointmentId);
      if (!appointment) return err('not_found', 'drchrono no longer has this appointment.');
      const byAppointment = { appointment: appointmentId };
      const [lineItems, transactions, payments] = await Promise.all([
        readRecordList(
          deps,
          'billing',
          'Line items',
          '/api/line_items',
          lineItemSchema,
          byAppointment,
          user,
        ),
        readRecordList(
          deps,
          'billing',
          'Insurance transactions',
          '/api/transactions',
          transactionSchema,
          byAppointment,
          user,
        ),
        // Payments filter by patient only; the appointment's are picked out below.
        appointment.patient === null
          ? null
          : readRecordList(
              deps,
              'payments',
              'Patient payments',
              '/api/patient_payments',
              patientPaymentSchema,
              { patient: appointment.patient },
              user,
            ),
      ]);
      if (!lineItems.ok) return lineItems;
      if (!transactions.ok) return transactions;
      if (payments && !payments.ok) return payments;
      const items = lineItems.items.filter((li) => li.appointment === appointmentId);
      return ok({
        appointment,
        lineItems: items,
        // Its line items' payments, and copays taken at check-in still on the account for it.
        payments: visitCollection(payments?.items ?? [], appointmentId).payments,
        transactions: transactions.items.filter((t) => t.appointment === appointmentId),
        totals: billingTotals(items),
        availability: {
          lineItems: lineItems.availability,
          transactions: transactions.availability,
          payments: payments?.availability ?? inFull,
        },
      });
    },

    async forPatient(patientId) {
      const day = await practiceDay(deps);
      if (!day.ok) return day;
      const since = `${addDays(day.value.today, -paymentLogDays)}T00:00:00`;
      const [payments, log] = await Promise.all([
        deps.client.list(
          '/api/patient_payments',
          patientPaymentSchema,
          { patient: patientId },
          user,
        ),
        // The log documents no patient filter: `patient` is sent in case the server honours it
        // (fewer pages), and the entries are filtered here either way. A log refused or
        // unreadable leaves the payments themselves on screen, with a line saying why.
        readRecordList(
          deps,
          'payments',
          'Payment log entries',
          '/api/patient_payment_log',
          paymentLogEntrySchema,
          { patient: patientId, since },
          { ...user, maxPages: 10 },
        ),
      ]);
      if (!payments.ok) return failed(payments.failure, 'payments', 'Patient payments');
      if (!log.ok) return log;
      return ok({
        payments: payments.value.items.filter((p) => p.patient === patientId),
        log: log.items.filter((entry) => entry.patient === patientId),
        logAvailability: log.availability,
      });
    },

    async addLineItem(lineItem) {
      const submitted = await submitEdit(
        deps,
        {
          resource: 'line_items',
          op: 'create',
          body: lineItem,
          summary: `Add ${lineItem.code} to appointment ${lineItem.appointment}`,
        },
        'billing',
      );
      if (!submitted.ok) return submitted;
      if (submitted.value.state === 'queued') return ok({ lineItem: null, state: 'queued' });
      deps.events.emit('data:changed', { kinds: ['billing'] });
      const created = lineItemSchema.safeParse(submitted.value.response);
      return ok({ lineItem: created.success ? created.data : null, state: 'saved' });
    },

    async addPayment(payment) {
      const submitted = await submitEdit(
        deps,
        {
          resource: 'patient_payments',
          op: 'create',
          body: payment,
          summary:
            markedVisit(payment.notes) !== null
              ? `Copay of ${payment.amount} taken at check-in`
              : `Payment of ${payment.amount}${payment.appointment ? ` for appointment ${payment.appointment}` : ' on account'}`,
        },
        'payments',
      );
      if (!submitted.ok) return submitted;
      if (submitted.value.state === 'queued') return ok({ payment: null, state: 'queued' });
      deps.events.emit('data:changed', { kinds: ['billing'] });
      const created = patientPaymentSchema.safeParse(submitted.value.response);
      return ok({ payment: created.success ? created.data : null, state: 'saved' });
    },
  };
}
