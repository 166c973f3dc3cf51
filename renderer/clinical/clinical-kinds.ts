import type { ClinicalKind } from '../../shared/drchrono';
import { formatDate } from '../patients/common/format';
import type { ClinicalRecord } from './clinical-forms';

export interface KindInfo {
  title: string;
  singular: string;
  /** The list's first column. */
  column: string;
  /** The status that stands for "removed" (drchrono has no DELETE), and its button words. */
  removeStatus: 'inactive' | 'resolved';
  removeLabel: string;
  label: (record: ClinicalRecord) => string;
  detail: (record: ClinicalRecord) => string;
}

const r = (record: ClinicalRecord) => record as Record<string, unknown>;
const s = (v: unknown): string =>
  typeof v === 'string'
    ? v.trim()
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : '';
const join = (...parts: unknown[]) => parts.map(s).filter(Boolean).join(' · ');

export const kinds: Record<ClinicalKind, KindInfo> = {
  allergies: {
    title: 'Allergies',
    singular: 'allergy',
    column: 'Allergy',
    removeStatus: 'inactive',
    removeLabel: 'Mark inactive',
    label: (x) => s(r(x).description) || 'Allergy (no description)',
    detail: (x) => join(r(x).reaction && `Reaction: ${s(r(x).reaction)}`, r(x).notes),
  },
  medications: {
    title: 'Medications',
    singular: 'medication',
    column: 'Medication',
    removeStatus: 'inactive',
    removeLabel: 'Mark inactive',
    label: (x) => s(r(x).name) || 'Medication (no name)',
    detail: (x) =>
      join(
        [r(x).dosage_quantity, r(x).dosage_units].map(s).filter(Boolean).join(' '),
        r(x).frequency,
        r(x).route,
        r(x).prn === true ? 'as needed' : '',
      ),
  },
  problems: {
    title: 'Problems',
    singular: 'problem',
    column: 'Problem',
    removeStatus: 'resolved',
    removeLabel: 'Mark resolved',
    label: (x) => s(r(x).name) || s(r(x).description) || 'Problem (no name)',
    detail: (x) =>
      join(
        r(x).icd_code && `ICD-${s(r(x).icd_version) || '10'} ${s(r(x).icd_code)}`,
        r(x).date_onset && `since ${formatDate(s(r(x).date_onset))}`,
      ),
  },
};

export function isActive(record: ClinicalRecord): boolean {
  return !record.status || record.status === 'active';
}
