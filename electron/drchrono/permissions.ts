/**
 * Which drchrono permission a practice admin grants for each resource the desk uses, named as
 * drchrono's settings page names them, so a 403 can say what to ask for.
 */
const permissionByResource: Record<string, string[]> = {
  line_items: ['Access Billing', 'Show Billing Tab'],
  patient_payments: ['Access Billing', 'Show Billing Tab', 'Access Patients Payments'],
  patient_payment_log: ['Access Billing', 'Show Billing Tab'],
  transactions: ['Access Billing', 'Show Billing Tab'],
  procedures: ['Access Billing'],
  fee_schedules: ['Access Billing'],
  allergies: ['Access Clinical Notes'],
  medications: ['Access Clinical Notes'],
  problems: ['Access Clinical Notes'],
  clinical_notes: ['Access Clinical Notes'],
  clinical_note_templates: ['Access Clinical Notes'],
  amendments: ['Access Clinical Notes'],
  care_plans: ['Access Clinical Notes'],
  patients: ['Manage Patients'],
  patients_summary: ['Manage Patients'],
  documents: ['Manage Patients'],
  custom_demographics: ['Manage Patients', 'Settings'],
  patient_flag_types: ['Manage Patients', 'Settings'],
  appointments: ['Access Scheduling'],
  reminder_profiles: ['Access Scheduling'],
  appointment_profiles: ['Access Scheduling', 'Settings'],
  appointment_templates: ['Access Scheduling', 'Settings'],
  custom_appointment_fields: ['Access Clinical Notes', 'Settings'],
  // The reference names none for users and user groups; practices restrict them to user admins.
  users: ['User Admin'],
  user_groups: ['User Admin'],
  eligibility_checks: ['Access Scheduling', 'Manage Patients'],
};

export function permissionsFor(resource: string | null): string[] {
  return resource === null ? [] : (permissionByResource[resource] ?? []);
}

/** “Access Billing”, or “Access Scheduling” and “Settings”. */
export function quotedList(names: string[]): string {
  const quoted = names.map((n) => `“${n}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] ?? ''}`;
}
