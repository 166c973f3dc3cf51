import type { HistoryChannel } from '../history/history-service';
import { thinHandlers } from './thin';
import type { DomainService, HandlerGroup } from './types';

/** Thin: the dispatcher validated the request; the history service does the rest. */
export function createHistoryHandlers(
  history: DomainService<HistoryChannel>,
): HandlerGroup<HistoryChannel> {
  return thinHandlers(history);
}
