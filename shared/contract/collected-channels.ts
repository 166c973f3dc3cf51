import { z } from 'zod';
import { patientPaymentSchema } from '../drchrono';
import { appointmentId, channel, id, none } from './define';
import { writeStateSchema } from './models';

const money = z.string();

/** What was collected for a visit: total and how ("Collected $25 · Cash"). */
export const collectedSummarySchema = z.strictObject({
  amount: money,
  methods: z.array(z.string()),
  /** Part of it is still on the account, waiting for the visit's line items. */
  onAccount: money,
});
export type CollectedSummary = z.infer<typeof collectedSummarySchema>;

export const collectedChannels = {
  /**
   * A copay taken at check-in (on account, marked for the visit) applied to one of the visit's
   * line items: a payment on the line item, then a reversal on the account, through the outbox.
   */
  'billing:applyCollected': channel(
    z.strictObject({ appointmentId, paymentId: id, lineItemId: id }),
    z.strictObject({ payment: patientPaymentSchema.nullable(), state: writeStateSchema }),
  ),
  /** The patient's account: owed on visits (line items), paid on account, and the balance. */
  'billing:account': channel(
    z.strictObject({ patientId: id }),
    z.strictObject({
      owedOnVisits: money,
      onAccount: money,
      balance: money,
      visitsOwing: z.int(),
    }),
  ),
  /** Today's collections by appointment, in one call (payments changed since midnight). */
  'billing:collectedToday': channel(
    none,
    z.strictObject({ byAppointment: z.record(z.string(), collectedSummarySchema) }),
  ),
} as const;
