import { z } from 'zod';
import { prefsSchema, type Prefs } from '../../shared/contract';
import type { PrefsService } from '../app/services';
import type { PlainStore } from './types';

const KEY = 'prefs';
const storedShape = z.record(z.string(), z.unknown());
const sectionShape = z.record(z.string(), z.unknown());

export const defaultPrefs: Prefs = {
  calendar: {
    view: 'rooms',
    officeId: null,
    doctorId: null,
    slotMinutes: 15,
    clock: 'auto',
    weekStart: 'auto',
  },
  // Yesterday (late check-outs, billing follow-up) through next week: what the desk looks at.
  cache: { daysBefore: 1, daysAfter: 7 },
  lock: { idleMinutes: 10 },
  budget: {
    hourlyQuota: 500,
    // The quota belongs to the practice's API application, not to this computer. A typical front
    // desk runs three workstations; 0.3 each leaves a tenth of the hour for a fourth machine, a
    // doctor's session or an integration without anyone hitting drchrono's 429.
    share: 0.3,
  },
};

export type PrefsPatch = Parameters<PrefsService['set']>[0];

export interface ObservablePrefsService extends PrefsService {
  /** The budget listens here to apply a new quota or share at once. */
  onChange(listener: (prefs: Prefs) => void): () => void;
}

/**
 * Preferences in the PlainStore (no PHI, no secrets). Stored values are merged over the defaults
 * section by section and validated, so a file from an older version (missing a new key) or edited
 * by hand (a value out of range) falls back per section instead of failing the whole app.
 */
export function createPrefsService(plain: PlainStore): ObservablePrefsService {
  const listeners = new Set<(prefs: Prefs) => void>();
  let current = load(plain);

  return {
    get: () => current,
    set(patch: PrefsPatch): Prefs {
      const next = prefsSchema.parse({
        calendar: { ...current.calendar, ...patch.calendar },
        cache: { ...current.cache, ...patch.cache },
        lock: { ...current.lock, ...patch.lock },
        budget: { ...current.budget, ...patch.budget },
      });
      plain.set(KEY, next);
      current = next;
      for (const listener of listeners) listener(current);
      return current;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function load(plain: PlainStore): Prefs {
  const stored = plain.get(KEY, storedShape) ?? {};
  const section = <K extends keyof Prefs>(key: K): Prefs[K] => {
    const saved = sectionShape.safeParse(stored[key]);
    const merged = { ...defaultPrefs[key], ...(saved.success ? saved.data : {}) };
    const parsed = prefsSchema.shape[key].safeParse(merged);
    return parsed.success ? (parsed.data as Prefs[K]) : defaultPrefs[key];
  };
  return {
    calendar: section('calendar'),
    cache: section('cache'),
    lock: section('lock'),
    budget: section('budget'),
  };
}
