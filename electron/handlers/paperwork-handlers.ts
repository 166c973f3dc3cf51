import type { EventPayload } from '../../shared/contract';
import type { paperworkChannels } from '../../shared/contract/paperwork-channels';
import { ok } from '../../shared/result';
import type { Services } from '../app/services';
import { createPaperworkService } from '../paperwork/paperwork-service';
import type { HandlerGroup } from './types';

/**
 * Printing and the day's paperwork. The paperwork service is made here, once: it keeps each day's
 * eligibility checks, reminders and balances for a while (cleared on sign-out). Status changes
 * and moves touch none of them: the desk's busiest edits cost no paperwork call.
 */
export function createPaperworkHandlers(
  services: Services,
): HandlerGroup<keyof typeof paperworkChannels> {
  const paperwork = createPaperworkService({
    client: services.client,
    clock: services.clock,
    plain: services.plain,
    refusal: (resource) => services.capabilities.explainResource(resource, 'GET').reason,
  });
  services.auth.onChange((status) => {
    if (status.state !== 'signed-in') paperwork.clear();
  });
  services.events.subscribe((event, payload) => {
    if (event !== 'data:changed') return;
    const change = payload as EventPayload<'data:changed'>;
    if (change.kinds.includes('billing')) paperwork.billingChanged();
  });

  return {
    'print:document': async ({ action, title }, s) => {
      const printer = s.platform.printer;
      if (!printer) return ok({ handledBy: 'renderer', savedTo: null, cancelled: false });
      if (action === 'print') {
        const printed = await printer.print();
        return ok({ handledBy: 'main', savedTo: null, cancelled: printed.cancelled });
      }
      const saved = await printer.savePdf(title);
      return ok({ handledBy: 'main', savedTo: saved.savedTo, cancelled: saved.savedTo === null });
    },
    'eligibility:day': ({ date, refresh }) => paperwork.eligibility(date, refresh),
    'reminders:day': ({ date, refresh, appointmentId }) =>
      paperwork.reminders(date, refresh, appointmentId),
    'paperwork:balances': ({ date, refresh }) => paperwork.balances(date, refresh),
    'reminders:profiles': () => paperwork.reminderProfiles(),
    'reminders:defaults': () => Promise.resolve(ok(paperwork.defaults())),
    'reminders:setDefault': ({ appointmentProfileId, reminderProfileId }) =>
      Promise.resolve(ok(paperwork.setDefault(appointmentProfileId, reminderProfileId))),
  };
}
