import { describe, expect, it } from 'vitest';
import { endpointAccess } from './access';
import { demoClient } from './options';
import { apiRoutes } from './routes';
import { call, testRedirect, testSandbox } from './testing';

const denied = { detail: 'You do not have permission to perform this action.' };
const today = '2025-03-12';

/** Every endpoint the desk reads, with the answer a full-scope admin gets. */
const reads = {
  users: '/api/users',
  userGroups: '/api/user_groups',
  profiles: '/api/appointment_profiles',
  templates: '/api/appointment_templates',
  customDemographics: '/api/custom_demographics',
  flagTypes: '/api/patient_flag_types',
  allergies: '/api/allergies?patient=7000001',
  lineItems: '/api/line_items?patient=7000001',
  payments: '/api/patient_payments?patient=7000001',
  appointments: `/api/appointments?date=${today}`,
  patients: '/api/patients?page_size=1',
  tasks: '/api/tasks',
  doctors: '/api/doctors',
  offices: '/api/offices',
} as const;
type Read = keyof typeof reads;

/** Trades an authorization code for tokens, as the app's token endpoint call does. */
async function exchange(
  sb: ReturnType<typeof testSandbox>['sb'],
  location: string | null,
): Promise<{ access_token: string; scope: string }> {
  const code = new URL(location ?? '').searchParams.get('code') ?? '';
  const tokens = await call(sb, 'POST', '/o/token/', {
    form: {
      grant_type: 'authorization_code',
      code,
      redirect_uri: testRedirect,
      client_id: demoClient.clientId,
      client_secret: demoClient.clientSecret,
    },
  });
  return tokens.body as { access_token: string; scope: string };
}

async function statuses(
  sb: ReturnType<typeof testSandbox>['sb'],
  token: string,
): Promise<Record<Read, number>> {
  const out: Partial<Record<Read, number>> = {};
  for (const [name, path] of Object.entries(reads) as [Read, string][])
    out[name] = (await call(sb, 'GET', path, { token })).status;
  return out as Record<Read, number>;
}

describe('scopes', () => {
  it('has a rule from the reference for every route', () => {
    for (const r of apiRoutes)
      expect(endpointAccess[r.pattern.split('/').slice(0, 3).join('/')]).toBeDefined();
  });

  it('needs every listed scope, read for GET and write otherwise, on the token', async () => {
    const { sb } = testSandbox();
    const token = (scope: string) => sb.control.issueTokens({ scope }).access_token;
    const calendarOnly = token('calendar:read');
    const refused = await call(sb, 'GET', `/api/appointments?date=${today}`, {
      token: calendarOnly,
    });
    expect(refused).toMatchObject({ status: 403, body: denied });
    const both = token('calendar:read clinical:read');
    expect((await call(sb, 'GET', `/api/appointments?date=${today}`, { token: both })).status).toBe(
      200,
    );
    const write = await call(sb, 'PATCH', '/api/appointments/80000001', {
      token: both,
      json: { notes: 'x' },
    });
    expect(write).toMatchObject({ status: 403, body: denied });
    // Users and user groups need no scope at all.
    expect((await call(sb, 'GET', '/api/users', { token: calendarOnly })).status).toBe(200);
    expect((await call(sb, 'GET', '/api/user_groups', { token: calendarOnly })).status).toBe(200);
    expect(sb.control.counts().forbidden403).toBe(2);
  });

  it('asks billing:patient-payment, not billing, for patient payments', async () => {
    const { sb } = testSandbox();
    const billing = sb.control.issueTokens({ scope: 'billing:read billing:write' }).access_token;
    expect((await call(sb, 'GET', reads.payments, { token: billing })).status).toBe(403);
    expect((await call(sb, 'GET', reads.lineItems, { token: billing })).status).toBe(200);
    const payments = sb.control.issueTokens({ scope: 'billing:patient-payment:read' });
    expect((await call(sb, 'GET', reads.payments, { token: payments.access_token })).status).toBe(
      200,
    );
  });

  it('grants what the authorize request asked for, says so, and refuses unknown scopes', async () => {
    const { sb } = testSandbox();
    const authorize = (scope: string) =>
      call(sb, 'POST', '/o/authorize/', {
        form: {
          response_type: 'code',
          client_id: demoClient.clientId,
          redirect_uri: testRedirect,
          scope,
          state: 'x',
          action: 'authorize',
        },
      });
    const unknown = await authorize('calendar:read everything:write');
    const refusedUrl = new URL(unknown.headers.get('location') ?? '');
    expect(refusedUrl.searchParams.get('error')).toBe('invalid_scope');
    const granted = await authorize('user:read tasks:read');
    const body = await exchange(sb, granted.headers.get('location'));
    expect(body.scope).toBe('user:read tasks:read');
    expect((await call(sb, 'GET', '/api/tasks', { token: body.access_token })).status).toBe(200);
    expect((await call(sb, 'GET', '/api/patients', { token: body.access_token })).status).toBe(403);
  });
});

