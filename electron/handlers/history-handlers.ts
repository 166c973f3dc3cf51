import type { historyChannels } from '../../shared/contract/history-channels';
import { ok } from '../../shared/result';
import type { HandlerGroup } from './types';

/** This desk's change history (issue 12 item 7): read from the encrypted store, no drchrono call. */
export function createHistoryHandlers(): HandlerGroup<keyof typeof historyChannels> {
  return {
    'history:list': async (query, s) => {
      const history = s.paperwork.history;
      const entries = await history.list(query);
      const ids = [...new Set(entries.map((e) => e.patientId).filter((id) => id !== null))];
      const briefs = s.roster.briefs(ids);
      return ok({
        entries: entries.map((e) => {
          const brief = e.patientId === null ? undefined : briefs[String(e.patientId)];
          const name = brief ? [brief.first_name, brief.last_name].filter(Boolean).join(' ') : '';
          return { ...e, patientName: name || null };
        }),
        retentionDays: history.retentionDays(),
      });
    },
    'history:settings': async (_request, s) =>
      Promise.resolve(ok({ retentionDays: s.paperwork.history.retentionDays() })),
    'history:setRetention': async ({ retentionDays }, s) =>
      ok({ retentionDays: await s.paperwork.history.setRetention(retentionDays) }),
  };
}
