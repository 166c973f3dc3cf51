import { z } from 'zod';
import { patientPaymentWritable } from '../../shared/drchrono';

const shape = patientPaymentWritable.shape;
const absentIfEmpty = (v: unknown) => (v === '' || v === null ? undefined : v);

/**
 * The contract's payment fields as the form holds them. The appointment is not a box: it is added
 * when a line item is chosen, since drchrono wants both or neither (checked again by the contract).
 */
export const paymentFormSchema = z.strictObject({
  patient: shape.patient,
  amount: shape.amount,
  payment_method: shape.payment_method,
  received_date: z.preprocess(absentIfEmpty, shape.received_date),
  notes: shape.notes,
  trace_number: shape.trace_number,
  doctor: z.preprocess(absentIfEmpty, shape.doctor),
  line_item: z.preprocess(absentIfEmpty, shape.line_item),
});
export type PaymentFormOutput = z.output<typeof paymentFormSchema>;

export const paymentFields = Object.keys(shape);
