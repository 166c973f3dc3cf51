import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../shared/contract';
import { useFrontdesk } from './useFrontdesk';

/** Subscribes to a push from main for the component's lifetime; the latest callback is always used. */
export function useEvent<E extends EventName>(
  event: E,
  callback: (payload: EventPayload<E>) => void,
): void {
  const api = useFrontdesk();
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(
    () =>
      api.on(event, (payload) => {
        latest.current(payload);
      }),
    [api, event],
  );
}
