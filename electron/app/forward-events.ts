import type { Services } from './services';

/**
 * Forwards what the services announce to the event bus the renderers listen on. The only way a
 * service reaches the screen unasked; returns the unsubscriber for shutdown.
 */
export function forwardEvents(
  services: Pick<Services, 'events' | 'auth' | 'lock' | 'sync' | 'edits'>,
): () => void {
  const { events } = services;
  const stops = [
    services.auth.onChange((status) => {
      events.emit('auth:changed', status);
    }),
    services.lock.onChange((status) => {
      events.emit('lock:changed', status);
    }),
    services.sync.onStatus((status) => {
      events.emit('sync:status', status);
    }),
    services.edits.onChange(() => {
      events.emit('data:changed', { kinds: ['outbox'] });
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
