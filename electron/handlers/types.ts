import type { Channel, ParsedRequestOf, ReplyOf } from '../../shared/contract';

/**
 * A handler is a plain function of a validated payload: the dispatcher has already checked the
 * channel, the sender, the schema and the lock. Errors are returned, not thrown. It was given the
 * services it uses when its group was made, and nothing else.
 */
export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<ReplyOf<C>>;

export type HandlerGroup<K extends Channel> = { [C in K]: Handler<C> };

export type HandlerTable = HandlerGroup<Channel>;

export type { DomainService } from '../app/domain-service';
