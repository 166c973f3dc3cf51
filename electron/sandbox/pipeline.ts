import { missingPermissions, neededScopes, permissionDenied, permissionsOf } from './access';
import { endpointFaultResponse, findEndpointFault } from './endpoint-faults';
import { faultResponse } from './faults';
import { mediaPrefix, serveMedia } from './media';
import { ApiError, html, json, queryObject, readBody, redirect, type ParsedBody } from './http';
import type { Doc } from './model';
import { authorizeDecision, authorizePage, revokeToken, token, type OAuthDeps } from './oauth';
import { throttledBody } from './quota';
import { asMethod, handlerFor, match, normalizePath, type Ctx } from './router';
import { apiRoutes } from './routes';
import type { SandboxState } from './state';
import type { FaultKind } from './stats';

/**
 * One request through the sandbox: transport faults, latency, OAuth or API (authentication,
 * quota, permissions, redirects, routing), then the answer or a dropped connection. Transport
 * failures are an outcome, not a response: the in-process `handle` turns them into a rejected
 * fetch and the node adapter into a destroyed socket.
 */
export type Outcome = { drop: false; response: Response } | { drop: true };

const oauthPaths = new Set(['/o/token/', '/o/revoke_token/']);

export function oauthDeps(state: SandboxState): OAuthDeps {
  return {
    state: state.oauth,
    db: state.db,
    stats: state.stats,
    oauthUser: () => state.options.oauthUser,
    onSignIn: (userId) => {
      state.lastSignIn = userId;
    },
  };
}

function baseUrlOf(state: SandboxState, url: URL): string {
  return state.options.publicBaseUrl ?? url.origin;
}

export async function dispatch(state: SandboxState, request: Request): Promise<Outcome> {
  const { clock } = state.options;
  const url = new URL(request.url);
  const path = url.pathname;
  const arrived = clock.now();
  const body = await readBody(request);
  state.stats.requests++;
  const entry = {
    time: arrived,
    method: request.method,
    path,
    query: queryObject(url.searchParams),
    body: body.value,
    clientId: null as string | null,
  };
  // OAuth calls name their client in the form; API calls get it from the token below.
  if (body.kind === 'form' && path.startsWith('/o/'))
    entry.clientId = (body.value as Record<string, string>).client_id ?? null;
  const finish = (status: number, fault: FaultKind | null): void => {
    state.log.add({ ...entry, status, fault });
    if (fault) state.stats.faults[fault]++;
    if (status)
      state.stats.statuses[String(status)] = (state.stats.statuses[String(status)] ?? 0) + 1;
  };

  if (state.faults.config.offline) {
    finish(0, 'offline');
    return { drop: true };
  }
  const applies =
    path.startsWith('/api/') || (state.faults.config.includeOAuth && oauthPaths.has(path));
  const decision = state.faults.decide(applies);
  if (decision.latencyMs > 0) await clock.sleep(decision.latencyMs, request.signal);
  if (decision.kind === 'drop-before') {
    finish(0, 'drop-before');
    return { drop: true };
  }
  if (decision.kind === 'error') {
    finish(decision.errorStatus, 'error');
    return { drop: false, response: faultResponse(decision.errorStatus) };
  }
  if (decision.kind === 'spurious-429') {
    finish(429, 'spurious-429');
    return { drop: false, response: json(429, throttledBody(decision.retrySeconds)) };
  }

  let response: Response;
  try {
    response = await route(state, request, url, body, (clientId) => (entry.clientId = clientId));
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    response = json(err.status, err.body, err.headers);
  }
  if (decision.kind === 'drop-after') {
    finish(response.status, 'drop-after');
    return { drop: true };
  }
  finish(response.status, null);
  return { drop: false, response };
}

