import { ok } from '../../shared/result';
import type { HandlerGroup } from '../handlers/types';
import type { CapabilityService } from './capability-service';

/** `capabilities:get`: the table as the client has seen it (no call to drchrono). */
export function capabilityHandlers(
  capabilities: CapabilityService,
): HandlerGroup<'capabilities:get'> {
  return {
    'capabilities:get': () => Promise.resolve(ok(capabilities.get())),
  };
}
