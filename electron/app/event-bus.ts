import type { EventName, EventPayload } from '../../shared/contract';
import type { EventBus } from './services';

type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Pushes from main to every connected renderer (the Electron window, the browser host's SSE
 * streams). A listener that throws does not stop the others from hearing the event.
 */
export function createEventBus(
  options: { onListenerError?: (error: unknown) => void } = {},
): EventBus {
  const listeners = new Set<Listener>();
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) {
        try {
          listener(event, payload);
        } catch (error) {
          options.onListenerError?.(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
