import { z } from 'zod';
import { staffProfileNames } from './access';
import { endpointAnswers } from './endpoint-faults';
import type { SandboxControl } from './control';
import type { SandboxData } from './data-views';
import { dataViews } from './data-views';
import { json, readBody } from './http';
import type { SandboxState } from './state';

/**
 * The control surface over HTTP, for tests that drive the sandbox from another process (e2e,
 * the CLI). Mounted only with `controlRoutes: true`; never part of the embedded demo.
 *
 *   GET    /__sandbox/state                  switches, counts, today, timezone
 *   GET    /__sandbox/counts                 counters and per-client quota usage
 *   POST   /__sandbox/faults        {...}    set fault switches (partial FaultConfig)
 *   POST   /__sandbox/offline       {offline}
 *   GET    /__sandbox/requests               request log; DELETE clears it
 *   POST   /__sandbox/expire-tokens          expire every access token
 *   POST   /__sandbox/revoke-tokens
 *   POST   /__sandbox/tasks-writable {writable}
 *   POST   /__sandbox/deny-scopes   {scopes: string[]}
 *   POST   /__sandbox/endpoint-faults {path, method?, answer: forbidden|missing|unreadable|not-a-page}
 *   GET    /__sandbox/endpoint-faults; DELETE clears them
 *   POST   /__sandbox/staff-profile {profile: 'front-desk'|'billing-clerk'|'admin', username?}
 *   POST   /__sandbox/since-deletions {reported: boolean}
 *   POST   /__sandbox/redirects     {method, path, location}; DELETE clears them
 *   POST   /__sandbox/redirect-uris {clientId?, uri}
 *   POST   /__sandbox/quota         {hourlyQuota}
 *   POST   /__sandbox/tokens        {clientId?, scope?, username?}  tokens without the browser
 *   POST   /__sandbox/reset         {seed?, today?}
 *   POST   /__sandbox/appointments/:id/touch  {patch?}
 *   POST   /__sandbox/patients/:id/touch      {patch?}
 *   POST   /__sandbox/as-other      {method, path, body?}
 *   GET    /__sandbox/canaries
 *   GET    /__sandbox/data/:collection[/:id]   (appointments, patients, lineItems, ...)
 */

const faultsSchema = z
  .object({
    latencyMs: z.number().min(0),
    latencyJitterMs: z.number().min(0),
    errorRate: z.number().min(0).max(1),
    dropBeforeRate: z.number().min(0).max(1),
    dropAfterRate: z.number().min(0).max(1),
    rateOf429: z.number().min(0).max(1),
    offline: z.boolean(),
    includeOAuth: z.boolean(),
  })
  .partial()
  .strict();

const schemas = {
  offline: z.object({ offline: z.boolean() }),
  tasksWritable: z.object({ writable: z.boolean() }),
  deny: z.object({ scopes: z.array(z.string()) }),
  endpointFault: z.object({
    path: z.string().startsWith('/api/'),
    method: z.string().default('*'),
    answer: z.enum(endpointAnswers),
  }),
  staffProfile: z.object({ profile: z.enum(staffProfileNames), username: z.string().optional() }),
  sinceDeletions: z.object({ reported: z.boolean() }),
  flagsNamed: z.object({ named: z.boolean() }),
  pageLinks: z.object({ origin: z.url().nullable() }),
  authRejected: z.object({ status: z.union([z.literal(401), z.literal(403)]) }),
  redirect: z.object({ method: z.string().default('*'), path: z.string(), location: z.string() }),
  redirectUri: z.object({ clientId: z.string().optional(), uri: z.string() }),
  quota: z.object({ hourlyQuota: z.number().min(0).nullable() }),
  tokens: z.object({
    clientId: z.string().optional(),
    scope: z.string().optional(),
    username: z.string().optional(),
  }),
  reset: z.object({ seed: z.number().int().optional(), today: z.iso.date().optional() }),
  touch: z.object({ patch: z.record(z.string(), z.unknown()).optional() }),
  asOther: z.object({ method: z.string(), path: z.string(), body: z.unknown().optional() }),
};

