import type { syncChannels } from '../../shared/contract/sync-channels';
import type { HandlerGroup } from './types';

export function createSyncHandlers(): Partial<HandlerGroup<keyof typeof syncChannels>> {
  return {};
}
