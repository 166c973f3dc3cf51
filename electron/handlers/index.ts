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
import { createPracticeSettingsHandlers } from './practice-settings-handlers';
import { createRecordsHandlers } from './records-handlers';
import { createSyncHandlers } from './sync-handlers';
import type { HandlerTable } from './types';

export interface HandlerDeps {
  logger: Logger;
}

/**
 * The whole handler table, one group per area of the contract. A domain service whose methods are
 * its channels (`DomainService`) is its own handler group: the dispatcher has validated the
 * request, the service answers it. Each is made here once from only the services it uses; the
 * records, settings, sync and capability groups map their channels onto theirs.
 */
export function createHandlers(services: Services, deps: HandlerDeps): Partial<HandlerTable> {
  return {
    ...createSessionService(services, deps.logger),
    ...createCalendarService(services),
    ...createPracticeSettingsHandlers(createPracticeSettings(services)),
    ...createRecordsHandlers(services),
    ...createSyncHandlers(services),
    ...createDeskPaperwork(services),
    ...createPrintService(services),
    ...createDocumentsService(services),
    ...createHistoryService(services),
    ...capabilityHandlers(services.capabilities),
  };
}
