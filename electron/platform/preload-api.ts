import type { IpcRenderer } from 'electron';
import { channelNames, eventNames, splitChannel } from '../../shared/contract';

/**
 * The object the preload exposes as `window.frontdesk`, derived from the contract and nothing
 * else: `frontdesk.<domain>.<verb>(request)` invokes the channel; `frontdesk.on(event, callback)`
 * subscribes to one of the contract's events and hands the callback the payload only (never the
 * IPC event, which would give the page `sender` and with it ipcRenderer).
 */
export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createPreloadApi(ipc: PreloadIpc): Record<string, unknown> {
  const api: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const name of channelNames) {
    const { domain, verb } = splitChannel(name);
    api[domain] ??= {};
    api[domain][verb] = (request?: unknown) => ipc.invoke(name, request);
  }
  const events = new Set<string>(eventNames);
  const on = (event: string, callback: (payload: unknown) => void): (() => void) => {
    if (!events.has(event) || typeof callback !== 'function') {
      throw new TypeError('Unknown event.');
    }
    const listener = (_event: unknown, payload: unknown): void => {
      callback(payload);
    };
    ipc.on(event, listener);
    return () => {
      ipc.removeListener(event, listener);
    };
  };
  const frozen: Record<string, unknown> = { on };
  for (const [domain, verbs] of Object.entries(api)) frozen[domain] = Object.freeze(verbs);
  return Object.freeze(frozen);
}

export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

export function exposeFrontdesk(bridge: ContextBridgeLike, ipc: PreloadIpc): void {
  bridge.exposeInMainWorld('frontdesk', createPreloadApi(ipc));
}
