import type { FrontdeskApi } from '../../shared/contract';
import { channelNames, splitChannel } from '../../shared/contract';
import type { Transport } from './transport';

/**
 * Builds `frontdesk.<domain>.<verb>(request)` from the contract's channel list, over any transport.
 * The preload builds the same shape in Electron; tests build it over a fake transport.
 */
export function createApi(transport: Transport): FrontdeskApi {
  const api: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const name of channelNames) {
    const { domain, verb } = splitChannel(name);
    api[domain] ??= {};
    api[domain][verb] = (request: unknown) => transport.invoke(name, request as never);
  }
  return Object.freeze({
    ...api,
    on: transport.subscribe.bind(transport),
  }) as unknown as FrontdeskApi;
}
