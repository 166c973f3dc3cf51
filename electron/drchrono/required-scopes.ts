import type { Method } from './types';

/**
 * The "Required scopes" of each v4 resource, as the reference lists them (a base scope; reads need
 * `:read`, writes `:write`). `/api/users` and `/api/user_groups` need none. Used to say, when
 * drchrono refuses a call, which scope it wanted.
 */
const baseScopes: Record<string, readonly string[]> = {
  allergies: ['clinical'],
  amendments: ['clinical'],
  appointment_profiles: ['calendar', 'settings'],
  appointment_templates: ['calendar', 'settings'],
  appointments: ['calendar', 'clinical'],
  care_plans: ['clinical'],
  clinical_note_field_types: ['clinical'],
  clinical_note_field_values: ['clinical'],
  clinical_note_templates: ['clinical'],
  clinical_notes: ['clinical'],
  comm_logs: ['calendar'],
  custom_appointment_fields: ['clinical', 'settings'],
  custom_demographics: ['patients', 'settings'],
  custom_insurance_plan_names: ['settings'],
  custom_vitals: ['clinical', 'settings'],
  doctors: ['user'],
  documents: ['patients'],
  eligibility_checks: ['calendar', 'patients'],
  fee_schedules: ['billing'],
  insurances: ['user'],
  line_items: ['billing'],
  medications: ['clinical'],
  messages: ['messages'],
  offices: ['user'],
  patient_flag_types: ['patients', 'settings'],
  patient_payment_log: ['billing'],
  patient_payments: ['billing:patient-payment'],
  patients: ['patients'],
  patients_summary: ['patients:summary'],
  problems: ['clinical'],
  procedures: ['billing'],
  reminder_profiles: ['calendar'],
  task_categories: ['tasks'],
  task_statuses: ['tasks'],
  task_templates: ['tasks'],
  tasks: ['tasks'],
  transactions: ['billing'],
  user_groups: [],
  users: [],
};

/** `patient_payments`, GET → `['billing:patient-payment:read']`; null when the reference is silent. */
export function requiredScopes(resource: string | null, method: Method): string[] | null {
  const bases = resource === null ? undefined : baseScopes[resource];
  if (bases === undefined) return null;
  const access = method === 'GET' ? 'read' : 'write';
  return bases.map((base) => `${base}:${access}`);
}
