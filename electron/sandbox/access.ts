import type { Method } from './router';

/**
 * Who may call what, from the reference's "Required scopes" and "Required permissions" of each
 * endpoint. Two checks, both per request: the token must carry every scope listed (`base:read`
 * for GET, `base:write` for anything else), and the signed-in user's staff permissions must
 * include every permission listed. drchrono answers either refusal with DRF's 403 body.
 */

/** drchrono's base scopes; a token holds `base:read` and/or `base:write`. */
export const baseScopes = [
  'user',
  'calendar',
  'patients',
  'patients:summary',
  'billing',
  'billing:patient-payment',
  'clinical',
  'labs',
  'tasks',
  'settings',
  'messages',
] as const;

export const allScopes: readonly string[] = baseScopes.flatMap((b) => [`${b}:read`, `${b}:write`]);

/** Staff permissions as the `permissions` object of `/api/users` spells them. */
export const staffPermissions = [
  'access_scheduling',
  'manage_patients',
  'access_clinical_notes',
  'access_billing',
  'show_billing_tab',
  'access_patient_payments',
  'settings',
  'user_admin',
  'access_labs',
  'access_messages',
  'access_tasks',
] as const;
export type StaffPermission = (typeof staffPermissions)[number];

/** drchrono's names on its permissions page (`user_admin` is the sandbox's; see the README). */
export const permissionLabels: Record<StaffPermission, string> = {
  access_scheduling: 'Access Scheduling',
  manage_patients: 'Manage Patients',
  access_clinical_notes: 'Access Clinical Notes',
  access_billing: 'Access Billing',
  show_billing_tab: 'Show Billing Tab',
  access_patient_payments: 'Access Patients Payments',
  settings: 'Settings',
  user_admin: 'User Admin',
  access_labs: 'Access Labs',
  access_messages: 'Access Message Center',
  access_tasks: 'Access Tasks',
};

export const staffProfileNames = ['admin', 'front-desk', 'billing-clerk'] as const;
export type StaffProfile = (typeof staffProfileNames)[number];

const granting = (granted: readonly StaffPermission[]): Record<StaffPermission, boolean> =>
  Object.fromEntries(staffPermissions.map((p) => [p, granted.includes(p)])) as Record<
    StaffPermission,
    boolean
  >;

/**
 * The profiles a practice admin commonly sets up. A front desk books and edits patients but sees
 * no billing, clinical data, settings or user lists; a billing clerk adds billing and payments.
 */
export const staffProfiles: Record<StaffProfile, Record<StaffPermission, boolean>> = {
  admin: granting(staffPermissions),
  'front-desk': granting(['access_scheduling', 'manage_patients', 'access_tasks']),
  'billing-clerk': granting([
    'access_scheduling',
    'manage_patients',
    'access_billing',
    'show_billing_tab',
    'access_patient_payments',
    'access_tasks',
  ]),
};

export interface EndpointAccess {
  /** Every base scope listed under "Required scopes". */
  scopes: readonly (typeof baseScopes)[number][];
  /** Every permission needed for any request. */
  permissions: readonly StaffPermission[];
  /** Needed for writes only ("Manage Patients Required for write access only"). */
  writePermissions?: readonly StaffPermission[];
  /** `/api/users/:id` of the caller needs no permission (`/api/users/current` redirects there). */
  ownRecordFree?: boolean;
}

const billingPerms = ['access_billing', 'show_billing_tab'] as const;

