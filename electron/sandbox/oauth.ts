import { grantedScopes, profileOf, unknownScopes } from './access';
import { consentPage, errorPage, type SignInChoice } from './authorize-page';
import type { Db } from './db';
import { html, json, redirect, type ParsedBody } from './http';
import type { OAuthState } from './oauth-state';
import { pkceMatches } from './oauth-state';
import { str } from './model';
import type { Stats } from './stats';

/**
 * `/o/authorize/`, `/o/token/` and `/o/revoke_token/` as drchrono documents them: trailing
 * slashes, form-encoded bodies only, codes that expire in a minute and work once, rotating
 * refresh tokens. PKCE is verified when the authorize request carried a challenge.
 */
export interface OAuthDeps {
  state: OAuthState;
  db: Db;
  stats: Stats;
  /** Username the consent page signs in as unless the person picks another. */
  oauthUser: () => string;
  /** A code was exchanged for tokens: `userId` signed in. */
  onSignIn: (userId: number) => void;
}

const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };
const oauthError = (status: number, error: string, description?: string): Response =>
  json(status, description ? { error, error_description: description } : { error }, noStore);

/** The user who signs in: the one picked on the consent page, else the default. */
function userIdFor(deps: OAuthDeps, picked?: string): number {
  const users = deps.db.users.all();
  const wanted = picked || deps.oauthUser();
  return (
    (
      users.find((u) => u.data.username === wanted) ??
      users.find((u) => u.data.username === deps.oauthUser()) ??
      users.find((u) => u.data.is_staff)
    )?.id ?? 0
  );
}

/** Staff users the consent page offers (doctors sign in to drchrono themselves). */
function signInChoices(deps: OAuthDeps): SignInChoice[] {
  const selected = userIdFor(deps);
  return deps.db.users
    .all()
    .filter((u) => u.data.is_staff === true)
    .map((u) => ({
      username: str(u.data.username),
      name: `${str(u.data.first_name)} ${str(u.data.last_name)}`.trim(),
      profile: profileOf(u.data),
      selected: u.id === selected,
    }));
}

interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  responseType: string;
  scope: string;
  state: string | undefined;
  challenge: string | undefined;
  challengeMethod: string;
}

function readAuthorize(get: (k: string) => string | undefined): AuthorizeRequest {
  return {
    clientId: get('client_id') ?? '',
    redirectUri: get('redirect_uri') ?? '',
    responseType: get('response_type') ?? '',
    scope: get('scope') ?? '',
    state: get('state'),
    challenge: get('code_challenge') || undefined,
    challengeMethod: get('code_challenge_method') || 'plain',
  };
}

/** Appends to the registered URI as is, percent-encoding values (%20, never "+"). */
function back(req: AuthorizeRequest, params: Record<string, string>): Response {
  const all = req.state === undefined ? params : { ...params, state: req.state };
  const query = Object.entries(all)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  const [beforeHash = '', hash] = req.redirectUri.split('#', 2);
  const joiner = beforeHash.includes('?') ? '&' : '?';
  return redirect(`${beforeHash}${joiner}${query}${hash === undefined ? '' : `#${hash}`}`);
}

/** Checks shared by the page and the decision; an error page (never a redirect) when untrusted. */
function vet(deps: OAuthDeps, req: AuthorizeRequest): Response | undefined {
  const client = deps.state.clients.get(req.clientId);
  if (!client)
    return html(
      400,
      errorPage('Unknown application', 'No application is registered with this client_id.'),
    );
  if (!client.redirectUris.includes(req.redirectUri))
    return html(
      400,
      errorPage(
        'Mismatching redirect URI',
        'The redirect_uri is not one of the URIs registered for this application (they are compared exactly).',
      ),
    );
  if (req.responseType !== 'code') return back(req, { error: 'unsupported_response_type' });
  const unknown = unknownScopes(req.scope);
  if (unknown.length > 0)
    return back(req, {
      error: 'invalid_scope',
      error_description: `Unknown scope: ${unknown.join(' ')}.`,
    });
  if (req.challenge && req.challengeMethod !== 'S256' && req.challengeMethod !== 'plain')
    return back(req, {
      error: 'invalid_request',
      error_description: 'Unsupported code_challenge_method.',
    });
  return undefined;
}

export function authorizePage(deps: OAuthDeps, url: URL): Response {
  const req = readAuthorize((k) => url.searchParams.get(k) ?? undefined);
  const refused = vet(deps, req);
  if (refused) return refused;
  const client = deps.state.clients.get(req.clientId);
  const user = deps.db.users.get(userIdFor(deps));
  const fields: Record<string, string> = {
    client_id: req.clientId,
    redirect_uri: req.redirectUri,
    response_type: req.responseType,
    scope: req.scope,
  };
  if (req.state !== undefined) fields.state = req.state;
  if (req.challenge) {
    fields.code_challenge = req.challenge;
    fields.code_challenge_method = req.challengeMethod;
  }
  return html(
    200,
    consentPage({
      appName: client?.name ?? req.clientId,
      practiceName: deps.db.practiceGroup.name,
      username: str(user?.data.username) || 'unknown',
      scope: req.scope,
      users: signInChoices(deps),
      fields,
    }),
    { 'cache-control': 'no-store', 'x-frame-options': 'DENY' },
  );
}

export function authorizeDecision(deps: OAuthDeps, body: ParsedBody, now: number): Response {
  const form = body.kind === 'form' ? (body.value as Record<string, string>) : {};
  const req = readAuthorize((k) => form[k]);
  const refused = vet(deps, req);
  if (refused) return refused;
  if (form.action !== 'authorize') return back(req, { error: 'access_denied' });
  const code = deps.state.issueCode(
    {
      clientId: req.clientId,
      redirectUri: req.redirectUri,
      scope: grantedScopes(req.scope).join(' '),
      userId: userIdFor(deps, form.username),
      ...(req.challenge
        ? {
            challenge: {
              value: req.challenge,
              method: req.challengeMethod === 'S256' ? 'S256' : 'plain',
            },
          }
        : {}),
    },
    now,
  );
  return back(req, { code });
}

function clientCredentials(request: Request, form: Record<string, string>): [string, string] {
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i > 0)
      return [decodeURIComponent(decoded.slice(0, i)), decodeURIComponent(decoded.slice(i + 1))];
  }
  return [form.client_id ?? '', form.client_secret ?? ''];
}

