import type { CalendarChannel } from '../sync/calendar-service';
import { thinHandlers } from './thin';
import type { DomainService, HandlerGroup } from './types';

/**
 * Thin: the dispatcher validated the request; the calendar service does the rest. The calendar's
 * settings (profiles, templates, exam rooms) are practice-settings-handlers.ts's.
 */
export function createCalendarHandlers(
  calendar: DomainService<CalendarChannel>,
): HandlerGroup<CalendarChannel> {
  return thinHandlers(calendar);
}