/** Keyed by the endpoint's collection path; `/api/x/:id` and `/api/x/:id/action` share it. */
export const endpointAccess: Record<string, EndpointAccess> = {
  // The reference lists "Access Billing, Show Billing Tab, Access Clinical Notes" here, a copy of
  // the billing endpoints' line; the sandbox asks for Access Scheduling (see the README).
  '/api/appointments': { scopes: ['calendar', 'clinical'], permissions: ['access_scheduling'] },
  '/api/appointment_profiles': {
    scopes: ['calendar', 'settings'],
    permissions: ['access_scheduling', 'settings'],
  },
  '/api/appointment_templates': {
    scopes: ['calendar', 'settings'],
    permissions: ['access_scheduling', 'settings'],
  },
  '/api/doctors': { scopes: ['user'], permissions: [] },
  '/api/documents': { scopes: ['patients'], permissions: ['manage_patients'] },
  '/api/offices': { scopes: ['user'], permissions: [] },
  '/api/insurances': { scopes: ['user'], permissions: [] },
  '/api/custom_appointment_fields': {
    scopes: ['clinical', 'settings'],
    permissions: ['access_clinical_notes', 'settings'],
  },
  '/api/custom_demographics': {
    scopes: ['patients', 'settings'],
    permissions: ['manage_patients', 'settings'],
  },
  '/api/patients': { scopes: ['patients'], permissions: ['manage_patients'] },
  '/api/patients_summary': {
    scopes: ['patients:summary'],
    permissions: [],
    writePermissions: ['manage_patients'],
  },
  '/api/patient_flag_types': {
    scopes: ['patients', 'settings'],
    permissions: ['manage_patients', 'settings'],
  },
  '/api/patient_payments': {
    scopes: ['billing:patient-payment'],
    permissions: [...billingPerms, 'access_patient_payments'],
  },
  '/api/patient_payment_log': { scopes: ['billing'], permissions: billingPerms },
  '/api/reminder_profiles': { scopes: ['calendar'], permissions: ['access_scheduling'] },
  '/api/eligibility_checks': {
    scopes: ['calendar', 'patients'],
    permissions: ['access_scheduling', 'manage_patients'],
  },
  // "None required" / "No special permissions" in the reference, yet practices restrict them.
  '/api/users': { scopes: [], permissions: ['user_admin'], ownRecordFree: true },
  '/api/user_groups': { scopes: [], permissions: ['user_admin'] },
  '/api/line_items': { scopes: ['billing'], permissions: billingPerms },
  '/api/transactions': { scopes: ['billing'], permissions: billingPerms },
  '/api/allergies': { scopes: ['clinical'], permissions: ['access_clinical_notes'] },
  '/api/medications': { scopes: ['clinical'], permissions: ['access_clinical_notes'] },
  '/api/problems': { scopes: ['clinical'], permissions: ['access_clinical_notes'] },
  '/api/tasks': { scopes: ['tasks'], permissions: [] },
  '/api/task_categories': { scopes: ['tasks'], permissions: [] },
  '/api/task_statuses': { scopes: ['tasks'], permissions: [] },
  '/api/task_templates': { scopes: ['tasks'], permissions: [] },
  '/api/iframe_integration': { scopes: [], permissions: [] },
};

/** The collection path a route pattern belongs to: `/api/offices/:id/add_exam_room` → `/api/offices`. */
export function collectionOf(pattern: string): string {
  return pattern.split('/').slice(0, 3).join('/');
}

export function accessFor(pattern: string): EndpointAccess {
  const found = endpointAccess[collectionOf(pattern)];
  if (!found) throw new Error(`sandbox: no access rule for ${pattern}`);
  return found;
}

/** The scope tokens a token needs for `method` on an endpoint. */
export function neededScopes(access: EndpointAccess, method: Method): string[] {
  const suffix = method === 'GET' ? 'read' : 'write';
  return access.scopes.map((s) => `${s}:${suffix}`);
}

/** A requested `scope` as the token's scope set: nothing requested means every scope. */
export function grantedScopes(scope: string): string[] {
  const requested = scope.split(/\s+/).filter(Boolean);
  return requested.length === 0 ? [...allScopes] : [...new Set(requested)];
}

/** Scope tokens drchrono does not know (the authorize request is then refused). */
export function unknownScopes(scope: string): string[] {
  return scope
    .split(/\s+/)
    .filter(Boolean)
    .filter((s) => !allScopes.includes(s));
}

/** The permissions of a user record, read leniently (a missing key is not granted). */
export function permissionsOf(data: Record<string, unknown>): Set<StaffPermission> {
  const raw = data.permissions;
  const out = new Set<StaffPermission>();
  if (raw === null || typeof raw !== 'object') return out;
  for (const p of staffPermissions) if ((raw as Record<string, unknown>)[p] === true) out.add(p);
  return out;
}

/** The named profile whose permissions a user has exactly, or "custom". */
export function profileOf(data: Record<string, unknown>): StaffProfile | 'custom' {
  const has = permissionsOf(data);
  return (
    staffProfileNames.find((name) =>
      staffPermissions.every((p) => has.has(p) === staffProfiles[name][p]),
    ) ?? 'custom'
  );
}

/** The permissions `user` lacks for this request (empty when allowed). */
export function missingPermissions(
  access: EndpointAccess,
  method: Method,
  has: ReadonlySet<StaffPermission>,
  ownRecord: boolean,
): StaffPermission[] {
  if (access.ownRecordFree && ownRecord) return [];
  const needed = [
    ...access.permissions,
    ...(method === 'GET' ? [] : (access.writePermissions ?? [])),
  ];
  return needed.filter((p) => !has.has(p));
}

/** DRF's body for a refused permission, the same for a scope and a staff permission. */
export const permissionDenied = { detail: 'You do not have permission to perform this action.' };
