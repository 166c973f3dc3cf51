import { unnamedFlag } from '../../../shared/contract';
import type { Patient } from '../../../shared/drchrono';

/** One alert flag on a patient, as the desk reads it. */
export interface PatientFlag {
  label: string;
  color: string | null;
  priority: number;
}

interface RawFlag {
  name?: unknown;
  color?: unknown;
  flag_type?: unknown;
  priority?: unknown;
  archived?: unknown;
}

/**
 * The patient's alert flags (`patient_flags`, read with `verbose`), highest priority first. drchrono
 * names each flag by its flag type; one without a name is still shown, as "Alert flag". Archived ones are left
 * out: the practice retired them.
 */
export function patientFlags(patient: Pick<Patient, 'patient_flags'>): PatientFlag[] {
  const flags = (patient.patient_flags ?? []) as RawFlag[];
  return flags
    .filter((f) => f.archived !== true)
    .map((f) => ({
      label: typeof f.name === 'string' && f.name ? f.name : unnamedFlag,
      color: typeof f.color === 'string' && f.color ? f.color : null,
      priority: typeof f.priority === 'number' ? f.priority : 0,
    }))
    .sort((a, b) => b.priority - a.priority);
}