async function route(
  state: SandboxState,
  request: Request,
  url: URL,
  body: ParsedBody,
  setClient: (clientId: string) => void,
): Promise<Response> {
  const path = url.pathname;
  const now = state.options.clock.now();
  const deps = oauthDeps(state);
  if (path === '/o/authorize/') {
    if (request.method === 'GET') return authorizePage(deps, url);
    if (request.method === 'POST') return authorizeDecision(deps, body, now);
    throw new ApiError(405, { detail: `Method "${request.method}" not allowed.` });
  }
  if (path === '/o/authorize')
    return redirect(`${baseUrlOf(state, url)}/o/authorize/${url.search}`, 301);
  if (oauthPaths.has(path)) {
    if (request.method !== 'POST')
      throw new ApiError(405, { detail: `Method "${request.method}" not allowed.` });
    return path === '/o/token/'
      ? token(deps, request, body, now)
      : revokeToken(deps, request, body);
  }
  if (!path.startsWith('/api/')) {
    if (path.startsWith(mediaPrefix) && request.method === 'GET')
      return serveMedia(state.db, url, now);
    if (path === '/' || path === '')
      return html(200, '<!doctype html><title>drchrono sandbox</title><h1>drchrono sandbox</h1>');
    throw new ApiError(404, { detail: 'Not found.' });
  }

  const auth = state.oauth.authenticate(request.headers.get('authorization'), now);
  if (!auth.ok) {
    state.stats.unauthorized++;
    // The REST framework answers 403 instead when its first authenticator names no scheme.
    if (state.switches.authRejectedStatus === 403) throw new ApiError(403, { detail: auth.detail });
    throw new ApiError(401, { detail: auth.detail }, { 'www-authenticate': 'Bearer realm="api"' });
  }
  const clientId = auth.token.clientId;
  setClient(clientId);
  state.stats.apiCalls++;
  const taken = state.quota.take(clientId, now);
  if (!taken.ok) {
    state.stats.throttled++;
    return json(429, throttledBody(taken.retrySeconds));
  }
  const normalized = normalizePath(path);
  const rule = state.redirects.find(
    (r) =>
      (r.method === '*' || r.method === request.method) && normalizePath(r.path) === normalized,
  );
  if (rule) return redirect(rule.location);
  const endpointFault = findEndpointFault(state.endpointFaults, request.method, path);
  if (endpointFault) return endpointFaultResponse(endpointFault.answer);
  return runApi(state, request, url, body, {
    userId: auth.token.userId,
    clientId,
    scopes: new Set(auth.token.scope.split(' ')),
    now,
  });
}

/** Who is calling: the token's user, client and scopes (`all` for the control surface). */
export interface Caller {
  userId: number;
  clientId: string;
  scopes: ReadonlySet<string> | 'all';
  now: number;
}

/**
 * Routing, the scope and permission checks (DRF runs them before it looks for the method's
 * handler, so a refused caller gets 403 even for a method the endpoint lacks) and the handler.
 * Permissions are read from the user's record on every request: a changed staff profile applies
 * to tokens already issued.
 */
export async function runApi(
  state: SandboxState,
  request: Request,
  url: URL,
  body: ParsedBody,
  caller: Caller,
): Promise<Response> {
  const { userId, clientId, now } = caller;
  const found = match(apiRoutes, url.pathname);
  if (!found) throw new ApiError(404, { detail: 'Not found.' });
  const { access } = found.route;
  const denied =
    access.scopes.some((s) => state.deny.includes(s)) ||
    state.deny.some(
      (d) => d.startsWith('/') && normalizePath(url.pathname).startsWith(normalizePath(d)),
    );
  if (denied) throw new ApiError(403, permissionDenied);
  const method = asMethod(request.method);
  const user = state.db.users.get(userId);
  if (!method || !user)
    throw new ApiError(405, { detail: `Method "${request.method}" not allowed.` });
  const { scopes } = caller;
  if (scopes !== 'all' && neededScopes(access, method).some((s) => !scopes.has(s))) {
    state.stats.forbidden++;
    throw new ApiError(403, permissionDenied);
  }
  const own =
    found.route.pattern === '/api/users/current' ||
    (found.route.pattern === '/api/users/:id' && found.params.id === String(user.id));
  if (missingPermissions(access, method, permissionsOf(user.data), own).length > 0) {
    state.stats.forbidden++;
    throw new ApiError(403, permissionDenied);
  }
  const handler = handlerFor(found.route, request.method);
  const ctx: Ctx = {
    env: state.env,
    method,
    url,
    baseUrl: baseUrlOf(state, url),
    params: found.params,
    query: url.searchParams,
    body,
    user: user satisfies Doc,
    clientId,
    now,
  };
  return handler(ctx);
}
