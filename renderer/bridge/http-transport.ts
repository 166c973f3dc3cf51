import type { Channel, EventName, EventPayload, ReplyOf, RequestOf } from '../../shared/contract';
import { eventNames } from '../../shared/contract';
import type { Transport } from './transport';

type Listener = (payload: unknown) => void;

/**
 * The browser host's transport: `POST /ipc/<channel>` answers a Result; `GET /events` streams the
 * contract's events (server-sent events). One EventSource serves every subscriber.
 */
export function createHttpTransport(base = ''): Transport {
  const listeners = new Map<EventName, Set<Listener>>();
  let source: EventSource | null = null;

  function ensureSource(): void {
    if (source) return;
    source = new EventSource(`${base}/events`);
    for (const name of eventNames) {
      source.addEventListener(name, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return;
        }
        listeners.get(name)?.forEach((listener) => {
          listener(payload);
        });
      });
    }
  }

  return {
    async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ReplyOf<C>> {
      try {
        const response = await fetch(`${base}/ipc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
          credentials: 'same-origin',
        });
        return (await response.json()) as ReplyOf<C>;
      } catch {
        return {
          ok: false,
          error: {
            code: 'offline',
            message: 'Frontdesk’s host is not answering. Is it still running?',
          },
        };
      }
    },
    subscribe<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void) {
      ensureSource();
      const set = listeners.get(event) ?? new Set<Listener>();
      const listener: Listener = (payload) => {
        callback(payload as EventPayload<E>);
      };
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
  };
}
