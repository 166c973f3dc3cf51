import type { Prefs } from '../contract';
import type { Office } from '../drchrono';

/** How the desk writes times and lays out weeks. */
export interface DeskLocale {
  hour12: boolean;
  /** 0 = Sunday, 1 = Monday (FullCalendar's `firstDay`). */
  firstDay: 0 | 1;
}

/** Countries whose desks read a 12-hour clock and start weeks on Sunday. */
const twelveHourSunday = new Set(['US', 'USA', 'CA', 'PR', 'PH', 'AU', 'NZ']);

/**
 * The practice's convention, from its offices' country (drchrono practices are mostly in the US,
 * so an office without a country counts as US), overridden by the workstation's choice in Settings.
 */
export function deskLocale(
  calendar: Pick<Prefs['calendar'], 'clock' | 'weekStart'>,
  offices: readonly Pick<Office, 'country'>[],
): DeskLocale {
  const country = (offices.find((o) => o.country)?.country ?? 'US').trim().toUpperCase();
  const us = twelveHourSunday.has(country);
  const clock = calendar.clock ?? 'auto';
  const week = calendar.weekStart ?? 'auto';
  return {
    hour12: clock === 'auto' ? us : clock === '12h',
    firstDay: (week === 'auto' ? us : week === 'sunday') ? 0 : 1,
  };
}
