import type { collectedChannels } from '../../../shared/contract/collected-channels';
import type { CollectedService } from '../../records/collected-service';
import type { HandlerGroup } from '../types';

/** Thin: the dispatcher validated the request; the collected-payments service does the rest. */
export function collectedHandlers(
  collected: CollectedService,
): HandlerGroup<keyof typeof collectedChannels> {
  return {
    'billing:applyCollected': (request) => collected.applyCollected(request),
    'billing:account': ({ patientId }) => collected.account(patientId),
    'billing:collectedToday': (_request) => collected.collectedToday(),
  };
}
