import type { Channel, EventName, EventPayload, ReplyOf, RequestOf } from '../../shared/contract';

/** How calls reach main: Electron's preload, or the browser host's HTTP routes. */
export interface Transport {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ReplyOf<C>>;
  subscribe<E extends EventName>(
    event: E,
    callback: (payload: EventPayload<E>) => void,
  ): () => void;
}
