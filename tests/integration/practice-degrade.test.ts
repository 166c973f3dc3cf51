import { describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/time/clock';
import { addDays } from '../../shared/time/practice-time';
import { createEventBus } from '../../electron/app/event-bus';
import { frontdeskScope } from '../../electron/auth/scopes';
import { createCapabilityService } from '../../electron/capabilities';
import { appointmentSchema } from '../../shared/drchrono';
import { createCallBudget, createDrchronoClient } from '../../electron/drchrono';
import { createSandbox } from '../../electron/sandbox';
import type { EndpointAnswer } from '../../electron/sandbox/endpoint-faults';
import { createMemorySecureStore } from '../../electron/store';
import { createPaperworkService } from '../../electron/paperwork/paperwork-service';
import { PracticeReference } from '../../electron/sync';
import { memoryPlainStore } from '../fault/memory-plain-store';

/**
 * Issue 9 §2: reference data split into required (current user, doctors, offices) and optional
 * lists, against the real client and the sandbox. An optional list refused, missing or unreadable
 * leaves the rest working and says why in one line; records that fail the schema are left out
 * and counted.
 */
const origin = 'http://sandbox.test';

function desk(username = 'drwho') {
  const sandbox = createSandbox({ clock: systemClock, publicBaseUrl: origin });
  const user = sandbox.db.users.all().find((u) => u.data.username === username);
  const token = sandbox.control.issueTokens(user ? { username } : {}).access_token;
  const capabilities = createCapabilityService({
    clock: systemClock,
    requestedScope: frontdeskScope,
  });
  const client = createDrchronoClient({
    baseUrl: origin,
    fetch: (request) => sandbox.handle(request),
    tokens: {
      accessToken: () => Promise.resolve(token),
      refreshAfterRejection: () => Promise.resolve(null),
    },
    budget: createCallBudget({
      store: memoryPlainStore(),
      clock: systemClock,
      hourlyQuota: 100_000,
      share: 1,
    }),
    clock: systemClock,
    observer: capabilities,
  });
  const practice = new PracticeReference({
    client,
    clock: systemClock,
    store: createMemorySecureStore({ clock: systemClock }),
    events: createEventBus(),
    refusal: (resource) => capabilities.explainResource(resource, 'GET').reason,
  });
  // A week from today: the seed's clinic is closed at weekends.
  const week = `${sandbox.control.today}/${addDays(sandbox.control.today, 7)}`;
  const appointments = () =>
    client.list('/api/appointments', appointmentSchema, { date_range: week }, { priority: 'user' });
  return { sandbox, client, practice, capabilities, appointments };
}

describe('reference data: required and optional lists', () => {
  it('a front desk account (no Settings, no user list) gets the calendar, and each missing list says why', async () => {
    const d = desk('reception');
    // The calendar's own call answered first: "Access Scheduling" is known to be granted.
    const day = await d.appointments();
    if (!day.ok) throw new Error(day.failure.message);
    expect(day.value.items.length).toBeGreaterThan(0);

    const read = await d.practice.get();
    if (!read.ok) throw new Error(read.error.message);
    const p = read.value;
    expect(p.doctors.length).toBeGreaterThan(0);
    expect(p.offices.some((o) => o.exam_rooms.length > 0)).toBe(true);
    expect(p.profiles).toEqual([]);
    expect(p.templates).toEqual([]);
    expect(p.users).toEqual([]);
    expect(p.availability?.templates).toMatchObject({
      state: 'refused',
      reason:
        'Appointment templates are not available to this drchrono account: it lacks the “Settings” permission.',
      skipped: 0,
    });
    expect(p.availability?.templates.detail).toContain('GET /api/appointment_templates');
    expect(p.availability?.profiles.reason).toBe(
      'Appointment profiles are not available to this drchrono account: it lacks the “Settings” permission.',
    );
    expect(p.availability?.users.state).toBe('refused');
    expect(p.availability?.userGroups.state).toBe('refused');
    // Flag types need "Settings" too (and "Manage Patients", not proven: no patient read yet):
    // the flags lose their names, nothing else.
    expect(p.availability?.flagTypes).toMatchObject({
      state: 'refused',
      reason:
        'Patient flag types are not available to this drchrono account: it lacks the “Manage Patients” and “Settings” permissions.',
    });
    expect(d.practice.flagTypes()).toBeNull();

    // The capability table learnt the same from those calls.
    const table = d.capabilities.get();
    const row = (f: string) => table.features.find((c) => c.feature === f);
    expect(row('calendar')?.read.state).toBe('yes');
    expect(row('templates')?.read).toEqual({
      state: 'no',
      why: 'permission',
      reason: 'it lacks the “Settings” permission',
    });
    expect(row('billing')?.read.state).toBe('unknown');
    expect(row('flagTypes')?.read).toEqual({
      state: 'no',
      why: 'permission',
      reason: 'it lacks the “Manage Patients” and “Settings” permissions',
    });
  });

  const reminderAnswers: [EndpointAnswer, string, RegExp][] = [
    [
      'forbidden',
      'refused',
      // The list was read a moment ago, which proved its one permission: the hint must not send the
      // practice to set "Access Scheduling" again.
      /^Reminder profiles are not available to this drchrono account: drchrono refused the request, though the account has the “Access Scheduling” permission the reference asks for\.$/,
    ],
    ['missing', 'missing', /^Reminder profiles are not available from this drchrono server/],
    ['not-a-page', 'unreadable', /^Reminder profiles could not be read/],
  ];
  for (const [answer, state, reason] of reminderAnswers) {
    it(`reminder profiles answered ${answer} are an empty list that says why`, async () => {
      const d = desk();
      const paperwork = createPaperworkService({
        client: d.client,
        clock: systemClock,
        plain: memoryPlainStore(),
        refusal: (resource) => d.capabilities.explainResource(resource, 'GET').reason,
      });
      const before = await paperwork.reminderProfiles();
      expect(before.ok && before.value.profiles.length).toBeGreaterThan(0);
      expect(before.ok && before.value.availability).toMatchObject({ state: 'available' });

      d.sandbox.control.setEndpointFault({ path: '/api/reminder_profiles', method: '*', answer });
      const fresh = createPaperworkService({
        client: d.client,
        clock: systemClock,
        plain: memoryPlainStore(),
        refusal: (resource) => d.capabilities.explainResource(resource, 'GET').reason,
      });
      const read = await fresh.reminderProfiles();
      if (!read.ok) throw new Error(read.error.message);
      expect(read.value.profiles).toEqual([]);
      expect(read.value.availability.state).toBe(state);
      expect(read.value.availability.reason).toMatch(reason);
      expect(read.value.availability.detail).toContain('GET /api/reminder_profiles');
      if (answer === 'forbidden') {
        const row = d.capabilities.get().features.find((c) => c.feature === 'reminderProfiles');
        expect(row?.read.state).toBe('no');
        expect(row?.read.reason).not.toMatch(/lacks/);
      }
    });
  }

  it('flag types refused by one endpoint fault leave the rest, and say why', async () => {
    const d = desk();
    d.sandbox.control.setEndpointFault({
      path: '/api/patient_flag_types',
      method: '*',
      answer: 'unreadable',
    });
    const read = await d.practice.get();
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.availability?.flagTypes.state).toBe('unreadable');
    expect(read.value.availability?.flagTypes.reason).toMatch(
      /^Patient flag types could not be read/,
    );
    expect(read.value.profiles.length).toBeGreaterThan(0);
    d.sandbox.control.clearEndpointFaults();
    const again = await d.practice.get({ refresh: true });
    expect(again.ok && again.value.availability?.flagTypes).toMatchObject({
      state: 'available',
      reason: null,
    });
    expect(d.practice.flagTypes()?.size).toBeGreaterThan(0);
  });

  const answers: [EndpointAnswer, string, RegExp][] = [
    ['missing', 'missing', /not available from this drchrono server/],
    ['unreadable', 'unreadable', /could not be read: drchrono's answer was not a list/],
    ['not-a-page', 'unreadable', /could not be read/],
  ];
  for (const [answer, state, reason] of answers) {
    it(`an optional list answered ${answer} leaves the others in full`, async () => {
      const d = desk();
      d.sandbox.control.setEndpointFault({
        path: '/api/appointment_templates',
        method: '*',
        answer,
      });
      const read = await d.practice.get();
      if (!read.ok) throw new Error(read.error.message);
      expect(read.value.templates).toEqual([]);
      expect(read.value.availability?.templates.state).toBe(state);
      expect(read.value.availability?.templates.reason).toMatch(reason);
      expect(read.value.profiles.length).toBeGreaterThan(0);
      expect(read.value.availability?.profiles).toMatchObject({ state: 'available', reason: null });
      expect(read.value.users.length).toBeGreaterThan(0);
    });
  }

  it('a required list refused fails the first load, and later keeps the cached practice', async () => {
    const d = desk();
    d.sandbox.control.setEndpointFault({ path: '/api/offices', method: '*', answer: 'forbidden' });
    const first = await d.practice.get();
    expect(first.ok).toBe(false);
    d.sandbox.control.clearEndpointFaults();
    const second = await d.practice.get({ refresh: true });
    expect(second.ok).toBe(true);
    d.sandbox.control.setEndpointFault({ path: '/api/doctors', method: '*', answer: 'unreadable' });
    const third = await d.practice.get({ refresh: true });
    expect(third.ok && third.value.offices.length).toBeGreaterThan(0);
  });

  it('records that fail the schema are left out and counted; the good ones are shown', async () => {
    const d = desk();
    const [first, second] = d.sandbox.db.profiles.all();
    if (!first || !second) throw new Error('the seed has profiles');
    first.data.duration = 'half an hour';
    second.data.name = null;
    const read = await d.practice.get();
    if (!read.ok) throw new Error(read.error.message);
    const all = d.sandbox.db.profiles.all().filter((p) => !p.deleted).length;
    expect(read.value.profiles.length).toBe(all - 2);
    expect(read.value.availability?.profiles).toMatchObject({
      state: 'available',
      skipped: 2,
      reason: '2 records of the appointment profiles could not be read and are left out.',
    });
  });
});
