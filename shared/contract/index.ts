import type { z } from 'zod';
import type { Result } from '../result';
import { calendarChannels } from './calendar-channels';
import { collectedChannels } from './collected-channels';
import { capabilitiesChannels } from './capabilities';
import type { ChannelDef } from './define';
import { diagnosticsChannels } from './diagnostics-channels';
import { documentsChannels } from './documents-channels';
import { historyChannels } from './history-channels';
import type { EventName, events } from './events';
import { paperworkChannels } from './paperwork-channels';
import { recordsChannels } from './records-channels';
import { recoveryChannels } from './recovery-channels';
import { sessionChannels } from './session-channels';
import { syncChannels } from './sync-channels';

export * from './models';
export * from './paperwork-channels';
export { documentViewSchema, uploadChunkChars, type DocumentView } from './documents-channels';
export { collectedSummarySchema, type CollectedSummary } from './collected-channels';
export {
  historyEntryViewSchema,
  historyRetentionChoices,
  type HistoryEntryView,
  type HistoryListEntry,
} from './history-channels';
export * from './capabilities';
export { events, eventNames, type EventName } from './events';

/**
 * The one contract between the renderer and main. Every channel is `domain:verb`; the preload, the
 * browser host's HTTP routes, the handler table and the renderer's bridge are all derived from it.
 */
export const contract = {
  ...sessionChannels,
  ...calendarChannels,
  ...recordsChannels,
  ...syncChannels,
  ...diagnosticsChannels,
  ...paperworkChannels,
  ...recoveryChannels,
  ...documentsChannels,
  ...historyChannels,
  ...collectedChannels,
  ...capabilitiesChannels,
} as const satisfies Record<`${string}:${string}`, ChannelDef>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const channelNames = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What the renderer sends (before parsing: defaults and transforms not applied). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What a handler receives (after parsing). */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;
export type ReplyOf<C extends Channel> = Result<ResponseOf<C>>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C, D extends string> = C extends `${D}:${infer V}` ? V : never;
export type Domain = DomainOf<Channel>;

/**
 * The API the preload exposes as `window.frontdesk` (and the browser host's bridge imitates):
 * `frontdesk.appointments.update({...})` → `Promise<Result<...>>`, plus `on(event, callback)`.
 */
export type FrontdeskApi = {
  [D in Domain]: {
    [V in VerbOf<Channel, D>]: (
      request: RequestOf<`${D}:${V}` & Channel>,
    ) => Promise<ReplyOf<`${D}:${V}` & Channel>>;
  };
} & {
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
};

/** Splits `domain:verb`. */
export function splitChannel(name: Channel): { domain: Domain; verb: string } {
  const [domain, verb] = name.split(':') as [Domain, string];
  return { domain, verb };
}
