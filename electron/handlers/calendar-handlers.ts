import type { calendarChannels } from '../../shared/contract/calendar-channels';
import type { HandlerGroup } from './types';

export function createCalendarHandlers(): Partial<HandlerGroup<keyof typeof calendarChannels>> {
  return {};
}
