import { z } from 'zod';
import { clearableDate, naiveTimestamp, nullableInt, nullableString } from './common';

export const genders = ['Male', 'Female', 'Other'] as const;
export const ethnicities = ['blank', 'hispanic', 'not_hispanic', 'declined'] as const;
export const races = [
  'blank',
  'indian',
  'asian',
  'black',
  'hawaiian',
  'white',
  'declined',
] as const;
export const patientStatuses = ['A', 'I', 'D'] as const;
export const paymentProfiles = [
  '',
  'Cash',
  'Insurance',
  'Insurance Out of Network',
  'Auto Accident',
  "Worker's Comp",
] as const;
/** Profiles that drchrono accepts only when the patient has a primary or secondary insurance. */
export const paymentProfilesNeedingInsurance = [
  'Insurance',
  'Auto Accident',
  "Worker's Comp",
] as const;

/** ISO 639-3 codes offered as choices; other codes from the server are kept and shown as-is. */
export const preferredLanguages = {
  eng: 'English',
  spa: 'Spanish',
  zho: 'Chinese',
  vie: 'Vietnamese',
  kor: 'Korean',
  tgl: 'Tagalog',
  rus: 'Russian',
  ara: 'Arabic',
  hat: 'Haitian Creole',
  fra: 'French',
  por: 'Portuguese',
  pol: 'Polish',
  ita: 'Italian',
  deu: 'German',
  jpn: 'Japanese',
  hin: 'Hindi',
  urd: 'Urdu',
  fas: 'Persian',
  que: 'Quechua',
  som: 'Somali',
  amh: 'Amharic',
  nav: 'Navajo',
  ase: 'American Sign Language',
  und: 'Undetermined',
} as const;

export const insuranceSlots = [
  'primary_insurance',
  'secondary_insurance',
  'tertiary_insurance',
] as const;
export type InsuranceSlot = (typeof insuranceSlots)[number];

/** The nested insurance format is behind a link the documents do not include: keep what we do not know. */
export const insuranceSchema = z.looseObject({
  insurance_company: nullableString,
  insurance_payer_id: nullableString,
  insurance_id_number: nullableString,
  insurance_group_number: nullableString,
  insurance_group_name: nullableString,
  insurance_plan_name: nullableString,
  insurance_plan_type: nullableString,
  insurance_claim_office_number: nullableString,
  is_subscriber_the_patient: z.boolean().nullish(),
  subscriber_first_name: nullableString,
  subscriber_last_name: nullableString,
  subscriber_date_of_birth: nullableString,
  subscriber_relation: nullableString,
});
export type Insurance = z.infer<typeof insuranceSchema>;

export const insuranceWritable = z.strictObject({
  insurance_company: z.string().trim().max(200),
  insurance_payer_id: z.string().trim().max(50),
  insurance_id_number: z.string().trim().min(1, 'Member ID is required').max(50),
  insurance_group_number: z.string().trim().max(50).optional(),
  insurance_group_name: z.string().trim().max(200).optional(),
  insurance_plan_name: z.string().trim().max(200).optional(),
  insurance_plan_type: z.string().trim().max(50).optional(),
  insurance_claim_office_number: z.string().trim().max(50).optional(),
  is_subscriber_the_patient: z.boolean().optional(),
  subscriber_first_name: z.string().trim().max(100).optional(),
  subscriber_last_name: z.string().trim().max(100).optional(),
  subscriber_date_of_birth: clearableDate.optional(),
  subscriber_relation: z.string().trim().max(50).optional(),
});
export type InsuranceWritable = z.infer<typeof insuranceWritable>;

export const customDemographicValueSchema = z.looseObject({
  field_type: z.int(),
  value: z.string().nullish(),
});

export const patientSchema = z.looseObject({
  id: z.int(),
  first_name: nullableString,
  middle_name: nullableString,
  last_name: nullableString,
  nick_name: nullableString,
  date_of_birth: nullableString,
  gender: nullableString,
  doctor: z.int(),
  chart_id: nullableString,
  email: nullableString,
  cell_phone: nullableString,
  home_phone: nullableString,
  address: nullableString,
  city: nullableString,
  state: nullableString,
  zip_code: nullableString,
  emergency_contact_name: nullableString,
  emergency_contact_phone: nullableString,
  emergency_contact_relation: nullableString,
  employer: nullableString,
  employer_address: nullableString,
  employer_city: nullableString,
  employer_state: nullableString,
  employer_zip_code: nullableString,
  responsible_party_name: nullableString,
  responsible_party_relation: nullableString,
  responsible_party_phone: nullableString,
  responsible_party_email: nullableString,
  preferred_language: nullableString,
  race: nullableString,
  ethnicity: nullableString,
  patient_status: nullableString,
  patient_payment_profile: nullableString,
  primary_care_physician: nullableString,
  referring_source: nullableString,
  default_pharmacy: nullableString,
  social_security_number: nullableString,
  primary_insurance: insuranceSchema.nullish(),
  secondary_insurance: insuranceSchema.nullish(),
  tertiary_insurance: insuranceSchema.nullish(),
  custom_demographics: z.array(customDemographicValueSchema).nullish(),
  patient_flags: z.array(z.unknown()).nullish(),
  patient_flags_attached: z.array(z.unknown()).nullish(),
  offices: z.array(z.int()).nullish(),
  updated_at: naiveTimestamp.nullish(),
});
export type Patient = z.infer<typeof patientSchema>;

