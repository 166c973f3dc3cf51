import type { HandlerTable } from './types';
import { createCalendarHandlers } from './calendar-handlers';
import { createRecordsHandlers } from './records-handlers';
import { createSessionHandlers } from './session-handlers';
import { createSyncHandlers } from './sync-handlers';

/** The whole handler table, one group per area of the contract. */
export function createHandlers(): Partial<HandlerTable> {
  return {
    ...createSessionHandlers(),
    ...createCalendarHandlers(),
    ...createRecordsHandlers(),
    ...createSyncHandlers(),
  };
}
