import type { Ctx } from './router';
import type { SandboxState } from './state';

/** A GET context for presenting records outside a request (data views, control). */
export function viewCtx(state: SandboxState): Ctx {
  const base = state.options.publicBaseUrl ?? 'http://127.0.0.1';
  const url = new URL(`${base}/__data?verbose=true`);
  const user = state.db.users.all()[0] ?? { id: 0, data: {}, createdMs: 0, updatedMs: 0 };
  return {
    env: state.env,
    method: 'GET',
    url,
    baseUrl: base,
    params: {},
    query: url.searchParams,
    body: { kind: 'none', value: undefined },
    user,
    clientId: 'sandbox-control',
    now: state.options.clock.now(),
  };
}
