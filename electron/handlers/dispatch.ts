import { contract, isChannel, type Channel } from '../../shared/contract';
import { err, type Result } from '../../shared/result';
import { guardPayload } from './payload-guard';
import type { HandlerTable } from './types';

/** A handler seen from the gate: its request has been checked against its own channel's schema. */
type CheckedHandler = (request: unknown) => Promise<Result<unknown>>;

/**
 * The single gate every call from the renderer passes, in the desktop app (ipcMain) and in the
 * browser host (POST /ipc/<channel>) alike, in this order:
 *
 *   known channel → trusted sender → plain, bounded data → strict schema → lock → handler
 *
 * A call refused at any step never reaches a handler. Handlers return errors as values; one that
 * throws anyway is answered `internal` without its message, which may hold a stack or patient data.
 */

export interface Sender {
  /**
   * Decided by the transport: in Electron, the sender frame is the main frame of our window at the
   * app origin; in the browser host, Origin and Host are the host's own.
   */
  trusted: boolean;
}

/** What the dispatcher reports for the log: never the payload, never an error message. */
export interface DispatchIncident {
  channel: string;
  kind: 'refused' | 'threw' | 'bad_response';
  detail: string;
}

export interface DispatcherOptions {
  handlers: Partial<HandlerTable>;
  isLocked: () => boolean;
  /** Also check each answer against the contract's response schema (on by default). */
  checkResponses?: boolean;
  onIncident?: (incident: DispatchIncident) => void;
}

export type Dispatch = (
  channel: unknown,
  payload: unknown,
  sender: Sender,
) => Promise<Result<unknown>>;

export function createDispatcher(options: DispatcherOptions): Dispatch {
  const { handlers, isLocked, checkResponses = true, onIncident } = options;
  const report = (incident: DispatchIncident): void => onIncident?.(incident);

  return async function dispatch(channelName, payload, sender) {
    if (typeof channelName !== 'string' || !isChannel(channelName)) {
      report({ channel: String(channelName).slice(0, 60), kind: 'refused', detail: 'unknown' });
      return err('unknown_channel', 'Unknown request.');
    }
    const channel: Channel = channelName;
    if (!sender.trusted) {
      report({ channel, kind: 'refused', detail: 'sender' });
      return err('forbidden_sender', 'This request did not come from the app.');
    }
    // Channels without a request body may be called with nothing at all.
    const input = payload === undefined ? {} : payload;
    const guard = guardPayload(input);
    if (!guard.ok) {
      report({ channel, kind: 'refused', detail: guard.reason });
      return err('invalid_input', `The request was refused: ${guard.reason}.`);
    }
    const def = contract[channel];
    const parsed = def.request.safeParse(input);
    if (!parsed.success) {
      report({ channel, kind: 'refused', detail: 'schema' });
      return err('invalid_input', 'Some values are not valid.', {
        fields: fieldMessages(parsed.error.issues),
      });
    }
    if (isLocked() && def.whileLocked !== true) {
      return err('locked', 'Frontdesk is locked. Unlock it to continue.');
    }
    const handler = handlers[channel] as CheckedHandler | undefined;
    if (!handler) return err('internal', 'This part of Frontdesk is not available yet.');

    let reply: Result<unknown>;
    try {
      reply = await handler(parsed.data);
    } catch (error: unknown) {
      const kind = errorName(error);
      report({ channel, kind: 'threw', detail: kind });
      return err(
        'internal',
        `Frontdesk hit an error of its own while working on ${domainWords(channel)}; drchrono did not refuse anything. Try again.`,
        { detail: `${channel}: ${kind}` },
      );
    }
    if (checkResponses && reply.ok) {
      const checked = def.response.safeParse(reply.value);
      if (!checked.success) {
        report({
          channel,
          kind: 'bad_response',
          detail: checked.error.issues.map((i) => i.path.join('.') || '(root)').join(', '),
        });
        return err(
          'internal',
          `Frontdesk produced an answer about ${domainWords(channel)} it could not check.`,
          { detail: `${channel}: answer did not fit the contract` },
        );
      }
    }
    return reply;
  };
}

/** Field path → first message, for messages next to inputs. Messages are the schema's, never input. */
function fieldMessages(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

function errorName(error: unknown): string {
  // Only a class-like name goes on: a thrown string or an odd name may carry data.
  return error instanceof Error && /^\w{1,40}$/.test(error.name) ? error.name : typeof error;
}

/** Domains whose name is not already the desk's word for them. */
const domainNames: Record<string, string> = {
  app: 'the app itself',
  auth: 'sign-in',
  lock: 'the lock',
  prefs: 'settings',
  data: 'the stored data',
  print: 'printing',
  sync: 'syncing with drchrono',
  capabilities: 'what this account may do',
  schedule: 'finding an opening',
  profiles: 'appointment profiles',
  templates: 'appointment templates',
};

/** The channel's domain as the desk says it: `patients:update` → "patients". */
function domainWords(channel: Channel): string {
  const domain = channel.slice(0, channel.indexOf(':'));
  return domainNames[domain] ?? domain;
}
