import type { EventPayload } from '../../shared/contract';
import type { paperworkChannels } from '../../shared/contract/paperwork-channels';
import { ok } from '../../shared/result';
import type { DomainService } from '../app/domain-service';
import type { Services } from '../app/services';
import { createPaperworkService } from './paperwork-service';

/** Printing is print-service.ts's. */
export type PaperworkChannel = Exclude<keyof typeof paperworkChannels, 'print:document'>;

/** Only what the desk's paperwork uses. */
export type DeskPaperworkDeps = Pick<
  Services,
  'auth' | 'capabilities' | 'client' | 'clock' | 'events' | 'plain'
>;

/**
 * The day's paperwork as main runs it, made once: the paperwork service keeps each day's
 * eligibility checks, reminders and balances for a while, cleared on sign-out, and asks for the
 * balances again when billing changes. Status changes and moves touch none of them: the desk's
 * busiest edits cost no paperwork call.
 */
export function createDeskPaperwork(deps: DeskPaperworkDeps): DomainService<PaperworkChannel> {
  const paperwork = createPaperworkService({
    client: deps.client,
    clock: deps.clock,
    plain: deps.plain,
    refusal: (resource) => deps.capabilities.explainResource(resource, 'GET').reason,
  });
  deps.auth.onChange((status) => {
    if (status.state !== 'signed-in') paperwork.clear();
  });
  deps.events.subscribe((event, payload) => {
    if (event !== 'data:changed') return;
    const change = payload as EventPayload<'data:changed'>;
    if (change.kinds.includes('billing')) paperwork.billingChanged();
  });

  return {
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