export async function handleControl(
  control: SandboxControl,
  state: SandboxState,
  request: Request,
): Promise<Response> {
  const url = new URL(request.url);
  const parts = url.pathname
    .replace(/^\/__sandbox\/?/, '')
    .split('/')
    .filter(Boolean);
  const body = await readBody(request);
  const key = `${request.method} ${parts[0] ?? ''}`;
  try {
    switch (key) {
      case 'GET state':
        return json(200, {
          today: control.today,
          timezone: control.timezone,
          seed: state.seed,
          faults: control.faults(),
          tasksWritable: state.switches.tasksWritable,
          deniedScopes: state.deny,
          endpointFaults: state.endpointFaults,
          redirects: state.redirects,
          counts: control.counts(),
        });
      case 'GET counts':
        return json(200, control.counts());
      case 'POST faults':
        return json(200, control.setFaults(faultsSchema.parse(body.value ?? {})));
      case 'POST offline':
        control.setOffline(schemas.offline.parse(body.value ?? {}).offline);
        return json(200, control.faults());
      case 'GET requests':
        return json(200, control.requests());
      case 'DELETE requests':
        control.clearRequests();
        return json(200, { ok: true });
      case 'POST expire-tokens':
        return json(200, { expired: control.expireAccessTokens() });
      case 'POST revoke-tokens':
        control.revokeAllTokens();
        return json(200, { ok: true });
      case 'POST tasks-writable':
        control.setTasksWritable(schemas.tasksWritable.parse(body.value ?? {}).writable);
        return json(200, { ok: true });
      case 'POST deny-scopes':
        control.denyScopes(schemas.deny.parse(body.value ?? {}).scopes);
        return json(200, { ok: true });
      case 'POST endpoint-faults':
        return json(200, control.setEndpointFault(schemas.endpointFault.parse(body.value ?? {})));
      case 'GET endpoint-faults':
        return json(200, control.endpointFaults());
      case 'DELETE endpoint-faults':
        control.clearEndpointFaults();
        return json(200, { ok: true });
      case 'POST staff-profile': {
        const r = schemas.staffProfile.parse(body.value ?? {});
        return json(200, control.setStaffProfile(r.profile, r.username));
      }
      case 'POST since-deletions':
        control.setSinceReportsDeletions(schemas.sinceDeletions.parse(body.value ?? {}).reported);
        return json(200, { ok: true });
      case 'POST auth-rejected-status':
        control.setAuthRejectedStatus(schemas.authRejected.parse(body.value ?? {}).status);
        return json(200, { ok: true });
      case 'POST page-link-origin':
        control.setPageLinkOrigin(schemas.pageLinks.parse(body.value ?? {}).origin);
        return json(200, { ok: true });
      case 'POST patient-flags-named':
        control.setPatientFlagsNamed(schemas.flagsNamed.parse(body.value ?? {}).named);
        return json(200, { ok: true });
      case 'POST redirects': {
        const r = schemas.redirect.parse(body.value ?? {});
        control.addRedirect(r.method, r.path, r.location);
        return json(200, { ok: true });
      }
      case 'DELETE redirects':
        control.clearRedirects();
        return json(200, { ok: true });
      case 'POST redirect-uris': {
        const r = schemas.redirectUri.parse(body.value ?? {});
        control.registerRedirectUri(r.clientId ?? state.options.clients[0]?.clientId ?? '', r.uri);
        return json(200, { ok: true });
      }
      case 'POST quota': {
        const q = schemas.quota.parse(body.value ?? {});
        control.setHourlyQuota(q.hourlyQuota ?? Infinity);
        return json(200, { ok: true });
      }
      case 'POST tokens':
        return json(200, control.issueTokens(schemas.tokens.parse(body.value ?? {})));
      case 'POST reset':
        control.reset(schemas.reset.parse(body.value ?? {}));
        return json(200, { ok: true, today: control.today });
      case 'POST appointments':
      case 'POST patients': {
        const { patch } = schemas.touch.parse(body.value ?? {});
        if (parts[2] !== 'touch' || !parts[1]) break;
        return json(
          200,
          parts[0] === 'appointments'
            ? control.touchAppointment(parts[1], patch)
            : control.touchPatient(Number(parts[1]), patch),
        );
      }
      case 'POST as-other': {
        const r = schemas.asOther.parse(body.value ?? {});
        return json(200, await control.asOtherWorkstation(r.method, r.path, r.body));
      }
      case 'GET canaries':
        return json(200, control.canaries());
      case 'GET data': {
        const views: SandboxData = dataViews(state);
        const view = views[(parts[1] ?? '') as keyof SandboxData] as
          SandboxData[keyof SandboxData] | undefined;
        if (!view) break;
        if (parts[2] === undefined) return json(200, view.list());
        const found = view.get(parts[2]);
        return found ? json(200, found) : json(404, { detail: 'Not found.' });
      }
    }
  } catch (err) {
    if (err instanceof z.ZodError)
      return json(400, { detail: 'Bad control request.', issues: err.issues });
    const message = err instanceof Error ? err.message : String(err);
    return json(400, { detail: message });
  }
  return json(404, { detail: `No control route ${request.method} ${url.pathname}.` });
}
