import type { recordsChannels } from '../../../shared/contract/records-channels';
import type { ClinicalService } from '../../records/clinical-service';
import type { HandlerGroup } from '../types';

type ClinicalChannels = Extract<keyof typeof recordsChannels, `clinical:${string}`>;

/** Thin: the dispatcher validated the request; the clinical service does the rest. */
export function clinicalHandlers(clinical: ClinicalService): HandlerGroup<ClinicalChannels> {
  return {
    'clinical:list': (request) => clinical.list(request),
    'clinical:create': (request) => clinical.create(request),
    'clinical:update': (request) => clinical.update(request),
  };
}
