import { z } from 'zod';
import {
  allergyWritable,
  medicationWritable,
  problemWritable,
  type Allergy,
  type ClinicalKind,
  type Medication,
  type Problem,
} from '../../shared/drchrono';
import { changedFields } from '../forms';

/** An empty box means "not given": the contract's optional fields want it absent, not "". */
const blank = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (v === '' || v === null || (typeof v === 'number' && Number.isNaN(v)) ? undefined : v),
    schema,
  );

/** The contract's writable schemas, with empty boxes read as absent where "" is not allowed. */
export const clinicalFormSchemas = {
  allergies: allergyWritable,
  medications: medicationWritable.extend({
    dispense_quantity: blank(medicationWritable.shape.dispense_quantity),
    number_refills: blank(medicationWritable.shape.number_refills),
  }),
  problems: problemWritable.extend({
    icd_version: blank(
      z.preprocess(
        (v) => (typeof v === 'string' ? Number(v) : v),
        problemWritable.shape.icd_version,
      ),
    ),
  }),
} as const;

export type ClinicalRecord = Allergy | Medication | Problem;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const date = (v: unknown) => str(v).slice(0, 10);

/** The record as the form's boxes (new records start active, owned by the patient's provider). */
export function clinicalValues(
  kind: ClinicalKind,
  record: ClinicalRecord | null,
  owner: { patient: number; doctor: number },
): Record<string, unknown> {
  const r = (record ?? {}) as Record<string, unknown>;
  const common = {
    patient: owner.patient,
    doctor: typeof r.doctor === 'number' ? r.doctor : owner.doctor,
    notes: str(r.notes),
    status: str(r.status) || 'active',
  };
  switch (kind) {
    case 'allergies':
      return {
        ...common,
        description: str(r.description),
        reaction: str(r.reaction),
        rxnorm: str(r.rxnorm),
        snomed_reaction: str(r.snomed_reaction),
      };
    case 'medications':
      return {
        ...common,
        name: str(r.name),
        dosage_quantity: str(r.dosage_quantity),
        dosage_units: str(r.dosage_units),
        frequency: str(r.frequency),
        route: str(r.route),
        indication: str(r.indication),
        date_prescribed: date(r.date_prescribed),
        date_started_taking: date(r.date_started_taking),
        date_stopped_taking: date(r.date_stopped_taking),
        dispense_quantity: str(r.dispense_quantity),
        number_refills: typeof r.number_refills === 'number' ? r.number_refills : null,
        prn: r.prn === true,
        daw: r.daw === true,
        order_status: str(r.order_status),
        rxnorm: str(r.rxnorm),
      };
    case 'problems':
      return {
        ...common,
        name: str(r.name),
        description: str(r.description),
        icd_code: str(r.icd_code),
        icd_version:
          r.icd_version === undefined || r.icd_version === null ? 10 : Number(r.icd_version),
        snomed_ct_code: str(r.snomed_ct_code),
        date_onset: date(r.date_onset),
        date_diagnosis: date(r.date_diagnosis),
        date_changed: date(r.date_changed),
      };
  }
}

/** The POST body: what was filled in. */
export function clinicalCreateBody(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined));
}

/** The PATCH: changed fields only, with a base the contract accepts (others are left out). */
export function clinicalChanges(
  kind: ClinicalKind,
  initial: Record<string, unknown>,
  values: Record<string, unknown>,
): { changes: Record<string, unknown>; base: Record<string, unknown>; count: number } {
  const { changes, base, count } = changedFields(initial, values);
  const partial = clinicalFormSchemas[kind].partial();
  const shape = partial.shape as Record<string, z.ZodType>;
  const validBase: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) {
    if (shape[key]?.safeParse(value).success) validBase[key] = value;
  }
  const cleanChanges = Object.fromEntries(
    Object.entries(changes).filter(([, v]) => v !== undefined),
  );
  return { changes: cleanChanges, base: validBase, count };
}

export const clinicalShownFields: Record<ClinicalKind, readonly string[]> = {
  allergies: Object.keys(allergyWritable.shape),
  medications: Object.keys(medicationWritable.shape),
  problems: Object.keys(problemWritable.shape),
};
