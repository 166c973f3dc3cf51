import type { historyChannels } from '../../shared/contract/history-channels';
import { ok } from '../../shared/result';
import type { HandlerGroup } from './types';

/** This desk's change history (issue 12 item 7): read from the encrypted store, no drchrono call. */
export function createHistoryHandlers(): HandlerGroup<keyof typeof historyChannels> {
  return {
    'history:list': async (query, s) => {
      const history = s.paperwork.history;
      const entries = await history.list(query);
      return ok({ entries, retentionDays: history.retentionDays() });
    },
    'history:settings': async (_request, s) =>
      Promise.resolve(ok({ retentionDays: s.paperwork.history.retentionDays() })),
    'history:setRetention': async ({ retentionDays }, s) =>
      ok({ retentionDays: await s.paperwork.history.setRetention(retentionDays) }),
  };
}
