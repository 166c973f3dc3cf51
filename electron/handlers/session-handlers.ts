import type { DomainService } from '../app/domain-service';
import type { SessionChannel } from '../app/session-service';
import { thinHandlers } from './thin';
import type { HandlerGroup } from './types';

/** Thin: the dispatcher validated the request (and the lock); the session service does the rest. */
export function createSessionHandlers(
  session: DomainService<SessionChannel>,
): HandlerGroup<SessionChannel> {
  return thinHandlers(session);
}
