import { z } from 'zod';
import { clearableDate, decimalInput, decimalString, nullableInt, nullableString } from './common';

/** The three clinical lists the desk keeps. drchrono has no DELETE for any of them. */
export const clinicalKinds = ['allergies', 'medications', 'problems'] as const;
export type ClinicalKind = (typeof clinicalKinds)[number];

export const allergySchema = z.looseObject({
  id: z.int(),
  patient: z.int(),
  doctor: nullableInt,
  description: nullableString,
  reaction: nullableString,
  notes: nullableString,
  rxnorm: nullableString,
  snomed_reaction: nullableString,
  status: nullableString, // "active" | "inactive"
});
export type Allergy = z.infer<typeof allergySchema>;

export const allergyWritable = z.strictObject({
  patient: z.int().positive(),
  doctor: z.int().positive(),
  description: z.string().trim().min(1, 'Describe the allergy, e.g. Penicillin').max(200),
  reaction: z.string().trim().max(200).optional(),
  notes: z.string().trim().max(2000).optional(),
  rxnorm: z.string().trim().max(20).optional(),
  snomed_reaction: z.string().trim().max(20).optional(),
  status: z.enum(['active', 'inactive']).optional(),
});

export const medicationSchema = z.looseObject({
  id: z.int(),
  patient: z.int(),
  doctor: nullableInt,
  name: nullableString,
  dosage_quantity: nullableString,
  dosage_units: nullableString,
  frequency: nullableString,
  route: nullableString,
  indication: nullableString,
  notes: nullableString,
  date_prescribed: nullableString,
  date_started_taking: nullableString,
  date_stopped_taking: nullableString,
  dispense_quantity: decimalString.nullish(),
  number_refills: nullableInt,
  prn: z.boolean().nullish(),
  daw: z.boolean().nullish(),
  order_status: nullableString,
  rxnorm: nullableString,
  status: nullableString, // "active" | "inactive"
});
export type Medication = z.infer<typeof medicationSchema>;

export const medicationOrderStatuses = [
  '',
  'Ordered',
  'Administered during visit',
  'Electronic eRx Sent',
  'Phoned into Pharmacy',
  'Faxed to Pharmacy',
  'Paper Rx',
  'Prescription Printed',
  'Discontinued',
  'Prescribed by other Dr',
  'Over the Counter',
] as const;

const optionalDate = clearableDate.optional();

export const medicationWritable = z.strictObject({
  patient: z.int().positive(),
  doctor: z.int().positive(),
  name: z.string().trim().min(1, 'Name the medication').max(200),
  dosage_quantity: z.string().trim().max(50).optional(),
  dosage_units: z.string().trim().max(50).optional(),
  frequency: z.string().trim().max(100).optional(),
  route: z.string().trim().max(100).optional(),
  indication: z.string().trim().max(200).optional(),
  notes: z.string().trim().max(2000).optional(),
  date_prescribed: optionalDate,
  date_started_taking: optionalDate,
  date_stopped_taking: optionalDate,
  dispense_quantity: decimalInput.optional(),
  number_refills: z.int().min(0).max(99).optional(),
  prn: z.boolean().optional(),
  daw: z.boolean().optional(),
  order_status: z.enum(medicationOrderStatuses).optional(),
  rxnorm: z.string().trim().max(20).optional(),
  status: z.enum(['active', 'inactive']).optional(),
});

export const problemSchema = z.looseObject({
  id: z.int(),
  patient: z.int(),
  doctor: nullableInt,
  name: nullableString,
  description: nullableString,
  icd_code: nullableString,
  icd_version: z.union([z.int(), z.string()]).nullish(),
  snomed_ct_code: nullableString,
  date_onset: nullableString,
  date_diagnosis: nullableString,
  date_changed: nullableString,
  notes: nullableString,
  status: nullableString, // "active" | "inactive" | "resolved"
  info_url: nullableString,
});
export type Problem = z.infer<typeof problemSchema>;

export const problemWritable = z.strictObject({
  patient: z.int().positive(),
  doctor: z.int().positive(),
  name: z.string().trim().min(1, 'Name the problem').max(200),
  description: z.string().trim().max(2000).optional(),
  icd_code: z.string().trim().max(10).optional(),
  icd_version: z.union([z.literal(9), z.literal(10)]).optional(),
  snomed_ct_code: z.string().trim().max(20).optional(),
  date_onset: optionalDate,
  date_diagnosis: optionalDate,
  date_changed: optionalDate,
  notes: z.string().trim().max(2000).optional(),
  status: z.enum(['active', 'inactive', 'resolved']).optional(),
});

export const clinicalSchemas = {
  allergies: { record: allergySchema, writable: allergyWritable },
  medications: { record: medicationSchema, writable: medicationWritable },
  problems: { record: problemSchema, writable: problemWritable },
} as const;
