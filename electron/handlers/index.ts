import type { Logger } from '../app/log';
import type { Services } from '../app/services';
import { createSessionService } from '../app/session-service';
import { capabilityHandlers } from '../capabilities/capability-handlers';
import { createDocumentsService } from '../documents/documents-service';
import { createHistoryService } from '../history/history-service';
import { createDeskPaperwork } from '../paperwork/desk-paperwork';
import { createPrintService } from '../paperwork/print-service';
import { createCalendarService } from '../sync/calendar-service';
import { createPracticeSettings } from '../sync/practice-settings';
import { createCalendarHandlers } from './calendar-handlers';
import { createPaperworkHandlers } from './paperwork-handlers';
import { createDocumentsHandlers } from './documents-handlers';
import { createHistoryHandlers } from './history-handlers';
import { createPracticeSettingsHandlers } from './practice-settings-handlers';
import { createRecordsHandlers } from './records-handlers';
import { createSessionHandlers } from './session-handlers';
import { createSyncHandlers } from './sync-handlers';
import type { HandlerTable } from './types';

export interface HandlerDeps {
  logger: Logger;
}

/**
 * The whole handler table, one group per area of the contract. A domain with a service gets its
 * handlers from it, the service made here once from only what it uses; the sync and capability
 * handlers get the one or two services they read. No handler is handed the whole set per call.
 */
export function createHandlers(services: Services, deps: HandlerDeps): Partial<HandlerTable> {
  return {
    ...createSessionHandlers(createSessionService(services, deps.logger)),
    ...createCalendarHandlers(createCalendarService(services)),
    ...createPracticeSettingsHandlers(createPracticeSettings(services)),
    ...createRecordsHandlers(services),
    ...createSyncHandlers(services),
    ...createPaperworkHandlers(createDeskPaperwork(services), createPrintService(services)),
    ...createDocumentsHandlers(createDocumentsService(services)),
    ...createHistoryHandlers(createHistoryService(services)),
    ...capabilityHandlers(services.capabilities),
  };
}
