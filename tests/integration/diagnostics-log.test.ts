import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VirtualClock } from '../../shared/time/clock';
import { refreshTokens, revokeToken } from '../../electron/auth/token-endpoint';
import { createCapabilityService, type CapabilityService } from '../../electron/capabilities';
import { frontdeskScope } from '../../electron/auth/scopes';
import { createConsoleSummary, fanOut, openDiagnosticLog } from '../../electron/diagnostics';
import {
  createCallBudget,
  createDrchronoClient,
  failureToAppError,
  type ApiResult,
} from '../../electron/drchrono';
import type { CallRecord } from '../../electron/drchrono/observer';
import { createJsonFileStore } from '../../electron/store';
import { drive } from './client-helpers';

/**
 * The diagnostic log, fed by the real client's observer: every call with its template, status,
 * duration and retries; schema failures with path and JSON type; nothing of what was asked for or
 * answered. Values a patient could be identified by are put in paths, queries, bodies and answers,
 * then looked for in the log file.
 */
const base = 'http://127.0.0.1:5998';
const token = 'ACCESS-TOKEN-a8Fq2Lx9';
const secrets = [
  token,
  'Quispe',
  'Marisol',
  '1955-04-02',
  '845-555-0199',
  'REFRESH-TOKEN-z1',
  'CLIENT-SECRET-y2',
  'CODE-x3',
];
type Answer = { status: number; body?: unknown; throws?: string };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'frontdesk-diaglog-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function rig(
  routes: Record<string, Answer[] | Answer>,
  dataDir: string,
  extra: { capabilities?: CapabilityService } = {},
) {
  const clock = new VirtualClock(Date.UTC(2026, 11, 6, 15, 30, 0));
  const served = new Map<string, number>();
  const fetch = async (request: Request): Promise<Response> => {
    await clock.sleep(40);
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname}`;
    const list = routes[key] ?? { status: 404, body: { detail: 'Not found.' } };
    const n = served.get(key) ?? 0;
    served.set(key, n + 1);
    const answer = Array.isArray(list) ? (list[Math.min(n, list.length - 1)] as Answer) : list;
    if (answer.throws) {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: answer.throws } });
    }
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
    });
  };
  const log = openDiagnosticLog(dataDir, clock);
  const printed: string[] = [];
  const observer = fanOut(
    {
      call: () => {
        throw new Error('a broken observer must not break calls');
      },
      schemaMismatch: () => {
        throw new Error('nor lists');
      },
    },
    log,
    createConsoleSummary((line) => printed.push(line)),
    extra.capabilities,
  );
  const client = createDrchronoClient({
    baseUrl: base,
    fetch,
    tokens: {
      accessToken: () => Promise.resolve(token),
      refreshAfterRejection: () => Promise.resolve(null),
    },
    budget: createCallBudget({
      store: createJsonFileStore(join(dataDir, 'budget.json')),
      clock,
      hourlyQuota: 5000,
      share: 1,
    }),
    clock,
    random: () => 0.5,
    observer,
    ...(extra.capabilities
      ? { explainRefusal: extra.capabilities.refusalNote.bind(extra.capabilities) }
      : {}),
  });
  return { clock, client, log, printed, fetch, observer };
}

const patient = z.looseObject({ id: z.int(), first_name: z.string(), date_of_birth: z.string() });

async function logText(dataDir: string): Promise<string> {
  return readFile(join(dataDir, 'diagnostics', 'drchrono.log'), 'utf8');
}

describe('the diagnostic log', () => {
  it('writes each call as method, template, status, duration and retries, and no value', async () => {
    const dataDir = join(dir, 'calls');
    const { clock, client, log, printed } = rig(
      {
        'GET /api/patients': {
          status: 200,
          body: {
            next: null,
            results: [
              { id: 1, first_name: 'Marisol', date_of_birth: '1955-04-02' },
              { id: 2, first_name: 'Quispe', date_of_birth: 19550402 },
              { id: 3, first_name: null, date_of_birth: '1955-04-02' },
            ],
          },
        },
        'PATCH /api/patients/4411': {
          status: 400,
          body: { cell_phone: ['“845-555-0199” is not a valid phone for Marisol Quispe.'] },
        },
        'GET /api/patient_payments': {
          status: 403,
          body: { detail: 'You do not have permission to perform this action.' },
        },
        'GET /api/appointments': [
          { status: 502, body: 'Bad gateway' },
          { status: 200, body: { next: null, results: [] } },
        ],
        'GET /api/offices': { status: 200, throws: 'ECONNREFUSED' },
        'GET /api/users': { status: 200, body: '<html>Forbidden</html>' },
        'GET /api/patients/Quispe': { status: 404, body: { detail: 'Not found.' } },
      },
      dataDir,
    );
    const run = <T>(work: Promise<ApiResult<T>>) => drive(clock, work);

    const listed = await run(
      client.list('/api/patients', patient, { last_name: 'Quispe', date_of_birth: '1955-04-02' }),
    );
    expect(listed).toMatchObject({ ok: true, value: { skipped: 2 } });
    const patched = await run(
      client.patch('/api/patients/4411', { cell_phone: '845-555-0199', first_name: 'Marisol' }),
    );
    const refused = await run(client.list('/api/patient_payments', z.unknown(), { patient: 4411 }));
    const retried = await run(
      client.list('/api/appointments', z.unknown(), { date: '2026-12-06' }),
    );
    const unreachable = await run(client.list('/api/offices', z.unknown()));
    const notAPage = await run(client.list('/api/users', z.unknown()));
    const byName = await run(client.get('/api/patients/Quispe', patient));
    expect(retried.ok).toBe(true);

    const lines = (await logText(dataDir)).trimEnd().split('\n');
    const calls = lines.filter((l) => / call /.test(l));
    expect(calls).toHaveLength(7);
    expect(lines[0]).toMatch(
      /^2026-12-06T15:30:00\.\d{3}Z call GET \/api\/patients\?… → 200 ok \d+ms retries=0$/,
    );
    expect(calls).toContainEqual(
      expect.stringMatching(/call PATCH \/api\/patients\/:id → 400 http \d+ms retries=0$/),
    );
    expect(calls).toContainEqual(
      expect.stringMatching(
        /call GET \/api\/patient_payments\?… → 403 http \d+ms retries=0 needs=billing:patient-payment:read$/,
      ),
    );
    expect(calls).toContainEqual(
      expect.stringMatching(/call GET \/api\/appointments\?… → 200 ok \d+ms retries=1$/),
    );
    expect(calls).toContainEqual(
      expect.stringMatching(
        /call GET \/api\/offices → - network \d+ms retries=2 transport=ECONNREFUSED$/,
      ),
    );
    expect(calls).toContainEqual(expect.stringMatching(/call GET \/api\/patients\/:value → 404/));
    // Two records of the list broke the schema, each named by where and what type, once.
    expect(lines).toContainEqual(
      expect.stringMatching(
        /schema GET \/api\/patients\?… results\[\]\.date_of_birth expected=string seen=number$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /schema GET \/api\/patients\?… results\[\]\.first_name expected=string seen=null$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /schema GET \/api\/users \(the whole answer\) expected=object seen=string$/,
      ),
    );

    const text = lines.join('\n');
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect((await stat(join(dataDir, 'diagnostics', 'drchrono.log'))).mode & 0o777).toBe(0o600);

    // The errors the desk sees carry the same call in their Details line.
    const details = [patched, refused, unreachable, notAPage, byName].map((r) =>
      r.ok ? null : failureToAppError(r.failure).detail,
    );
    expect(details).toEqual([
      'PATCH /api/patients/:id → 400 · fields cell_phone',
      'GET /api/patient_payments?… → 403 · needs scope billing:patient-payment:read · permissions “Access Billing”, “Show Billing Tab” and “Access Patients Payments”',
      'GET /api/offices · no answer (ECONNREFUSED)',
      'GET /api/users · answer did not fit: (the whole answer) expected object, found string',
      'GET /api/patients/:value → 404',
    ]);
    for (const detail of details)
      for (const secret of secrets) expect(detail).not.toContain(secret);

    // The report's summary of failures, and the browser host's console lines.
    expect(
      log.failures().map((f) => `${f.method} ${f.path} ${f.outcome} ×${String(f.count)}`),
    ).toEqual([
      'GET /api/patients/:value 404 ×1',
      'GET /api/users schema ×1',
      'GET /api/offices network ×1',
      'GET /api/patient_payments?… 403 ×1',
      'PATCH /api/patients/:id 400 ×1',
      'GET /api/patients?… schema ×2',
    ]);
    expect(printed).toContainEqual(
      expect.stringMatching(
        /^drchrono GET \/api\/patient_payments\?… → 403 \(needs scope billing:patient-payment:read\) \d+ ms$/,
      ),
    );
    expect(printed).toContainEqual(
      expect.stringMatching(
        /^drchrono GET \/api\/offices → no answer \(ECONNREFUSED\) \d+ ms, 2 retries$/,
      ),
    );
    for (const secret of secrets) expect(printed.join('\n')).not.toContain(secret);
  });

  it('says scope or permission for a 403 from the scopes the token was granted', async () => {
    const dataDir = join(dir, 'refusals');
    const clock0 = new VirtualClock(0);
    const capabilities = createCapabilityService({ clock: clock0, requestedScope: frontdeskScope });
    const refused = {
      status: 403,
      body: { detail: 'You do not have permission to perform this action.' },
    };
    const { clock, client, printed } = rig(
      {
        'GET /api/appointments': { status: 200, body: { next: null, results: [] } },
        'GET /api/appointment_templates': refused,
        'GET /api/patient_payments': refused,
      },
      dataDir,
      { capabilities },
    );
    const run = <T>(work: Promise<ApiResult<T>>) => drive(clock, work);
    const detailOf = (r: ApiResult<unknown>) => (r.ok ? null : failureToAppError(r.failure).detail);

    await run(client.list('/api/appointments', z.unknown(), { date: '2026-12-06' }));
    const templates = await run(client.list('/api/appointment_templates', z.unknown()));
    // The token came back without the payments scope (the account's admin unticked it).
    capabilities.call({
      method: 'POST',
      path: '/o/token/',
      status: 200,
      outcome: 'ok',
      durationMs: 1,
      retries: 0,
      oauth: {
        grant: 'refresh_token',
        scope: frontdeskScope.replace(/billing:patient-payment:\w+ ?/g, ''),
      },
    });
    const payments = await run(
      client.list('/api/patient_payments', z.unknown(), { patient: 4411 }),
    );

    expect([detailOf(templates), detailOf(payments)]).toEqual([
      'GET /api/appointment_templates → 403 · scopes granted; lacks permission “Settings”',
      'GET /api/patient_payments?… → 403 · scope billing:patient-payment:read not granted at sign-in',
    ]);
    expect(printed).toEqual([
      expect.stringMatching(
        /^drchrono GET \/api\/appointment_templates → 403 \(scopes granted; lacks permission “Settings”\) \d+ ms$/,
      ),
      expect.stringMatching(
        /^drchrono GET \/api\/patient_payments\?… → 403 \(scope billing:patient-payment:read not granted at sign-in\) \d+ ms$/,
      ),
    ]);
  });

  it('writes a recurring schema problem once per window, with how often it came back', async () => {
    const dataDir = join(dir, 'repeats');
    const { clock, client } = rig(
      {
        'GET /api/patients': {
          status: 200,
          body: {
            next: null,
            results: Array.from({ length: 50 }, (_, i) => ({
              id: i,
              first_name: 'A',
              date_of_birth: null,
            })),
          },
        },
      },
      dataDir,
    );
    await drive(clock, client.list('/api/patients', patient));
    await drive(clock, client.list('/api/patients', patient));
    await clock.advance(11 * 60_000);
    await drive(clock, client.list('/api/patients', patient));
    const schema = (await logText(dataDir)).split('\n').filter((l) => l.includes(' schema '));
    expect(schema).toHaveLength(2);
    expect(schema[0]).not.toContain('repeats=');
    expect(schema[1]).toMatch(/repeats=99$/);
  });

  it('logs the OAuth calls with their grant, status and scopes, never a token, code or secret', async () => {
    const dataDir = join(dir, 'oauth');
    const clock = new VirtualClock(Date.UTC(2026, 11, 6, 15, 30, 0));
    const log = openDiagnosticLog(dataDir, clock);
    const answers: Answer[] = [
      {
        status: 200,
        body: {
          access_token: 'ACCESS-TOKEN-a8Fq2Lx9',
          refresh_token: 'REFRESH-TOKEN-z1',
          expires_in: 172800,
          scope: 'user:read calendar:read',
        },
      },
      { status: 400, body: { error: 'invalid_grant' } },
      { status: 200, body: { access_token: 'ACCESS-TOKEN-a8Fq2Lx9', refresh_token: 5 } },
      { status: 200, throws: 'ENOTFOUND' },
      { status: 200 },
    ];
    const fetch = (): Promise<Response> => {
      const answer = answers.shift()!;
      if (answer.throws) return Promise.reject(new TypeError('fetch failed'));
      return Promise.resolve(
        new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
          status: answer.status,
        }),
      );
    };
    const deps = {
      fetch,
      clock,
      baseUrl: base,
      clientId: 'frontdesk',
      clientSecret: 'CLIENT-SECRET-y2',
      timeoutMs: 30_000,
      observer: log,
    };
    for (let i = 0; i < 4; i++) await drive(clock, refreshTokens(deps, 'REFRESH-TOKEN-z1'));
    await drive(clock, revokeToken(deps, 'ACCESS-TOKEN-a8Fq2Lx9'));
    const lines = (await logText(dataDir)).trimEnd().split('\n');
    expect(lines.map((l) => l.replace(/^\S+ /, '').replace(/\d+ms/, 'Nms'))).toEqual([
      'call POST /o/token/ → 200 ok Nms retries=0 grant=refresh_token scope="user:read calendar:read"',
      'call POST /o/token/ → 400 http Nms retries=0 grant=refresh_token error=invalid_grant',
      'call POST /o/token/ → 200 ok Nms retries=0 grant=refresh_token',
      'schema POST /o/token/ refresh_token expected=string seen=number',
      'schema POST /o/token/ expires_in expected=number seen=missing',
      'call POST /o/token/ → - network Nms retries=0 grant=refresh_token',
      'call POST /o/revoke_token/ → 200 ok Nms retries=0 grant=revoke',
    ]);
    for (const secret of secrets) expect(lines.join('\n')).not.toContain(secret);
  });

  it('formats what it is given defensively: a raw path or odd words never reach the file', async () => {
    const dataDir = join(dir, 'defensive');
    const clock = new VirtualClock(Date.UTC(2026, 11, 6, 15, 30, 0));
    const log = openDiagnosticLog(dataDir, clock);
    const odd: CallRecord = {
      method: 'GET',
      path: '/api/patients/Quispe?first_name=Marisol',
      status: 403,
      outcome: 'http',
      durationMs: 12.4,
      retries: 0,
      transport: 'Marisol Quispe 1955-04-02',
      oauth: {
        grant: 'refresh_token',
        error: 'Marisol Quispe',
        scope: 'user:read Marisol<script>',
      },
    };
    log.call(odd);
    log.schemaMismatch({
      method: 'GET',
      path: '/api/patients/1955-04-02',
      schemaPath: 'results[].Marisol Quispe "1955-04-02"',
      expected: 'string, but "Quispe"',
      seen: 'string',
    });
    const text = await logText(dataDir);
    expect(text).toContain('call GET /api/patients/:value?… → 403 http 12ms retries=0');
    expect(text).toContain('scope="user:read"');
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
