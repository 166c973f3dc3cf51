import { handleControl } from './control-routes';
import { createControl, type SandboxControl } from './control';
import { dataViews, type SandboxData } from './data-views';
import type { Db } from './db';
import { resolveOptions, type ResolvedOptions, type SandboxOptions } from './options';
import { dispatch, type Outcome } from './pipeline';
import { SandboxState } from './state';

export interface Sandbox {
  /** Fetch-compatible: pass it as the API client's `fetch` to skip sockets. */
  handle(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Like `handle`, but reports dropped connections as an outcome (for the node adapter). */
  dispatch(request: Request): Promise<Outcome>;
  control: SandboxControl;
  data: SandboxData;
  /** The raw tables, for tests that need more than `data`. */
  db: Db;
  options: Readonly<ResolvedOptions>;
}

/** What an in-process fetch sees when the connection drops: what undici's fetch throws. */
function fetchFailed(): TypeError {
  return new TypeError('fetch failed', { cause: new Error('sandbox: connection dropped') });
}

/**
 * The sandbox as a web-standard handler: `createSandbox(options).handle(request)`. Dropped
 * connections reject with `TypeError('fetch failed')`; after a drop-after fault the change has
 * been applied before the rejection, as when a real connection dies on the way back.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const resolved = resolveOptions(options);
  const state = new SandboxState(resolved);
  const control = createControl(state);
  const run = async (request: Request): Promise<Outcome> => {
    if (resolved.controlRoutes && new URL(request.url).pathname.startsWith('/__sandbox/'))
      return { drop: false, response: await handleControl(control, state, request) };
    return dispatch(state, request);
  };
  return {
    dispatch: run,
    handle: async (input, init) => {
      const request = input instanceof Request && !init ? input : new Request(input, init);
      request.signal.throwIfAborted();
      const outcome = await run(request);
      if (outcome.drop) throw fetchFailed();
      return outcome.response;
    },
    control,
    data: dataViews(state),
    db: state.db,
    options: resolved,
  };
}
