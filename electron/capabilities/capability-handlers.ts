import { ok } from '../../shared/result';
import type { HandlerGroup } from '../handlers/types';

/** `capabilities:get`: the table as the client has seen it (no call to drchrono). */
export function capabilityHandlers(): HandlerGroup<'capabilities:get'> {
  return {
    'capabilities:get': (_request, s) => Promise.resolve(ok(s.capabilities.get())),
  };
}
