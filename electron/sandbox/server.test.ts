import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../shared/time/clock';
import { demoClient } from './options';
import { startSandboxServer, type SandboxServer } from './server';
import { testRedirect, testStart } from './testing';

describe('server mode over loopback', () => {
  let server: SandboxServer;
  let token = '';

  beforeAll(async () => {
    server = await startSandboxServer({
      clock: new VirtualClock(testStart),
      redirectUris: [testRedirect],
      controlRoutes: true,
    });
    const consent = await fetch(`${server.url}/o/authorize/`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({
        response_type: 'code',
        client_id: demoClient.clientId,
        redirect_uri: testRedirect,
        state: 'abc',
        action: 'authorize',
      }),
    });
    const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const r = await fetch(`${server.url}/o/token/`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        client_id: demoClient.clientId,
        client_secret: demoClient.clientSecret,
        redirect_uri: testRedirect,
      }),
    });
    token = ((await r.json()) as { access_token: string }).access_token;
  });

  afterAll(async () => {
    await server.close();
  });

  const api = (path: string, init: { method?: string; body?: string } = {}) =>
    fetch(`${server.url}${path}`, {
      redirect: 'manual',
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });

  it('binds 127.0.0.1 and answers with absolute URLs on its own address', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${String(server.port)}`);
    const r = await api('/api/users/current');
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toMatch(new RegExp(`^${server.url}/api/users/\\d+$`));
    const page = (await (await api('/api/patients?page_size=10')).json()) as { next: string };
    expect(page.next).toBe(`${server.url}/api/patients?page_size=10&page=2`);
  });

  it('commits, then destroys the socket on drop-after', async () => {
    server.control.setFaults({ dropAfterRate: 1 });
    const body = JSON.stringify({
      doctor: 310001,
      office: 520002,
      exam_room: 1,
      patient: null,
      scheduled_time: '2025-03-16T10:00:00',
      duration: 30,
    });
    await expect(api('/api/appointments', { method: 'POST', body })).rejects.toThrow(TypeError);
    server.control.clearFaults();
    const day = (await (await api('/api/appointments?date=2025-03-16')).json()) as {
      results: unknown[];
    };
    expect(day.results).toHaveLength(1);
    expect((await api('/api/appointments', { method: 'POST', body })).status).toBe(409);
  });

  it('goes offline at transport level while the control routes keep answering', async () => {
    const offline = await fetch(`${server.url}/__sandbox/offline`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offline: true }),
    });
    expect(offline.status).toBe(200);
    await expect(api('/api/doctors')).rejects.toThrow(TypeError);
    const state = (await (await fetch(`${server.url}/__sandbox/state`)).json()) as {
      faults: { offline: boolean };
      counts: { faults: { offline: number } };
    };
    expect(state.faults.offline).toBe(true);
    expect(state.counts.faults.offline).toBeGreaterThan(0);
    server.control.setOffline(false);
    expect((await api('/api/doctors')).status).toBe(200);
  });

  it('serves the control surface as JSON', async () => {
    const tokens = (await (
      await fetch(`${server.url}/__sandbox/tokens`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      })
    ).json()) as { access_token: string };
    const r = await fetch(`${server.url}/api/doctors`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(r.status).toBe(200);
    const requests = (await (await fetch(`${server.url}/__sandbox/requests`)).json()) as {
      path: string;
    }[];
    expect(requests.some((q) => q.path === '/api/doctors')).toBe(true);
    const data = (await (await fetch(`${server.url}/__sandbox/data/doctors`)).json()) as unknown[];
    expect(data).toHaveLength(3);
    expect((await fetch(`${server.url}/__sandbox/nope`)).status).toBe(404);
  });
});