function formBody(body: ParsedBody): Record<string, string> | Response {
  if (body.kind === 'form') return body.value as Record<string, string>;
  if (body.kind === 'json' || body.kind === 'invalid')
    return oauthError(400, 'invalid_request', 'Send application/x-www-form-urlencoded, not JSON.');
  return {};
}

export function token(deps: OAuthDeps, request: Request, body: ParsedBody, now: number): Response {
  deps.stats.tokenRequests++;
  const form = formBody(body);
  if (form instanceof Response) return form;
  const grant = form.grant_type ?? '';
  if (grant !== 'authorization_code' && grant !== 'refresh_token')
    return oauthError(400, grant ? 'unsupported_grant_type' : 'invalid_request');
  const [clientId, clientSecret] = clientCredentials(request, form);
  const client = deps.state.authenticateClient(clientId, clientSecret);
  if (!client) return oauthError(401, 'invalid_client');
  const fail = (error = 'invalid_grant', description?: string) => {
    deps.stats.failedGrants++;
    return oauthError(400, error, description);
  };

  if (grant === 'refresh_token') {
    if (!form.refresh_token) return fail('invalid_request', 'refresh_token is required.');
    const tokens = deps.state.rotate(form.refresh_token, client.clientId, now);
    if (!tokens) return fail();
    deps.stats.refreshes++;
    return json(200, tokens, noStore);
  }
  if (!form.code) return fail('invalid_request', 'code is required.');
  const code = deps.state.takeCode(form.code, now);
  if (!code || code.clientId !== client.clientId) return fail();
  if (form.redirect_uri !== code.redirectUri)
    return fail('invalid_grant', 'Mismatching redirect URI.');
  if (code.challenge) {
    if (!form.code_verifier) return fail('invalid_grant', 'Code verifier required.');
    if (!pkceMatches(form.code_verifier, code.challenge))
      return fail('invalid_grant', 'Code verifier does not match.');
  }
  deps.stats.codeExchanges++;
  deps.onSignIn(code.userId);
  return json(200, deps.state.issueTokens(client.clientId, code.userId, code.scope, now), noStore);
}

export function revokeToken(deps: OAuthDeps, request: Request, body: ParsedBody): Response {
  const form = formBody(body);
  if (form instanceof Response) return form;
  const [clientId, clientSecret] = clientCredentials(request, form);
  const client = deps.state.authenticateClient(clientId, clientSecret);
  if (!client) return oauthError(401, 'invalid_client');
  if (!form.token) return oauthError(400, 'invalid_request', 'token is required.');
  deps.state.revoke(form.token, client.clientId);
  deps.stats.revocations++;
  return new Response(null, { status: 200 });
}
