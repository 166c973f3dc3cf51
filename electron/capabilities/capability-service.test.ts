import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../shared/contract';
import { VirtualClock } from '../../shared/time/clock';
import { frontdeskScope } from '../auth/scopes';
import type { CallRecord } from '../drchrono/observer';
import type { Method } from '../drchrono/types';
import { createCapabilityService } from './capability-service';

const call = (method: Method, path: string, status: number): CallRecord => ({
  method,
  path,
  status,
  outcome: status < 300 ? 'ok' : 'http',
  durationMs: 10,
  retries: 0,
});

function row(table: Capabilities, feature: string) {
  const found = table.features.find((f) => f.feature === feature);
  if (!found) throw new Error(`no ${feature}`);
  return found;
}

describe('capability service', () => {
  it('learns from answers: a success is yes, a 403 is no with the permission still unproven', () => {
    const clock = new VirtualClock(1_000);
    const caps = createCapabilityService({ clock, requestedScope: frontdeskScope });
    const heard: Capabilities[] = [];
    caps.onChange((t) => heard.push(t));
    expect(row(caps.get(), 'billing').read.state).toBe('unknown');

    caps.call(call('GET', '/api/appointments?…', 200));
    caps.call(call('GET', '/api/line_items?…', 403));
    caps.call(call('PATCH', '/api/appointments/:id', 204));
    const table = caps.get();
    expect(row(table, 'calendar')).toMatchObject({
      read: { state: 'yes' },
      write: { state: 'yes' },
      checkedAt: 1_000,
    });
    expect(row(table, 'billing').read).toEqual({
      state: 'no',
      why: 'permission',
      reason: 'it lacks the “Access Billing” and “Show Billing Tab” permissions',
    });
    expect(row(table, 'billing').write?.state).toBe('unknown');
    expect(heard).toHaveLength(3);

    // A 500 or a dropped connection says nothing about permissions.
    caps.call({ ...call('GET', '/api/patients', 500), outcome: 'http' });
    expect(heard).toHaveLength(3);
  });

  it('turns a feature thought allowed to no when a 403 arrives, and back when it answers again', () => {
    const caps = createCapabilityService({
      clock: new VirtualClock(0),
      requestedScope: frontdeskScope,
    });
    const heard: Capabilities[] = [];
    caps.onChange((t) => heard.push(t));
    caps.call(call('GET', '/api/allergies?…', 200));
    expect(row(caps.get(), 'clinical').read.state).toBe('yes');
    caps.call(call('GET', '/api/medications?…', 403));
    expect(row(caps.get(), 'clinical').read.state).toBe('no');
    caps.call(call('GET', '/api/medications?…', 200));
    expect(row(caps.get(), 'clinical').read.state).toBe('yes');
    expect(heard.map((t) => row(t, 'clinical').read.state)).toEqual(['yes', 'no', 'yes']);
  });

  it('says scope when the token lacks it, before any call, and starts afresh at a sign-in', () => {
    const caps = createCapabilityService({
      clock: new VirtualClock(0),
      requestedScope: frontdeskScope,
    });
    caps.call(call('GET', '/api/line_items?…', 403));
    const granted = frontdeskScope
      .split(' ')
      .filter((s) => !s.startsWith('billing:patient-payment'))
      .join(' ');
    caps.call({
      ...call('POST', '/o/token/', 200),
      oauth: { grant: 'authorization_code', scope: granted },
    });
    const table = caps.get();
    expect(table.scopes).not.toContain('billing:patient-payment:read');
    // Forgotten: another sign-in may be another account.
    expect(row(table, 'billing').read.state).toBe('unknown');
    expect(row(table, 'payments').read).toEqual({
      state: 'no',
      why: 'scope',
      reason: 'sign-in did not grant the billing:patient-payment:read scope',
    });
    expect(
      caps.explain({
        kind: 'http',
        status: 403,
        body: null,
        message: '',
        call: { method: 'POST', path: '/api/patient_payments' },
      }),
    ).toEqual({
      why: 'scope',
      reason: 'sign-in did not grant the billing:patient-payment:write scope',
    });
  });

  it('names only the permissions not yet proven granted', () => {
    const caps = createCapabilityService({
      clock: new VirtualClock(0),
      requestedScope: frontdeskScope,
    });
    expect(caps.explainResource('appointment_templates', 'GET').reason).toBe(
      'it lacks the “Access Scheduling” and “Settings” permissions',
    );
    caps.call(call('GET', '/api/appointments?…', 200));
    expect(caps.explainResource('appointment_templates', 'GET').reason).toBe(
      'it lacks the “Settings” permission',
    );
    expect(caps.explainResource('users', 'GET').reason).toBe(
      'it lacks the “User Admin” permission',
    );
  });

  it('does not send the practice to a permission another call has proven', () => {
    const caps = createCapabilityService({
      clock: new VirtualClock(0),
      requestedScope: frontdeskScope,
    });
    // Reminder profiles need only "Access Scheduling", which the day's appointments proved.
    caps.call(call('GET', '/api/appointments?…', 200));
    expect(caps.explainResource('reminder_profiles', 'GET').reason).toBe(
      'drchrono refused the request, though the account has the “Access Scheduling” permission the reference asks for',
    );
    expect(caps.refusalNote({ method: 'GET', path: '/api/reminder_profiles' })).toBe(
      'scope granted; permission “Access Scheduling” proven granted; refused anyway',
    );
  });

  it('notes a refused call from the scopes granted: scope missing at sign-in, or a permission', () => {
    const caps = createCapabilityService({
      clock: new VirtualClock(0),
      requestedScope: frontdeskScope,
    });
    caps.call(call('GET', '/api/appointments?…', 200));
    // Every scope asked for was granted: the 403 is a staff permission, the proven one left out.
    expect(caps.refusalNote({ method: 'GET', path: '/api/appointment_profiles' })).toBe(
      'scopes granted; lacks permission “Settings”',
    );
    expect(caps.refusalNote({ method: 'GET', path: '/api/users?…' })).toBe(
      'needs no scope; lacks permission “User Admin”',
    );
    // A token granted without settings:read: the same 403 is the scope's.
    caps.call({
      ...call('POST', '/o/token/', 200),
      oauth: {
        grant: 'refresh_token',
        scope: frontdeskScope
          .split(' ')
          .filter((s) => s !== 'settings:read' && s !== 'calendar:read')
          .join(' '),
      },
    });
    expect(caps.refusalNote({ method: 'GET', path: '/api/appointment_profiles' })).toBe(
      'scopes calendar:read + settings:read not granted at sign-in',
    );
    expect(caps.refusalNote({ method: 'GET', path: '/api/reminder_profiles?…' })).toBe(
      'scope calendar:read not granted at sign-in',
    );
    // The reference says nothing about it: no note, the caller says what it can.
    expect(caps.refusalNote({ method: 'GET', path: '/api/unheard_of' })).toBeUndefined();
  });
});
