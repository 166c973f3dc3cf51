import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, DataChanged, RequestOf, ResponseOf } from '../../shared/contract';
import type { AppError } from '../../shared/result';
import { call } from './call';
import { useEvent } from './useEvent';
import { useFrontdesk } from './useFrontdesk';

export interface QueryState<T> {
  data: T | undefined;
  error: AppError | undefined;
  /** True until the first answer, and while reloading without data. */
  loading: boolean;
  reload: () => void;
}

/**
 * Reads a channel and keeps the answer current: reloads when the request changes and when main
 * says data of the given kinds changed. A null request means "not yet" (e.g. nothing selected).
 * Answers that arrive out of order are dropped, so a fast click-through never shows an old day.
 */
export function useQuery<C extends Channel>(
  channel: C,
  request: RequestOf<C> | null,
  options: {
    refreshOn?: DataChanged['kinds'];
    /** Narrows `refreshOn`: reload only when this says the change concerns this request. */
    refreshIf?: (change: DataChanged) => boolean;
    /** Keep showing the last answer while a new request loads (no blank between two days). */
    keepPrevious?: boolean;
  } = {},
): QueryState<ResponseOf<C>> {
  const api = useFrontdesk();
  const key = request === null ? null : JSON.stringify(request);
  const [state, setState] = useState<{
    key: string | null;
    data?: ResponseOf<C>;
    error?: AppError;
  }>({
    key: null,
  });
  const generation = useRef(0);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    if (key === null) return;
    const mine = ++generation.current;
    void call(api, channel, JSON.parse(key) as RequestOf<C>).then((reply) => {
      if (mine !== generation.current) return;
      setState((prev) =>
        reply.ok
          ? { key, data: reply.value }
          : { key, data: prev.key === key ? prev.data : undefined, error: reply.error },
      );
    });
  }, [api, channel, key, nonce]);

  const reload = useCallback(() => {
    setNonce((n) => n + 1);
  }, []);

  const { refreshOn, refreshIf } = options;
  useEvent('data:changed', (change) => {
    if (!refreshOn?.some((kind) => change.kinds.includes(kind))) return;
    if (refreshIf && !refreshIf(change)) return;
    reload();
  });

  const current = state.key === key;
  return {
    data: current || options.keepPrevious ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== null && (!current || (state.data === undefined && state.error === undefined)),
    reload,
  };
}
