import { describe, expect, it } from 'vitest';
import { call, demoToken, testSandbox } from './testing';

const today = '2025-03-12';
type Page<T> = { results: T[]; next: string | null };
type Check = {
  patient: number;
  appointment: number | null;
  eligibility: string;
  payer_name: string;
  query_date: string;
  coverage_details?: unknown;
};

describe('eligibility checks', () => {
  it('lists the checks of a day’s appointments (appointment_date), read-only', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const listed = await call(sb, 'GET', `/api/eligibility_checks?appointment_date=${today}`, {
      token,
    });
    expect(listed.status).toBe(200);
    const checks = (listed.body as Page<Check>).results;
    expect(checks.length).toBeGreaterThan(3);
    const day = await call(sb, 'GET', `/api/appointments?date=${today}`, { token });
    const ids = new Set((day.body as Page<{ id: string }>).results.map((a) => Number(a.id)));
    for (const c of checks) {
      expect(ids.has(c.appointment ?? -1)).toBe(true);
      expect(c.query_date.slice(0, 10) < today).toBe(true);
      // Verbose-only.
      expect(c).not.toHaveProperty('coverage_details');
    }
    const verdicts = new Set(checks.map((c) => c.eligibility));
    expect(verdicts.has('1 - Active Coverage')).toBe(true);

    const one = checks[0];
    const byPatient = await call(
      sb,
      'GET',
      `/api/eligibility_checks?patient=${String(one?.patient)}`,
      {
        token,
      },
    );
    expect((byPatient.body as Page<Check>).results.every((c) => c.patient === one?.patient)).toBe(
      true,
    );
    const range = await call(
      sb,
      'GET',
      `/api/eligibility_checks?appointment_date_range=${today}/${today}&verbose=true`,
      { token },
    );
    expect((range.body as Page<Check>).results.length).toBe(checks.length);
    expect((range.body as Page<Check>).results[0]).toHaveProperty('coverage_details');

    expect((await call(sb, 'POST', '/api/eligibility_checks', { token, json: {} })).status).toBe(
      405,
    );
  });

  it('needs calendar and patients scopes, and Access Scheduling and Manage Patients', async () => {
    const { sb } = testSandbox();
    const path = `/api/eligibility_checks?appointment_date=${today}`;
    const calendarOnly = sb.control.issueTokens({ scope: 'calendar:read' }).access_token;
    expect((await call(sb, 'GET', path, { token: calendarOnly })).status).toBe(403);
    const both = sb.control.issueTokens({ scope: 'calendar:read patients:read' }).access_token;
    expect((await call(sb, 'GET', path, { token: both })).status).toBe(200);
    sb.control.setStaffProfile('front-desk');
    const desk = sb.control.issueTokens().access_token;
    expect((await call(sb, 'GET', path, { token: desk })).status).toBe(200);
  });
});

describe('reminder profiles', () => {
  it('lists, creates with validation and deletes, as the reference lists them', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const listed = (await call(sb, 'GET', '/api/reminder_profiles', { token })).body as Page<{
      id: number;
      doctor: number;
      reminders: unknown[];
    }>;
    expect(listed.results.length).toBeGreaterThanOrEqual(2);
    const doctor = listed.results[0]?.doctor ?? 0;
    const bad = await call(sb, 'POST', '/api/reminder_profiles', {
      token,
      json: { doctor, name: 'x', reminders: [{ amount: 1, type: 'pigeon', unit: 'days' }] },
    });
    expect(bad.status).toBe(400);
    const made = await call(sb, 'POST', '/api/reminder_profiles', {
      token,
      json: {
        doctor,
        name: 'Two hours before',
        reminders: [{ amount: 2, type: 'sms', unit: 'hours' }],
      },
    });
    expect(made.status).toBe(201);
    const id = (made.body as { id: number }).id;
    expect(
      (await call(sb, 'DELETE', `/api/reminder_profiles/${String(id)}`, { token })).status,
    ).toBe(204);
    expect((await call(sb, 'GET', `/api/reminder_profiles/${String(id)}`, { token })).status).toBe(
      404,
    );
  });
});
