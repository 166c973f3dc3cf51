import type { recordsChannels } from '../../../shared/contract/records-channels';
import type { BillingService } from '../../records/billing-service';
import type { HandlerGroup } from '../types';

type BillingChannels = Extract<keyof typeof recordsChannels, `billing:${string}`>;

/** Thin: the dispatcher validated the request; the billing service does the rest. */
export function billingHandlers(billing: BillingService): HandlerGroup<BillingChannels> {
  return {
    'billing:appointment': ({ appointmentId }) => billing.forAppointment(appointmentId),
    'billing:patient': ({ patientId }) => billing.forPatient(patientId),
    'billing:addLineItem': ({ lineItem }) => billing.addLineItem(lineItem),
    'billing:addPayment': ({ payment }) => billing.addPayment(payment),
  };
}
