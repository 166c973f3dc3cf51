import { describe, expect, it } from 'vitest';
import { call, demoToken, testBase, testSandbox } from './testing';

interface Page {
  next: string | null;
  previous: string | null;
  results: Record<string, unknown>[];
}

describe('API basics', () => {
  it('redirects /api/users/current to the user with an absolute Location', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const r = await call(sb, 'GET', '/api/users/current', { token });
    expect(r.status).toBe(302);
    const location = r.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^${testBase}/api/users/\\d+$`));
    const me = await call(sb, 'GET', location, { token });
    expect(me.body).toMatchObject({ username: 'frontdesk', is_staff: true, is_doctor: false });
    expect(me.body).toHaveProperty('permissions');
    expect(me.body).toHaveProperty('practice_group', 4217);
  });

  it('pages with page_size, absolute next/previous keeping the other parameters', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const seen = new Set<unknown>();
    let url: string | null = '/api/patients?page_size=120&gender=Female';
    let pages = 0;
    let previous: string | null = null;
    while (url) {
      const r = await call(sb, 'GET', url, { token });
      expect(r.status).toBe(200);
      const page = r.body as Page;
      expect(page.previous).toBe(previous);
      for (const p of page.results) {
        expect(p.gender).toBe('Female');
        seen.add(p.id);
      }
      if (page.next) {
        const next = new URL(page.next);
        expect(next.origin).toBe(testBase);
        expect(next.searchParams.get('gender')).toBe('Female');
        expect(next.searchParams.get('page_size')).toBe('120');
      }
      previous = url.startsWith('http') ? url : `${testBase}${url}`;
      url = page.next;
      pages++;
    }
    expect(pages).toBe(2);
    const all = await call(sb, 'GET', '/api/patients_summary?page_size=100', { token });
    expect((all.body as Page).next).toContain('page=2');
    const third = await call(sb, 'GET', '/api/patients_summary?page_size=100&page=3', { token });
    expect((third.body as Page).results.length).toBeGreaterThan(0);
    expect((third.body as Page).previous).toBe(
      `${testBase}/api/patients_summary?page_size=100&page=2`,
    );
    const second = await call(sb, 'GET', '/api/patients_summary?page_size=100&page=2', { token });
    expect((second.body as Page).previous).toBe(`${testBase}/api/patients_summary?page_size=100`);
    expect(seen.size).toBeGreaterThan(100);
  });

  it('caps pages at 250, or 50 with verbose=true, and 404s invalid pages', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const plain = (await call(sb, 'GET', '/api/patients?page_size=1000', { token })).body as Page;
    expect(plain.results).toHaveLength(250);
    expect(plain.results[0]).not.toHaveProperty('primary_insurance');
    const verbose = (await call(sb, 'GET', '/api/patients?verbose=true&page_size=1000', { token }))
      .body as Page;
    expect(verbose.results).toHaveLength(50);
    expect(verbose.results[0]).toHaveProperty('primary_insurance');
    expect(verbose.next).toContain('verbose=true');
    for (const page of ['0', '99', 'abc'])
      expect((await call(sb, 'GET', `/api/patients?page=${page}`, { token })).status).toBe(404);
  });

  it('answers 404 for unknown paths and 405 for wrong methods, as JSON', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const missing = await call(sb, 'GET', '/api/nothing_here', { token });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'Not found.' });
    const wrong = await call(sb, 'DELETE', '/api/doctors', { token });
    expect(wrong.status).toBe(405);
    expect(wrong.body).toEqual({ detail: 'Method "DELETE" not allowed.' });
    expect((await call(sb, 'DELETE', '/api/allergies/950001', { token })).status).toBe(405);
  });

  it('denies scopes and path prefixes with 403', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    sb.control.denyScopes(['billing', 'billing:patient-payment', '/api/tasks']);
    const li = await call(sb, 'GET', '/api/line_items', { token });
    expect(li.status).toBe(403);
    expect(li.body).toEqual({ detail: 'You do not have permission to perform this action.' });
    expect((await call(sb, 'GET', '/api/patient_payments', { token })).status).toBe(403);
    expect((await call(sb, 'GET', '/api/tasks', { token })).status).toBe(403);
    expect((await call(sb, 'GET', '/api/patients', { token })).status).toBe(200);
    sb.control.denyScopes([]);
    expect((await call(sb, 'GET', '/api/line_items', { token })).status).toBe(200);
  });

  it('redirects on demand, to any host, and POSTs /api/iframe_integration through a 302', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    sb.control.addRedirect('POST', '/api/appointments', 'https://evil.example/api/appointments');
    sb.control.addRedirect('*', '/api/doctors', `${testBase}/api/doctors?page_size=1`);
    const post = await call(sb, 'POST', '/api/appointments', { token, json: {} });
    expect(post.status).toBe(302);
    expect(post.headers.get('location')).toBe('https://evil.example/api/appointments');
    expect((await call(sb, 'GET', '/api/appointments?date=2025-03-12', { token })).status).toBe(
      200,
    );
    expect((await call(sb, 'GET', '/api/doctors/', { token })).headers.get('location')).toContain(
      'page_size=1',
    );
    sb.control.clearRedirects();
    const iframe = await call(sb, 'POST', '/api/iframe_integration', { token });
    expect(iframe.status).toBe(302);
    const target = iframe.headers.get('location') ?? '';
    expect(target).toMatch(/\/api\/iframe_integration\/\d+$/);
    expect((await call(sb, 'GET', target, { token })).status).toBe(405);
    expect((await call(sb, 'POST', target, { token })).status).toBe(201);
  });

  it('serves doctors in one DST zone and offices with named, 1-based exam rooms', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const doctors = ((await call(sb, 'GET', '/api/doctors', { token })).body as Page).results;
    expect(doctors.length).toBeGreaterThanOrEqual(2);
    expect(new Set(doctors.map((d) => d.timezone))).toEqual(new Set(['America/New_York']));
    const offices = ((await call(sb, 'GET', '/api/offices', { token })).body as Page).results;
    expect(offices).toHaveLength(2);
    for (const o of offices) {
      const rooms = o.exam_rooms as { index: number; name: string }[];
      expect(rooms.length).toBeGreaterThanOrEqual(3);
      expect(rooms.map((r) => r.index)).toEqual(rooms.map((_, i) => i + 1));
      expect(o).not.toHaveProperty('online_timeslots');
    }
    const id = String(offices[0]?.id);
    expect(
      (await call(sb, 'POST', `/api/offices/${id}/add_exam_room`, { token, json: {} })).status,
    ).toBe(400);
    const added = await call(sb, 'POST', `/api/offices/${id}/add_exam_room`, {
      token,
      json: { name: 'Overflow' },
    });
    expect(added.status).toBe(201);
    const rooms = (added.body as { exam_rooms: { index: number; name: string }[] }).exam_rooms;
    expect(rooms.at(-1)).toEqual({
      index: rooms.length,
      name: 'Overflow',
      online_scheduling: false,
    });
    const patch = await call(sb, 'PATCH', `/api/offices/${id}`, {
      token,
      json: { online_scheduling: false },
    });
    expect(patch.status).toBe(204);
    expect(patch.text).toBe('');
  });

  it('needs payer_type for insurances and searches by term', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    expect((await call(sb, 'GET', '/api/insurances', { token })).body).toEqual({
      payer_type: ['This field is required.'],
    });
    const found = (
      await call(sb, 'GET', '/api/insurances?payer_type=gateway&term=cigna', { token })
    ).body as Page;
    expect(found.results).toEqual([{ payer_name: 'Cigna', payer_id: '62308', state: 'CT' }]);
    const all = (await call(sb, 'GET', '/api/insurances?payer_type=ihcfa', { token })).body as Page;
    expect(all.results.length).toBeGreaterThan(24);
  });
});
