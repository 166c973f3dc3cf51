import type { NavTarget } from '../ui';

const KEY = 'frontdesk.area';

/**
 * The area the desk was in, kept for this window's session so a reload (or the lock) brings it
 * back. Only the area and the settings section are kept: never a patient or appointment id.
 */
export function rememberArea(target: NavTarget): void {
  const kept: NavTarget =
    target.area === 'settings' && target.section
      ? { area: 'settings', section: target.section }
      : target.area === 'billing'
        ? { area: 'today' } // billing needs a visit, which is not kept
        : { area: target.area };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // Storage refused (private mode, quota): a reload opens Today, nothing worse.
  }
}

const plainAreas = new Set(['today', 'home', 'calendar', 'patients', 'tasks', 'outbox']);
const sections = new Set([
  'connection',
  'profiles',
  'templates',
  'rooms',
  'preferences',
  'lock',
  'help',
]);

/** The remembered area, or Today: the first screen after sign-in. */
export function recallArea(): NavTarget {
  try {
    const raw = sessionStorage.getItem(KEY);
    const value: unknown = raw ? JSON.parse(raw) : null;
    if (value && typeof value === 'object' && 'area' in value) {
      const { area, section } = value as { area: unknown; section?: unknown };
      if (typeof area === 'string' && plainAreas.has(area)) return { area } as NavTarget;
      if (area === 'settings') {
        return typeof section === 'string' && sections.has(section)
          ? ({ area, section } as NavTarget)
          : { area };
      }
    }
  } catch {
    // Unreadable: start on Today.
  }
  return { area: 'today' };
}

/** Signing out forgets it: the next sign-in opens on Today. */
export function forgetArea(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing kept.
  }
}
