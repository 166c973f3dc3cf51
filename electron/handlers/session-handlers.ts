import type { sessionChannels } from '../../shared/contract/session-channels';
import type { HandlerGroup } from './types';

export function createSessionHandlers(): Partial<HandlerGroup<keyof typeof sessionChannels>> {
  return {};
}
