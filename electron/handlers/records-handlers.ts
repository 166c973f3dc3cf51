import type { recordsChannels } from '../../shared/contract/records-channels';
import type { HandlerGroup } from './types';

export function createRecordsHandlers(): Partial<HandlerGroup<keyof typeof recordsChannels>> {
  return {};
}
