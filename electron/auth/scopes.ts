/**
 * What Frontdesk asks drchrono for: exactly the areas the desk works in, read and write. Labs,
 * messages and the rest stay unrequested (the reference asks apps to request only what they use).
 */
const areas = [
  'user',
  'calendar',
  'patients',
  'patients:summary',
  'billing',
  'clinical',
  'tasks',
  'settings',
] as const;

export const frontdeskScope = areas.flatMap((area) => [`${area}:read`, `${area}:write`]).join(' ');
