import type { FeatureName } from '../../shared/contract/capabilities';

/**
 * Each feature of the desk and the drchrono resources it reads and writes (the collection names
 * of `/api/<resource>`). A call to one of them tells the capability service something about the
 * feature; the README's permissions table is this list joined with the reference's scopes.
 */
export interface FeatureDef {
  feature: FeatureName;
  label: string;
  reads: readonly string[];
  /** Empty: the desk never writes this feature. */
  writes: readonly string[];
}

export const features: readonly FeatureDef[] = [
  {
    feature: 'calendar',
    label: 'Appointments (calendar)',
    reads: ['appointments'],
    writes: ['appointments'],
  },
  {
    feature: 'patients',
    label: 'Patients',
    reads: ['patients', 'patients_summary'],
    writes: ['patients'],
  },
  { feature: 'insurance', label: 'Insurance payers', reads: ['insurances'], writes: [] },
  {
    feature: 'billing',
    label: 'Billing (line items, transactions)',
    reads: ['line_items', 'transactions'],
    writes: ['line_items'],
  },
  {
    feature: 'payments',
    label: 'Patient payments',
    reads: ['patient_payments', 'patient_payment_log'],
    writes: ['patient_payments'],
  },
  {
    feature: 'clinical',
    label: 'Allergies, medications, problems',
    reads: ['allergies', 'medications', 'problems'],
    writes: ['allergies', 'medications', 'problems'],
  },
  {
    feature: 'tasks',
    label: 'Tasks',
    reads: ['tasks', 'task_categories', 'task_statuses', 'task_templates'],
    writes: ['tasks', 'task_categories', 'task_statuses', 'task_templates'],
  },
  {
    feature: 'profiles',
    label: 'Appointment profiles',
    reads: ['appointment_profiles'],
    writes: ['appointment_profiles'],
  },
  {
    feature: 'templates',
    label: 'Appointment templates',
    reads: ['appointment_templates'],
    writes: ['appointment_templates'],
  },
  {
    feature: 'customFields',
    label: 'Custom demographics',
    reads: ['custom_demographics'],
    writes: [],
  },
  { feature: 'flagTypes', label: 'Patient flag types', reads: ['patient_flag_types'], writes: [] },
  {
    feature: 'reminderProfiles',
    label: 'Reminder profiles',
    reads: ['reminder_profiles'],
    writes: [],
  },
  {
    feature: 'staff',
    label: 'Staff list (users, groups)',
    reads: ['users', 'user_groups'],
    writes: [],
  },
];

/** The feature a resource belongs to, and whether the call was a read. */
export function featureOf(resource: string | null): FeatureDef | undefined {
  if (resource === null) return undefined;
  return features.find((f) => f.reads.includes(resource) || f.writes.includes(resource));
}
