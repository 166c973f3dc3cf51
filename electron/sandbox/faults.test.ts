import { describe, expect, it } from 'vitest';
import type { Sandbox } from './app';
import { call, demoToken, testSandbox, testStart } from './testing';

const hour = 3_600_000;

function booking(sb: Sandbox, time: string): Record<string, unknown> {
  return {
    doctor: 310001,
    office: 520001,
    exam_room: 1,
    patient: sb.db.patients.all()[7]?.id,
    scheduled_time: `2025-03-15T${time}`,
    duration: 20,
  };
}

describe('quota', () => {
  it('throttles past the hourly quota with DRF’s message, and resets at the top of the hour', async () => {
    const { sb, clock } = testSandbox({ hourlyQuota: 5 });
    const token = demoToken(sb);
    for (let i = 0; i < 5; i++)
      expect((await call(sb, 'GET', '/api/doctors', { token })).status).toBe(200);
    const over = await call(sb, 'GET', '/api/doctors', { token });
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBeNull();
    // testStart is 14:30:00 UTC: 30 minutes to the top of the hour.
    expect(over.body).toEqual({
      detail: 'Request was throttled. Expected available in 1800 seconds.',
    });
    expect(sb.control.counts()).toMatchObject({
      throttled429: 1,
      callsThisHour: { 'frontdesk-demo': 5 },
    });
    await clock.advance(1799_000);
    expect((await call(sb, 'GET', '/api/doctors', { token })).body).toEqual({
      detail: 'Request was throttled. Expected available in 1 seconds.',
    });
    await clock.advance(1_000);
    expect(clock.now() % hour).toBe(0);
    expect((await call(sb, 'GET', '/api/doctors', { token })).status).toBe(200);
    expect(sb.control.quotaUsage()).toEqual([
      {
        clientId: 'frontdesk-demo',
        hourStart: testStart + 30 * 60_000,
        used: 1,
        limit: 5,
        remaining: 4,
      },
    ]);
  });

  it('counts per client, and not OAuth or unauthenticated calls', async () => {
    const { sb } = testSandbox({ hourlyQuota: 2 });
    sb.control.addClient({ clientId: 'other', clientSecret: 's', redirectUris: [], name: 'Other' });
    const mine = demoToken(sb);
    const theirs = sb.control.issueTokens({ clientId: 'other' }).access_token;
    await call(sb, 'GET', '/api/doctors');
    await call(sb, 'GET', '/api/doctors', { token: mine });
    await call(sb, 'GET', '/api/doctors', { token: mine });
    expect((await call(sb, 'GET', '/api/doctors', { token: mine })).status).toBe(429);
    expect((await call(sb, 'GET', '/api/doctors', { token: theirs })).status).toBe(200);
  });

  it('can be switched off', async () => {
    const { sb } = testSandbox({ hourlyQuota: 0 });
    const token = demoToken(sb);
    for (let i = 0; i < 600; i++) await call(sb, 'GET', '/api/users/current', { token });
    expect((await call(sb, 'GET', '/api/doctors', { token })).status).toBe(200);
  });
});