/** A practice's kind of patient alert ("Balance in collections"), from /api/patient_flag_types. */
export const patientFlagTypeSchema = z.looseObject({
  id: z.int(),
  name: nullableString,
  color: nullableString,
  priority: z.number().nullish(),
  archived: z.boolean().nullish(),
});
export type PatientFlagType = z.infer<typeof patientFlagTypeSchema>;

/** One of a patient's `patient_flags` (verbose): its type, and the type's name and colour. */
export const patientFlagEntrySchema = z.looseObject({
  flag_type: z.int().nullish(),
  name: nullableString,
  color: nullableString,
  priority: z.number().nullish(),
  archived: z.boolean().nullish(),
});
export type PatientFlagEntry = z.infer<typeof patientFlagEntrySchema>;

/** What the roster and the appointment card need: the summary the offline cache keeps. */
export const patientSummarySchema = z.looseObject({
  id: z.int(),
  first_name: nullableString,
  last_name: nullableString,
  date_of_birth: nullableString,
  gender: nullableString,
  doctor: nullableInt,
  chart_id: nullableString,
  cell_phone: nullableString,
  home_phone: nullableString,
  email: nullableString,
  updated_at: naiveTimestamp.nullish(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9+()\-.\s]*(x\d{1,6})?$/, 'Use digits, spaces and + ( ) - only')
  .refine((v) => v === '' || v.replace(/\D/g, '').length >= 7, 'Too short for a phone number');
const email = z.union([z.literal(''), z.email('Enter an email like name@example.com').max(254)]);
const stateCode = z.union([
  z.literal(''),
  z.string().regex(/^[A-Z]{2}$/, 'Two capital letters, like NY'),
]);
const zip = z.union([
  z.literal(''),
  z.string().regex(/^\d{5}(-\d{4})?$/, 'A ZIP like 12345 or 12345-6789'),
]);
const text = (max: number) => z.string().trim().max(max);

/** Every writable field the v4 reference lists for /api/patients (except the photo upload). */
export const patientWritable = z.strictObject({
  first_name: text(100).min(1, 'First name is required'),
  last_name: text(100).min(1, 'Last name is required'),
  middle_name: text(100).optional(),
  nick_name: text(100).optional(),
  date_of_birth: clearableDate.optional(),
  gender: z.enum(genders, 'Choose Male, Female or Other'),
  doctor: z.int().positive('Choose the primary provider'),
  chart_id: text(50).optional(),
  email: email.optional(),
  cell_phone: phone.optional(),
  home_phone: phone.optional(),
  address: text(200).optional(),
  city: text(100).optional(),
  state: stateCode.optional(),
  zip_code: zip.optional(),
  emergency_contact_name: text(200).optional(),
  emergency_contact_phone: phone.optional(),
  emergency_contact_relation: text(100).optional(),
  employer: text(200).optional(),
  employer_address: text(200).optional(),
  employer_city: text(100).optional(),
  employer_state: stateCode.optional(),
  employer_zip_code: zip.optional(),
  responsible_party_name: text(200).optional(),
  responsible_party_relation: text(100).optional(),
  responsible_party_phone: phone.optional(),
  responsible_party_email: email.optional(),
  preferred_language: z
    .union([z.literal(''), z.string().regex(/^[a-z]{3}$/, 'A three-letter ISO 639-3 code')])
    .optional(),
  race: z.enum(races).optional(),
  ethnicity: z.enum(ethnicities).optional(),
  patient_status: z.enum(patientStatuses).optional(),
  patient_payment_profile: z.enum(paymentProfiles).optional(),
  primary_care_physician: text(200).optional(),
  referring_source: text(200).optional(),
  default_pharmacy: text(20).optional(),
  social_security_number: z
    .union([
      z.literal(''),
      z.string().regex(/^\d{3}-?\d{2}-?\d{4}$/, 'Nine digits, like 123-45-6789'),
    ])
    .optional(),
  primary_insurance: insuranceWritable.optional(),
  secondary_insurance: insuranceWritable.optional(),
  tertiary_insurance: insuranceWritable.optional(),
  custom_demographics: z
    .array(z.strictObject({ field_type: z.int(), value: text(500) }))
    .optional(),
});
export type PatientWritable = z.infer<typeof patientWritable>;
/** Taking a card off a slot: main blanks every key of the card drchrono holds. */
export const insuranceRemoval = z.strictObject({ remove: z.literal(true) });
export type InsuranceRemoval = z.infer<typeof insuranceRemoval>;

export const patientChanges = patientWritable.partial().extend({
  primary_insurance: z.union([insuranceWritable, insuranceRemoval]).optional(),
  secondary_insurance: z.union([insuranceWritable, insuranceRemoval]).optional(),
  tertiary_insurance: z.union([insuranceWritable, insuranceRemoval]).optional(),
});
export type PatientChanges = z.infer<typeof patientChanges>;

export const insurancePayerSchema = z.looseObject({
  payer_name: z.string(),
  payer_id: z.string(),
  state: nullableString,
});
export type InsurancePayer = z.infer<typeof insurancePayerSchema>;
export const payerTypes = ['emdeon', 'gateway', 'ihcfa'] as const;

export const customDemographicFieldSchema = z.looseObject({
  id: z.int(),
  name: z.string(),
  description: nullableString,
  allowed_values: z.array(z.string()).nullish(),
  archived: z.boolean().nullish(),
});
export type CustomDemographicField = z.infer<typeof customDemographicFieldSchema>;
