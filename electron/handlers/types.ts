import type { Channel, ParsedRequestOf, ReplyOf } from '../../shared/contract';

/**
 * A handler is a plain function of a validated payload: the dispatcher has already checked the
 * channel, the sender, the schema and the lock. Errors are returned, not thrown. It was given the
 * services it uses when its group was made, and nothing else.
 */
export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<ReplyOf<C>>;

/** Handlers by channel: the same shape as a domain service, which is therefore one. */
export type HandlerGroup<K extends Channel> = DomainService<K>;

export type HandlerTable = HandlerGroup<Channel>;

import type { DomainService } from '../app/domain-service';

export type { DomainService };
