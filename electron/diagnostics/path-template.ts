/**
 * A request's path as a template anyone may read: the segments drchrono's v4 reference names
 * (resources, actions, the OAuth endpoints) are kept, every other segment becomes `:id` (digits)
 * or `:value` (anything else: a non-numeric appointment id, a name someone typed into a path).
 * The query string is never kept, only the fact that there was one (`?…`): filters carry names,
 * dates of birth and search terms.
 */

// Every path segment of the v4 reference and the OAuth endpoints (docs in /work/shared/drchrono).
const literals = new Set([
  'api',
  'o',
  'authorize',
  'token',
  'revoke_token',
  'current',
  'add_exam_room',
  'append_to_pharmacy_note',
  'ccda',
  'qrda1',
  'onpatient_access',
  'allergies',
  'amendments',
  'appointment_profiles',
  'appointment_templates',
  'appointments',
  'care_plans',
  'clinical_note_field_types',
  'clinical_note_field_values',
  'clinical_note_templates',
  'clinical_notes',
  'comm_logs',
  'custom_appointment_fields',
  'custom_demographics',
  'custom_insurance_plan_names',
  'custom_vitals',
  'doctors',
  'documents',
  'eligibility_checks',
  'fee_schedules',
  'iframe_integration',
  'implantable_devices',
  'insurances',
  'inventory_categories',
  'inventory_vaccines',
  'lab_documents',
  'lab_orders',
  'lab_orders_summary',
  'lab_results',
  'lab_tests',
  'line_items',
  'medications',
  'messages',
  'mu_2015_report',
  'offices',
  'patient_communications',
  'patient_flag_types',
  'patient_interventions',
  'patient_payment_log',
  'patient_payments',
  'patient_physical_exams',
  'patient_risk_assessments',
  'patient_vaccine_records',
  'patients',
  'patients_summary',
  'prescription_messages',
  'problems',
  'procedures',
  'reminder_profiles',
  'sublabs',
  'task_categories',
  'task_statuses',
  'task_templates',
  'tasks',
  'transactions',
  'user_groups',
  'users',
]);

// Placeholders stay as they are, so a template run through again is unchanged.
const placeholders = new Set([':id', ':value']);

function segmentTemplate(segment: string): string {
  if (segment === '' || literals.has(segment) || placeholders.has(segment)) return segment;
  return /^\d+$/.test(segment) ? ':id' : ':value';
}

/**
 * `https://drchrono.com/api/patients/123?first_name=Ann` → `/api/patients/:id?…`. Accepts an
 * absolute URL (a `next` link, a redirect) or a path; the origin is never part of the template.
 */
export function pathTemplate(target: string | URL): string {
  let url: URL;
  try {
    url = new URL(target, 'http://template.invalid');
  } catch {
    return '(unreadable path)';
  }
  const path = url.pathname.split('/').map(segmentTemplate).join('/');
  return url.search.length > 1 ? `${path}?…` : path;
}

/** Whether `text` is already a template (what observers are promised), e.g. to re-check input. */
export function isPathTemplate(text: string): boolean {
  return pathTemplate(text) === text;
}
