import type { historyChannels } from '../../shared/contract/history-channels';
import { ok } from '../../shared/result';
import type { Services } from '../app/services';
import type { DomainService } from '../app/domain-service';

export type HistoryChannel = keyof typeof historyChannels;

/** Only what the history screen uses. */
export type HistoryDeps = Pick<Services, 'paperwork' | 'roster'>;

/**
 * This desk's change history: read from the encrypted store, no drchrono call; the patients'
 * names come from the cached roster.
 */
export function createHistoryService(deps: HistoryDeps): DomainService<HistoryChannel> {
  return {
    'history:list': async (query) => {
      const history = deps.paperwork.history;
      const entries = await history.list(query);
      const ids = [...new Set(entries.map((e) => e.patientId).filter((id) => id !== null))];
      const briefs = deps.roster.briefs(ids);
      return ok({
        entries: entries.map((e) => {
          const brief = e.patientId === null ? undefined : briefs[String(e.patientId)];
          const name = brief ? [brief.first_name, brief.last_name].filter(Boolean).join(' ') : '';
          return { ...e, patientName: name || null };
        }),
        retentionDays: history.retentionDays(),
      });
    },
    'history:settings': async () =>
      Promise.resolve(ok({ retentionDays: deps.paperwork.history.retentionDays() })),
    'history:setRetention': async ({ retentionDays }) =>
      ok({ retentionDays: await deps.paperwork.history.setRetention(retentionDays) }),
  };
}
