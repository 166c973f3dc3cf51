import { z } from 'zod';
import {
  insuranceWritable,
  patientChanges,
  patientWritable,
  paymentProfilesNeedingInsurance,
  type Patient,
  type PatientChanges,
  type PatientWritable,
} from '../../shared/drchrono';
import { changedFields } from '../forms';

/**
 * The patient form: the contract's own `patientWritable` (same fields, same messages), with the
 * custom demographics as one input per field and, on create, an optional primary insurance that
 * counts as absent while every box of it is empty.
 */

const demographics = patientWritable.omit({
  primary_insurance: true,
  secondary_insurance: true,
  tertiary_insurance: true,
  custom_demographics: true,
});

/** Text fields of the form, in drchrono's names (for 400 messages next to the right box). */
export const patientFormFields = Object.keys(demographics.shape);

const customValues = z.record(z.string(), z.string().trim().max(500, 'At most 500 characters'));

const insuranceKeys = Object.keys(insuranceWritable.shape);
function blankInsurance(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return insuranceKeys.every((key) => {
    const v = (value as Record<string, unknown>)[key];
    return v === undefined || v === null || v === '' || typeof v === 'boolean';
  });
}

const needsInsurance = new Set<string>(paymentProfilesNeedingInsurance);
const insuranceFirst =
  'drchrono accepts this payment profile only for a patient with a primary or secondary insurance: add the insurance first.';

export function patientFormSchema(options: { mode: 'create' | 'edit'; hasInsurance: boolean }) {
  const base = demographics.extend({
    custom: customValues,
    primary_insurance: z.preprocess(
      (v) => (options.mode === 'create' && !blankInsurance(v) ? v : undefined),
      insuranceWritable.optional(),
    ),
  });
  return base.superRefine((values, ctx) => {
    const insured = options.hasInsurance || values.primary_insurance !== undefined;
    if (
      values.patient_payment_profile &&
      needsInsurance.has(values.patient_payment_profile) &&
      !insured
    ) {
      ctx.addIssue({ code: 'custom', path: ['patient_payment_profile'], message: insuranceFirst });
    }
  });
}
export type PatientFormSchema = ReturnType<typeof patientFormSchema>;
export type PatientFormInput = z.input<PatientFormSchema>;
export type PatientFormOutput = z.output<PatientFormSchema>;

type TextKey = Exclude<keyof typeof demographics.shape, 'doctor'>;

const text = (value: string | null | undefined) => value ?? '';

/** The record as the form shows it: nulls as empty boxes, drchrono's defaults for empty choices. */
export function toFormValues(
  patient: Patient | null,
  defaults: { doctor: number | null },
): PatientFormInput {
  const values: Record<string, unknown> = {};
  for (const key of patientFormFields as TextKey[]) {
    values[key] = text(patient?.[key]);
  }
  values.doctor = patient?.doctor ?? defaults.doctor ?? undefined;
  values.race = text(patient?.race) || 'blank';
  values.ethnicity = text(patient?.ethnicity) || 'blank';
  values.patient_status = text(patient?.patient_status) || 'A';
  values.date_of_birth = text(patient?.date_of_birth).slice(0, 10);
  const custom: Record<string, string> = {};
  for (const entry of patient?.custom_demographics ?? []) {
    custom[String(entry.field_type)] = entry.value ?? '';
  }
  values.custom = custom;
  values.primary_insurance = emptyInsuranceValues();
  return values as PatientFormInput;
}

export function emptyInsuranceValues(): Record<string, string | boolean> {
  return {
    insurance_company: '',
    insurance_payer_id: '',
    insurance_id_number: '',
    insurance_group_number: '',
    insurance_group_name: '',
    insurance_plan_name: '',
    insurance_plan_type: '',
    insurance_claim_office_number: '',
    is_subscriber_the_patient: true,
    subscriber_first_name: '',
    subscriber_last_name: '',
    subscriber_date_of_birth: '',
    subscriber_relation: '',
  };
}

function withoutBlanks<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== '' && v !== undefined && v !== null),
  ) as T;
}

/** The POST body: only what was filled in (an empty date box is null after the schema: left out). */
export function createPayload(values: PatientFormOutput): PatientWritable {
  const { custom, primary_insurance, ...fields } = values;
  const custom_demographics = Object.entries(custom)
    .filter(([, value]) => value !== '')
    .map(([field_type, value]) => ({ field_type: Number(field_type), value }));
  return {
    ...withoutBlanks(fields),
    first_name: fields.first_name,
    last_name: fields.last_name,
    gender: fields.gender,
    doctor: fields.doctor,
    ...(primary_insurance
      ? {
          // Company and payer ID are required keys of a card (possibly empty); the rest may go.
          primary_insurance: {
            ...withoutBlanks(primary_insurance),
            insurance_company: primary_insurance.insurance_company,
            insurance_payer_id: primary_insurance.insurance_payer_id,
          },
        }
      : {}),
    ...(custom_demographics.length > 0 ? { custom_demographics } : {}),
  };
}

/**
 * The PATCH: only the fields that differ from what the form was opened with, and `base` with their
 * old values. A base value the contract would refuse (drchrono holds data our rules do not accept)
 * is left out: main then sends ours without claiming to know what was there.
 */
export function editPayload(
  initial: PatientFormInput,
  values: PatientFormOutput,
): { changes: PatientChanges; base: PatientChanges; count: number } {
  const { custom: initialCustom, primary_insurance: _a, ...initialFields } = initial;
  const { custom, primary_insurance: _b, ...fields } = values;
  const { changes, base } = changedFields(
    initialFields as Record<string, unknown>,
    fields as Record<string, unknown>,
  );
  const customChanges = Object.entries(custom)
    .filter(([key, value]) => (initialCustom[key] ?? '') !== value)
    .map(([field_type, value]) => ({ field_type: Number(field_type), value }));
  const allChanges: Record<string, unknown> = { ...changes };
  if (customChanges.length > 0) allChanges.custom_demographics = customChanges;
  return {
    changes: allChanges,
    base: validBase(base),
    count: Object.keys(allChanges).length,
  };
}

function validBase(base: Record<string, unknown>): PatientChanges {
  const out: Record<string, unknown> = {};
  const shape = patientChanges.shape as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(base)) {
    const field = shape[key];
    if (field?.safeParse(value).success) out[key] = value;
  }
  return out;
}

/** Whether a stored insurance card holds anything (drchrono sends empty cards for empty slots). */
export function hasInsuranceCard(card: Patient['primary_insurance']): boolean {
  return Boolean(
    card && (card.insurance_company || card.insurance_payer_id || card.insurance_id_number),
  );
}
