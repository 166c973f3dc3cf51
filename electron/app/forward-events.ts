import type { Services } from './services';

/**
 * Forwards what the session services announce to the event bus the renderers listen on. (The
 * sync services emit `sync:status` and `data:changed` on the bus themselves.) Returns the
 * unsubscriber for shutdown.
 */
export function forwardEvents(services: Pick<Services, 'events' | 'auth' | 'lock'>): () => void {
  const { events } = services;
  const stops = [
    services.auth.onChange((status) => {
      events.emit('auth:changed', status);
    }),
    services.lock.onChange((status) => {
      events.emit('lock:changed', status);
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
