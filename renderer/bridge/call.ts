import type { Channel, FrontdeskApi, ReplyOf, RequestOf } from '../../shared/contract';
import { splitChannel } from '../../shared/contract';

/** Calls a channel by name (for generic hooks); components usually call `api.domain.verb()`. */
export function call<C extends Channel>(
  api: FrontdeskApi,
  channel: C,
  request: RequestOf<C>,
): Promise<ReplyOf<C>> {
  const { domain, verb } = splitChannel(channel);
  const group = (
    api as unknown as Record<string, Record<string, (r: unknown) => Promise<unknown>>>
  )[domain];
  const fn = group?.[verb];
  if (!fn) {
    return Promise.resolve({
      ok: false,
      error: { code: 'unknown_channel', message: `No such channel: ${channel}` },
    } as ReplyOf<C>);
  }
  return fn(request) as Promise<ReplyOf<C>>;
}
