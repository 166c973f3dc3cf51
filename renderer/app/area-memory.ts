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

const TODAY_KEY = 'frontdesk.today';

/** How Today was shown: the office, the doctor (null: all) and whether columns group by doctor. */
export interface TodayView {
  officeId: number | null;
  doctorId: number | null;
  byDoctor: boolean;
}

export const defaultTodayView: TodayView = { officeId: null, doctorId: null, byDoctor: false };

/** Kept beside the area for this window's session: ids and a switch, never a name. */
export function rememberTodayView(view: TodayView): void {
  const kept: TodayView = {
    officeId: view.officeId,
    doctorId: view.doctorId,
    byDoctor: view.byDoctor,
  };
  try {
    sessionStorage.setItem(TODAY_KEY, JSON.stringify(kept));
  } catch {
    // Storage refused: Today opens on the calendar's office, every doctor.
  }
}

const idOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;

/** The remembered Today view; anything unreadable falls back to the defaults, field by field. */
export function recallTodayView(): TodayView {
  try {
    const raw = sessionStorage.getItem(TODAY_KEY);
    const value: unknown = raw ? JSON.parse(raw) : null;
    if (value && typeof value === 'object') {
      const { officeId, doctorId, byDoctor } = value as Record<string, unknown>;
      return {
        officeId: idOrNull(officeId),
        doctorId: idOrNull(doctorId),
        byDoctor: byDoctor === true,
      };
    }
  } catch {
    // Unreadable: the defaults.
  }
  return defaultTodayView;
}

/** Signing out forgets it all: the next sign-in opens on Today, as the practice first shows it. */
export function forgetArea(): void {
  try {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(TODAY_KEY);
  } catch {
    // Nothing kept.
  }
}
