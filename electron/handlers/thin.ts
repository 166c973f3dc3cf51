import type { Channel } from '../../shared/contract';
import type { DomainService, HandlerGroup } from './types';

/** Handlers that only pass the validated request to the domain service and return its reply. */
export function thinHandlers<K extends Channel>(service: DomainService<K>): HandlerGroup<K> {
  const out: Partial<Record<K, (request: never) => Promise<unknown>>> = {};
  for (const channel of Object.keys(service) as K[]) {
    const call = service[channel] as (request: never) => Promise<unknown>;
    out[channel] = (request: never) => call(request);
  }
  return out as unknown as HandlerGroup<K>;
}
