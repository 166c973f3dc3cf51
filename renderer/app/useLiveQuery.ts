import { useState } from 'react';
import type { EventPayload } from '../../shared/contract';
import type { AppError } from '../../shared/result';
import { useEvent, useQuery } from '../bridge';

interface LivePairs {
  'auth:status': 'auth:changed';
  'lock:status': 'lock:changed';
  'sync:status': 'sync:status';
}
type LiveChannel = keyof LivePairs;

/**
 * A status read once and then kept current by its push event: the answer to `auth:status` until
 * the next `auth:changed`, and so on. A newer answer to the query wins over an older push.
 */
export function useLiveQuery<C extends LiveChannel>(
  channel: C,
  event: LivePairs[C],
): {
  value: EventPayload<LivePairs[C]> | null;
  reload: () => void;
  failed: boolean;
  error: AppError | undefined;
} {
  // Every live channel takes the empty request.
  const query = useQuery(channel, {} as never);
  const [pushed, setPushed] = useState<{ value: unknown; answer: unknown } | null>(null);
  useEvent(event, (payload) => {
    setPushed({ value: payload, answer: query.data });
  });
  const current = pushed && pushed.answer === query.data ? pushed.value : query.data;
  const value = (current ?? null) as EventPayload<LivePairs[C]> | null;
  return {
    value,
    reload: query.reload,
    failed: query.error !== undefined && value === null,
    error: value === null ? query.error : undefined,
  };
}
