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
    // A record under the collection too, and nothing else.
    expect((await call(sb, 'GET', '/api/appointment_templates/1', { token })).status).toBe(403);
    expect((await call(sb, 'GET', '/api/appointment_profiles', { token })).status).toBe(200);

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
