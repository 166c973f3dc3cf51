import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../drchrono/observer';
import { createConsoleSummary } from './console-summary';

const call = (over: Partial<CallRecord>): CallRecord => ({
  method: 'GET',
  path: '/api/appointments?…',
  status: 200,
  outcome: 'ok',
  durationMs: 120.4,
  retries: 0,
  ...over,
});

describe('the browser host’s console line per failed call', () => {
  it('prints failures in one line each, and nothing for calls that went well or were cancelled', () => {
    const lines: string[] = [];
    const summary = createConsoleSummary((line) => lines.push(line));
    summary.call(call({}));
    summary.call(call({ status: null, outcome: 'network', transport: 'cancelled' }));
    summary.call(call({ path: '/api/user_groups', status: 403, outcome: 'http' }));
    summary.call(call({ status: 429, outcome: 'rate_limited' }));
    summary.call(call({ status: null, outcome: 'budget' }));
    summary.call(call({ status: null, outcome: 'unauthenticated' }));
    summary.call(call({ status: null, outcome: 'network', transport: 'ECONNREFUSED', retries: 2 }));
    summary.call(
      call({
        method: 'POST',
        path: '/o/token/',
        status: 400,
        outcome: 'http',
        oauth: { grant: 'refresh_token', error: 'invalid_grant' },
      }),
    );
    expect(lines).toEqual([
      'drchrono GET /api/user_groups → 403 (needs no scope: a staff permission is missing) 120 ms',
      'drchrono GET /api/appointments?… → 429 rate_limited 120 ms',
      "drchrono GET /api/appointments?… → not sent (this workstation's hourly share is used) 120 ms",
      'drchrono GET /api/appointments?… → not sent (not signed in) 120 ms',
      'drchrono GET /api/appointments?… → no answer (ECONNREFUSED) 120 ms, 2 retries',
      'drchrono POST /o/token/ → 400 (grant refresh_token, invalid_grant) 120 ms',
    ]);
  });

  it('says scope or permission from what the client noted of the grant, when it did', () => {
    const lines: string[] = [];
    const summary = createConsoleSummary((line) => lines.push(line));
    summary.call(
      call({
        path: '/api/appointment_templates?…',
        status: 403,
        outcome: 'http',
        refusal: 'scopes granted; lacks permission “Settings”',
      }),
    );
    summary.call(
      call({
        path: '/api/patient_payments?…',
        status: 403,
        outcome: 'http',
        refusal: 'scope billing:patient-payment:read not granted at sign-in',
      }),
    );
    expect(lines).toEqual([
      'drchrono GET /api/appointment_templates?… → 403 (scopes granted; lacks permission “Settings”) 120 ms',
      'drchrono GET /api/patient_payments?… → 403 (scope billing:patient-payment:read not granted at sign-in) 120 ms',
    ]);
  });

  it('prints a schema problem once per kind', () => {
    const lines: string[] = [];
    const summary = createConsoleSummary((line) => lines.push(line));
    const mismatch = {
      method: 'GET' as const,
      path: '/api/users?…',
      schemaPath: 'results[].username',
      expected: 'string',
      seen: 'null' as const,
    };
    summary.schemaMismatch(mismatch);
    summary.schemaMismatch(mismatch);
    expect(lines).toEqual([
      'drchrono GET /api/users?…: answer did not fit at results[].username (expected string, found null); further ones not printed',
    ]);
  });
});
