import { describe, expect, it } from 'vitest';
import { frontdeskScope } from '../../electron/auth/scopes';
import { neededScopes } from '../../electron/sandbox/access';
import { match } from '../../electron/sandbox/router';
import { apiRoutes } from '../../electron/sandbox/routes';
import { scanClientCalls } from './client-calls';

const root = new URL('../..', import.meta.url).pathname;

/**
 * Sign-in asks drchrono for scopes once; a call outside them is a 403 for every practice. So the
 * scopes the authorize request names must cover every endpoint + method the code calls, as the
 * reference's "Required scopes" (encoded in the sandbox's access table) ask for them. The calls
 * are read from the sources, not listed by hand.
 */
describe('sign-in scopes', () => {
  it('cover every endpoint and method the client calls', { timeout: 300_000 }, () => {
    const scan = scanClientCalls(root);
    expect(scan.unresolved, 'calls whose endpoint cannot be read from the code').toEqual([]);
    const pairs = new Map<string, { method: string; path: string; sites: string[] }>();
    for (const c of scan.calls) {
      const key = `${c.method} ${c.path}`;
      const entry = pairs.get(key) ?? { method: c.method, path: c.path, sites: [] };
      entry.sites.push(c.site);
      pairs.set(key, entry);
    }
    // The scan must see the calls it is meant to see, or an empty scan would pass.
    for (const known of [
      'GET /api/appointments',
      'PATCH /api/appointments/:id',
      'GET /api/patient_payments',
      'POST /api/patient_payments',
      'GET /api/users/current',
      'GET /api/user_groups',
      'POST /api/line_items',
    ])
      expect([...pairs.keys()]).toContain(known);

    const granted = new Set(frontdeskScope.split(' '));
    const problems: string[] = [];
    for (const { method, path, sites } of pairs.values()) {
      const found = match(apiRoutes, path.replaceAll(':id', '1'));
      if (!found) {
        problems.push(`${method} ${path} (${sites.join(', ')}): not a drchrono endpoint`);
        continue;
      }
      const missing = neededScopes(found.route.access, method === 'GET' ? 'GET' : 'POST').filter(
        (s) => !granted.has(s),
      );
      if (missing.length > 0)
        problems.push(`${method} ${path} (${sites[0] ?? ''}): needs ${missing.join(' ')}`);
    }
    expect(problems).toEqual([]);
    console.log(
      `[figure] scopes requested vs needed by calls made: all covered (${String(pairs.size)} endpoint+method pairs from ${String(new Set(scan.calls.map((c) => c.site)).size)} call sites)`,
    );
  });
});
