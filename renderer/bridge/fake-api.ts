import type {
  Channel,
  EventName,
  EventPayload,
  FrontdeskApi,
  ReplyOf,
  RequestOf,
} from '../../shared/contract';
import { contract } from '../../shared/contract';
import { createApi } from './create-api';
import type { Transport } from './transport';

export type FakeHandlers = {
  [C in Channel]?: (request: RequestOf<C>) => ReplyOf<C> | Promise<ReplyOf<C>>;
};

export interface FakeApi {
  api: FrontdeskApi;
  /** Every call made, in order, with the request as sent. */
  calls: { channel: Channel; request: unknown }[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Replaces or adds handlers mid-test. */
  handle(handlers: FakeHandlers): void;
}

/**
 * A fake main process for component tests. It validates every request against the real contract,
 * so a component that sends a malformed payload fails its test the way it would fail in the app.
 */
export function createFakeApi(initial: FakeHandlers = {}): FakeApi {
  let handlers: FakeHandlers = { ...initial };
  const calls: FakeApi['calls'] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  const transport: Transport = {
    async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ReplyOf<C>> {
      calls.push({ channel, request });
      const parsed = contract[channel].request.safeParse(request);
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: 'invalid_input',
            message: `Fake main refused ${channel}: ${parsed.error.message}`,
          },
        };
      }
      const handler = handlers[channel];
      if (!handler) {
        return {
          ok: false,
          error: { code: 'internal', message: `No fake for ${channel}` },
        };
      }
      return handler(request);
    },
    subscribe(event, callback) {
      const set = listeners.get(event) ?? new Set();
      const listener = (payload: unknown) => {
        callback(payload as never);
      };
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
  };

  return {
    api: createApi(transport),
    calls,
    emit(event, payload) {
      listeners.get(event)?.forEach((listener) => {
        listener(payload);
      });
    },
    handle(more) {
      handlers = { ...handlers, ...more };
    },
  };
}
