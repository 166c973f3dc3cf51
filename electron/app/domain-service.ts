import type { Channel, ParsedRequestOf, ReplyOf } from '../../shared/contract';

/**
 * A domain service's side of a group of channels: the parsed request in, the reply out, nothing
 * else (it was given the services it uses when it was made). It lives here, beside the service
 * interfaces, so services never import from handlers/. It is a handler group as it stands.
 */
export type DomainService<K extends Channel> = {
  [C in K]: (request: ParsedRequestOf<C>) => Promise<ReplyOf<C>>;
};
