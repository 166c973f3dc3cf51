import { ok } from '../../shared/result';
import type { syncChannels } from '../../shared/contract/sync-channels';
import type { Services } from '../app/services';
import type { HandlerGroup } from './types';

/**
 * Sync and outbox channels, over the sync engine and the outbox: the status bar reads
 * `sync:status` (and listens to the pushed event), the outbox panel lists and settles entries.
 */
export function createSyncHandlers({
  sync,
  edits,
}: Pick<Services, 'sync' | 'edits'>): HandlerGroup<keyof typeof syncChannels> {
  return {
    'sync:status': () => Promise.resolve(ok(sync.status())),
    'sync:now': async () => ok(await sync.syncNow()),
    'outbox:list': () =>
      Promise.resolve(ok({ entries: edits.entries(), problem: edits.problem?.() ?? null })),
    'outbox:resolve': async (request) => {
      const resolved = await edits.resolve(request.id, request.action, request.move);
      return resolved.ok ? ok({ entries: resolved.value }) : resolved;
    },
  };
}
