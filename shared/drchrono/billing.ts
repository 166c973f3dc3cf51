import { z } from 'zod';
import { decimalInput, decimalString, isoDate, nullableInt, nullableString } from './common';

export const procedureTypes = { C: 'CPT(C)', H: 'HCPCS(H)', U: 'Custom(U)' } as const;
/** drchrono's four-letter payment method codes a desk takes in person. */
export const paymentMethods = [
  'CASH',
  'CHCK',
  'CRDT',
  'DBIT',
  'AMEX',
  'VISA',
  'MSTR',
  'DISC',
  'OTHR',
] as const;

const decimal = decimalString.nullish();

export const lineItemSchema = z.looseObject({
  id: z.int(),
  appointment: stringOrIntId(),
  patient: nullableInt,
  doctor: nullableInt,
  code: nullableString,
  description: nullableString,
  procedure_type: nullableString,
  price: decimal,
  quantity: decimal,
  billed: decimal,
  allowed: decimal,
  adjustment: decimal,
  balance_ins: decimal,
  balance_pt: decimal,
  balance_total: decimal,
  ins1_paid: decimal,
  ins2_paid: decimal,
  ins3_paid: decimal,
  ins_total: decimal,
  pt_paid: decimal,
  paid_total: decimal,
  // Four slots each, unused ones empty or null.
  modifiers: z.array(z.string().nullable()).nullish(),
  diagnosis_pointers: z.array(z.union([z.int(), z.string()]).nullable()).nullish(),
  billing_status: nullableString,
  service_date: nullableString,
  posted_date: nullableString,
  units: nullableString,
});
export type LineItem = z.infer<typeof lineItemSchema>;

function stringOrIntId() {
  return z
    .union([z.string(), z.int()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? null : String(v)));
}

/**
 * `appointment` on line items and payments is an integer at drchrono, though appointment ids are
 * strings elsewhere ("usually numeric"): a numeric id is sent as a number; any other cannot be
 * billed through the API.
 */
const appointmentRef = z
  .union([
    z.int().positive(),
    z.string().regex(/^\d+$/, 'drchrono bills only appointments with a numeric id'),
  ])
  .transform(Number);

/** Four slots, as drchrono documents them: the entries given, then `blank` up to four. */
const padToFour = <T, B>(list: T[], blank: B): (T | B)[] =>
  [...list, blank, blank, blank, blank].slice(0, 4);

const pointer = z.union([z.int().min(1).max(12), z.string().trim().min(1).max(10)]);
const modifier = z.string().trim().max(2, 'Modifiers are two characters');

/**
 * drchrono's "list of 4": up to four entries in, blanks (null or "") dropped, then padded back to
 * exactly four. Each accepts its own output, so a checked body can be checked again across IPC.
 */
const diagnosisPointers = z
  .array(z.union([pointer, z.null(), z.literal('')]))
  .max(4, 'At most 4 diagnosis pointers')
  .transform((list) => list.filter((p): p is number | string => p !== null && p !== ''))
  .pipe(z.array(pointer).min(1, 'At least one diagnosis pointer'))
  .transform((list) => padToFour(list, null));
const modifiers = z
  .array(z.union([modifier, z.null()]))
  .max(4, 'At most 4 modifiers')
  .transform((list) =>
    padToFour(
      list.filter((m): m is string => m !== null && m !== ''),
      '',
    ),
  );

export const lineItemWritable = z.strictObject({
  appointment: appointmentRef,
  doctor: z.int().positive(),
  code: z.string().trim().min(1, 'Enter the procedure code').max(20),
  procedure_type: z.enum(['C', 'H', 'U'], 'Choose CPT, HCPCS or Custom'),
  price: decimalInput,
  quantity: decimalInput.optional(),
  modifiers: modifiers.optional(),
  diagnosis_pointers: diagnosisPointers,
  service_date: isoDate.optional(),
});
export type LineItemWritable = z.infer<typeof lineItemWritable>;

export const patientPaymentSchema = z.looseObject({
  id: z.int(),
  patient: z.int(),
  appointment: stringOrIntId(),
  line_item: nullableInt,
  doctor: nullableInt,
  amount: decimalString,
  payment_method: nullableString,
  received_date: nullableString,
  posted_date: nullableString,
  notes: nullableString,
  trace_number: nullableString,
  created_at: nullableString,
  created_by: nullableInt,
});
export type PatientPayment = z.infer<typeof patientPaymentSchema>;

export const patientPaymentWritable = z
  .strictObject({
    patient: z.int().positive(),
    amount: decimalInput.refine((v) => !/^-?0+(\.0+)?$/.test(v), 'The amount cannot be zero'),
    payment_method: z.enum(paymentMethods).optional(),
    received_date: isoDate.optional(),
    notes: z.string().trim().max(500).optional(),
    trace_number: z.string().trim().max(50).optional(),
    doctor: z.int().positive().optional(),
    appointment: appointmentRef.optional(),
    line_item: z.int().positive().optional(),
  })
  .refine((p) => (p.appointment === undefined) === (p.line_item === undefined), {
    message: 'A payment against an appointment names its line item too',
    path: ['line_item'],
  });
export type PatientPaymentWritable = z.infer<typeof patientPaymentWritable>;

export const paymentLogEntrySchema = z.looseObject({
  patient: nullableInt,
  doctor: nullableInt,
  appointment: stringOrIntId(),
  amount: decimalString.nullish(),
  payment_method: nullableString,
  action: nullableString,
  source: nullableString,
  created_by: nullableInt,
  updated_at: nullableString,
});
export type PaymentLogEntry = z.infer<typeof paymentLogEntrySchema>;

export const transactionSchema = z.looseObject({
  id: z.int(),
  appointment: stringOrIntId(),
  line_item: nullableInt,
  patient: nullableInt,
  doctor: nullableInt,
  ins_paid: decimal,
  ins_name: z.union([z.int(), z.string()]).nullish(),
  adjustment: decimal,
  adjustment_group_code: nullableString,
  adjustment_reason: nullableString,
  claim_status: nullableString,
  check_date: nullableString,
  trace_number: nullableString,
  posted_date: nullableString,
});
export type Transaction = z.infer<typeof transactionSchema>;
