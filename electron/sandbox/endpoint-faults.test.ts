import { describe, expect, it } from 'vitest';
import { call, demoToken, testSandbox } from './testing';

describe('endpoint faults', () => {
  it('makes one endpoint answer 403, 404 or an unreadable body while the others answer as usual', async () => {
    const { sb } = testSandbox({ controlRoutes: true });
    const token = demoToken(sb);
    const set = async (answer: string, method?: string) =>
      call(sb, 'POST', '/__sandbox/endpoint-faults', {
        json: { path: '/api/appointment_templates', answer, ...(method ? { method } : {}) },
      });

    expect((await set('forbidden')).status).toBe(200);
    const refused = await call(sb, 'GET', '/api/appointment_templates', { token });
    expect(refused).toMatchObject({
      status: 403,
      body: { detail: 'You do not have permission to perform this action.' },
    });
    // That path only: a record is another path, and other endpoints answer as usual.
    const template = sb.db.templates.all()[0]?.id ?? 0;
    expect(
      (await call(sb, 'GET', `/api/appointment_templates/${String(template)}`, { token })).status,
    ).toBe(200);
    expect((await call(sb, 'GET', '/api/appointment_profiles', { token })).status).toBe(200);
    // The list of users refused; a user's record (users/current redirects to one) is not.
    await call(sb, 'POST', '/__sandbox/endpoint-faults', {
      json: { path: '/api/users', answer: 'forbidden' },
    });
    expect((await call(sb, 'GET', '/api/users', { token })).status).toBe(403);
    const me = sb.db.users.all()[0]?.id ?? 0;
    expect((await call(sb, 'GET', `/api/users/${String(me)}`, { token })).status).toBe(200);
    // With /*, everything under the collection.
    await call(sb, 'POST', '/__sandbox/endpoint-faults', {
      json: { path: '/api/appointment_templates/*', answer: 'missing' },
    });
    expect(
      (await call(sb, 'GET', `/api/appointment_templates/${String(template)}`, { token })).status,
    ).toBe(404);
    await call(sb, 'DELETE', '/__sandbox/endpoint-faults');

    await set('missing');
    expect((await call(sb, 'GET', '/api/appointment_templates', { token })).status).toBe(404);
    await set('unreadable');
    const page = await call(sb, 'GET', '/api/appointment_templates', { token });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    await set('not-a-page');
    const odd = await call(sb, 'GET', '/api/appointment_templates', { token });
    expect(odd.body).toMatchObject({ results: 'none' });
    // One rule per path and method: the latest replaced the earlier ones.
    const listed = await call(sb, 'GET', '/__sandbox/endpoint-faults');
    expect(listed.body).toEqual([
      { path: '/api/appointment_templates', method: '*', answer: 'not-a-page' },
    ]);

    // Only the method named.
    await call(sb, 'DELETE', '/__sandbox/endpoint-faults');
    await set('forbidden', 'post');
    expect((await call(sb, 'GET', '/api/appointment_templates', { token })).status).toBe(200);
    const post = await call(sb, 'POST', '/api/appointment_templates', { token, json: {} });
    expect(post.status).toBe(403);

    sb.control.reset();
    expect(sb.control.endpointFaults()).toEqual([]);
    expect((await set('sideways')).status).toBe(400);
  });
});