describe('faults', () => {
  it('offline: every request fails at transport level, control keeps working', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    sb.control.setOffline(true);
    await expect(call(sb, 'GET', '/api/doctors', { token })).rejects.toThrow(TypeError);
    await expect(call(sb, 'GET', '/api/doctors', { token })).rejects.toThrow('fetch failed');
    await expect(call(sb, 'POST', '/o/token/', { form: {} })).rejects.toThrow('fetch failed');
    expect(sb.control.counts().faults.offline).toBe(3);
    expect(sb.control.requests().map((r) => [r.status, r.fault])).toEqual([
      [0, 'offline'],
      [0, 'offline'],
      [0, 'offline'],
    ]);
    sb.control.setOffline(false);
    expect((await call(sb, 'GET', '/api/doctors', { token })).status).toBe(200);
  });

  it('drop-before changes nothing; drop-after commits and then fails', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const count = () =>
      sb.data.appointments.list().filter((a) => String(a.scheduled_time).startsWith('2025-03-15'))
        .length;
    sb.control.setFaults({ dropBeforeRate: 1 });
    await expect(
      call(sb, 'POST', '/api/appointments', { token, json: booking(sb, '09:00:00') }),
    ).rejects.toThrow('fetch failed');
    expect(count()).toBe(0);
    sb.control.setFaults({ dropBeforeRate: 0, dropAfterRate: 1 });
    await expect(
      call(sb, 'POST', '/api/appointments', { token, json: booking(sb, '09:00:00') }),
    ).rejects.toThrow('fetch failed');
    expect(count()).toBe(1);
    sb.control.clearFaults();
    // The retry a careless client would make: the sandbox sees the first one already there.
    expect(
      (await call(sb, 'POST', '/api/appointments', { token, json: booking(sb, '09:00:00') }))
        .status,
    ).toBe(409);
    expect(count()).toBe(1);
    const log = sb.control.requests();
    expect(log.map((r) => r.fault)).toEqual(['drop-before', 'drop-after', null]);
    expect(log[1]).toMatchObject({
      status: 201,
      method: 'POST',
      path: '/api/appointments',
      clientId: 'frontdesk-demo',
    });
    expect(log[1]?.body).toMatchObject({ scheduled_time: '2025-03-15T09:00:00' });
  });

  it('injects 5xx (HTML bodies) and spurious 429s without touching data', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    sb.control.setFaults({ errorRate: 1 });
    const err = await call(sb, 'POST', '/api/appointments', {
      token,
      json: booking(sb, '11:00:00'),
    });
    expect([500, 502, 503]).toContain(err.status);
    expect(err.headers.get('content-type')).toContain('text/html');
    sb.control.setFaults({ errorRate: 0, rateOf429: 1 });
    const throttled = await call(sb, 'GET', '/api/doctors', { token });
    expect(throttled.status).toBe(429);
    expect((throttled.body as { detail: string }).detail).toMatch(
      /^Request was throttled\. Expected available in \d+ seconds\.$/,
    );
    expect(
      sb.data.appointments.list().some((a) => a.scheduled_time === '2025-03-15T11:00:00'),
    ).toBe(false);
    expect(sb.control.counts()).toMatchObject({
      spurious429: 1,
      throttled429: 0,
      faults: { error: 1 },
    });
    // OAuth is spared unless asked for.
    expect((await call(sb, 'POST', '/o/token/', { form: { grant_type: 'password' } })).status).toBe(
      400,
    );
  });

  it('sleeps latency on the sandbox clock', async () => {
    const { sb, clock } = testSandbox({ faults: { latencyMs: 2_000 } });
    const token = demoToken(sb);
    let done = false;
    const pending = call(sb, 'GET', '/api/doctors', { token }).then((r) => {
      done = true;
      return r;
    });
    await clock.advance(1_999);
    expect(done).toBe(false);
    await clock.advance(1);
    expect((await pending).status).toBe(200);
  });

  it('decides faults from the seed and the order of requests', async () => {
    const run = async () => {
      const { sb } = testSandbox({ seed: 7, faults: { errorRate: 0.3, dropBeforeRate: 0.2 } });
      const token = demoToken(sb);
      const outcomes: string[] = [];
      for (let i = 0; i < 40; i++)
        outcomes.push(
          await call(sb, 'GET', '/api/doctors', { token }).then(
            (r) => String(r.status),
            () => 'drop',
          ),
        );
      return outcomes;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(2);
  });
});

describe('control', () => {
  it('switches task writes off with 405 and back on', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const task = {
      title: 'Call patient about forms',
      status: sb.data.taskStatuses.list()[0]?.id,
      assignee_user: 420004,
      due_date: { due_date: '2025-03-13', due_time: null },
      notes: [{ text: 'Asked for a call back.' }],
      associated_items: [{ type: 'patient', id: 7000001 }],
      priority: 30,
    };
    const created = await call(sb, 'POST', '/api/tasks', { token, json: task });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: task.title,
      created_by: 420004,
      notes: [{ text: 'Asked for a call back.', created_by: 420004 }],
    });
    sb.control.setTasksWritable(false);
    const refused = await call(sb, 'POST', '/api/tasks', { token, json: task });
    expect(refused.status).toBe(405);
    expect(refused.body).toEqual({ detail: 'Method "POST" not allowed.' });
    const id = String((created.body as { id: number }).id);
    expect(
      (await call(sb, 'PATCH', `/api/tasks/${id}`, { token, json: { priority: 10 } })).status,
    ).toBe(405);
    expect((await call(sb, 'GET', `/api/tasks/${id}`, { token })).status).toBe(200);
    sb.control.setTasksWritable(true);
    expect(
      (await call(sb, 'PATCH', `/api/tasks/${id}`, { token, json: { priority: 10 } })).status,
    ).toBe(204);
    const noAssignee = await call(sb, 'POST', '/api/tasks', {
      token,
      json: { ...task, assignee_user: null },
    });
    expect(noAssignee.status).toBe(400);
  });

  it('resets data and switches but keeps tokens', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    await call(sb, 'POST', '/api/appointments', { token, json: booking(sb, '09:00:00') });
    sb.control.setFaults({ latencyMs: 5 });
    sb.control.reset();
    expect(sb.control.faults().latencyMs).toBe(0);
    expect(sb.control.requests()).toEqual([]);
    expect(
      sb.data.appointments.list().some((a) => String(a.scheduled_time).startsWith('2025-03-15')),
    ).toBe(false);
    expect((await call(sb, 'GET', '/api/doctors', { token })).status).toBe(200);
  });

  it('acts as another workstation through the API', async () => {
    const { sb } = testSandbox();
    const r = await sb.control.asOtherWorkstation(
      'POST',
      '/api/appointments',
      booking(sb, '13:00:00'),
    );
    expect(r.status).toBe(201);
    expect(sb.control.requests()).toEqual([]);
    const again = await sb.control.asOtherWorkstation(
      'POST',
      '/api/appointments',
      booking(sb, '13:00:00'),
    );
    expect(again.status).toBe(409);
  });
});
