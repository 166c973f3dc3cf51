import { ok } from '../../shared/result';
import type { syncChannels } from '../../shared/contract/sync-channels';
import type { HandlerGroup } from './types';

/**
 * Sync and outbox channels. Everything they need is on `Services` (`sync`, `edits`), so the group
 * takes no arguments: the status bar reads `sync:status` (and listens to the pushed event), the
 * outbox panel lists and settles entries.
 */
export function createSyncHandlers(): HandlerGroup<keyof typeof syncChannels> {
  return {
    'sync:status': (_request, s) => Promise.resolve(ok(s.sync.status())),
    'sync:now': async (_request, s) => ok(await s.sync.syncNow()),
    'outbox:list': (_request, s) =>
      Promise.resolve(ok({ entries: s.edits.entries(), problem: s.edits.problem?.() ?? null })),
    'outbox:resolve': async (request, s) => {
      const resolved = await s.edits.resolve(request.id, request.action, request.move);
      return resolved.ok ? ok({ entries: resolved.value }) : resolved;
    },
  };
}
