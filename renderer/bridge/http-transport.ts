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
  let streamDown = false;
  let lockPoll: ReturnType<typeof setInterval> | null = null;

  function deliver(name: EventName, payload: unknown): void {
    listeners.get(name)?.forEach((listener) => {
      listener(payload);
    });
  }

  /**
   * The lock must not depend on the event stream: whenever the stream drops, comes back, or a
   * call answers `locked`, the lock status is asked for directly and handed to its listeners.
   */
  async function rereadLock(): Promise<void> {
    const reply = await post('lock:status', {});
    if (reply.ok) deliver('lock:changed', reply.value);
  }

  async function post(channel: string, request: unknown): Promise<ReplyOf<Channel>> {
    try {
      const response = await fetch(`${base}/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
        credentials: 'same-origin',
      });
      return (await response.json()) as ReplyOf<Channel>;
    } catch {
      return {
        ok: false,
        error: {
          code: 'offline',
          message: 'Frontdesk’s host is not answering. Is it still running?',
        },
      };
    }
  }

  function ensureSource(): void {
    if (source) return;
    source = new EventSource(`${base}/events`);
    source.addEventListener('open', () => {
      if (lockPoll !== null) clearInterval(lockPoll);
      lockPoll = null;
      if (streamDown) void rereadLock();
      streamDown = false;
    });
    source.addEventListener('error', () => {
      if (streamDown) return;
      streamDown = true;
      void rereadLock();
      // Until the stream is back, a lock made meanwhile is still noticed within seconds.
      lockPoll = setInterval(() => void rereadLock(), 2000);
    });
    for (const name of eventNames) {
      source.addEventListener(name, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return;
        }
        deliver(name, payload);
      });
    }
  }

  return {
    async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ReplyOf<C>> {
      const reply = (await post(channel, request)) as ReplyOf<C>;
      if (!reply.ok && reply.error.code === 'locked' && channel !== 'lock:status') {
        void rereadLock();
      }
      return reply;
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