describe('staff permission profiles', () => {
  it('keeps the default user admin-like: everything answers', async () => {
    const { sb } = testSandbox();
    const all = await statuses(sb, sb.control.issueTokens().access_token);
    expect(Object.values(all).every((s) => s === 200)).toBe(true);
  });

  it("refuses what a front desk lacks, on tokens already issued, with DRF's 403 body", async () => {
    const { sb } = testSandbox();
    const token = sb.control.issueTokens().access_token;
    const changed = sb.control.setStaffProfile('front-desk');
    expect(changed).toMatchObject({ username: 'frontdesk', profile: 'front-desk' });
    expect(await statuses(sb, token)).toEqual({
      users: 403,
      userGroups: 403,
      profiles: 403,
      templates: 403,
      customDemographics: 403,
      flagTypes: 403,
      allergies: 403,
      lineItems: 403,
      payments: 403,
      appointments: 200,
      patients: 200,
      tasks: 200,
      doctors: 200,
      offices: 200,
    });
    expect((await call(sb, 'GET', '/api/user_groups', { token })).body).toEqual(denied);
    // Its own user record stays readable: sign-in needs /api/users/current.
    const current = await call(sb, 'GET', '/api/users/current', { token });
    const own = await call(sb, 'GET', current.headers.get('location') ?? '', { token });
    expect(own).toMatchObject({ status: 200, body: { username: 'frontdesk' } });
    expect((await call(sb, 'GET', '/api/users/420001', { token })).status).toBe(403);
    sb.control.setStaffProfile('admin');
    expect((await call(sb, 'GET', '/api/users', { token })).status).toBe(200);
  });

  it('gives a billing clerk billing and payments but no clinical data or settings', async () => {
    const { sb } = testSandbox();
    const token = sb.control.issueTokens({ username: 'billing' }).access_token;
    const seen = await statuses(sb, token);
    expect(seen).toMatchObject({
      lineItems: 200,
      payments: 200,
      appointments: 200,
      allergies: 403,
      profiles: 403,
      users: 403,
    });
  });

  it('switches over HTTP by username, and the seed has a user per profile', async () => {
    const { sb } = testSandbox({ controlRoutes: true });
    const reception = sb.control.issueTokens({ username: 'reception' }).access_token;
    expect((await call(sb, 'GET', reads.profiles, { token: reception })).status).toBe(403);
    const r = await call(sb, 'POST', '/__sandbox/staff-profile', {
      json: { profile: 'admin', username: 'reception' },
    });
    expect(r).toMatchObject({ status: 200, body: { username: 'reception', profile: 'admin' } });
    expect((await call(sb, 'GET', reads.profiles, { token: reception })).status).toBe(200);
    const bad = await call(sb, 'POST', '/__sandbox/staff-profile', { json: { profile: 'boss' } });
    expect(bad.status).toBe(400);
  });

  it('lets the consent page choose the staff user who signs in', async () => {
    const { sb } = testSandbox();
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: demoClient.clientId,
      redirect_uri: testRedirect,
      scope: 'user:read',
    });
    const page = await call(sb, 'GET', `/o/authorize/?${query.toString()}`);
    expect(page.text).toContain('<label for="username">Sign in as</label>');
    expect(page.text).toMatch(/<option value="frontdesk" selected>/);
    expect(page.text).toContain('Rosa Alvarez (reception, front-desk)');
    const decided = await call(sb, 'POST', '/o/authorize/', {
      form: { ...Object.fromEntries(query), action: 'authorize', username: 'reception' },
    });
    const token = (await exchange(sb, decided.headers.get('location'))).access_token;
    const current = await call(sb, 'GET', '/api/users/current', { token });
    const me = await call(sb, 'GET', current.headers.get('location') ?? '', { token });
    expect(me.body).toMatchObject({ username: 'reception' });
    // setStaffProfile without a username changes whoever signed in last.
    expect(sb.control.setStaffProfile('billing-clerk').username).toBe('reception');
  });
});
