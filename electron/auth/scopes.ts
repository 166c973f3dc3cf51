/**
 * What Frontdesk asks drchrono for: exactly the areas the desk works in, read and write. Labs,
 * messages and the rest stay unrequested (the reference asks apps to request only what they use).
 * `billing:patient-payment` is its own scope: `/api/patient_payments` is not covered by `billing`.
 * tests/integration/scopes-coverage.test.ts checks these against every call the code makes.
 */
const areas = [
  'user',
  'calendar',
  'patients',
  'patients:summary',
  'billing',
  'billing:patient-payment',
  'clinical',
  'tasks',
  'settings',
] as const;

export const frontdeskScope = areas.flatMap((area) => [`${area}:read`, `${area}:write`]).join(' ');
