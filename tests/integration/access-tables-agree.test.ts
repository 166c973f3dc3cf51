import { describe, expect, it } from 'vitest';
import { permissionsFor } from '../../electron/drchrono/permissions';
import { requiredScopes } from '../../electron/drchrono/required-scopes';
import { resourceOf } from '../../electron/drchrono/urls';
import { endpointAccess, neededScopes, permissionLabels } from '../../electron/sandbox/access';

/**
 * The client explains a 403 from its own copy of the reference's scope and permission lists; the
 * sandbox enforces its copy. Two copies drift, so every endpoint the sandbox knows is compared.
 */
const endpoints = Object.entries(endpointAccess).filter(
  // The iframe integration is not a REST resource and the client never calls it.
  ([path]) => path !== '/api/iframe_integration',
);

describe('the client and the sandbox read the reference the same way', () => {
  it.each(endpoints)('%s: same scopes for reads and writes', (path, access) => {
    const resource = resourceOf(path);
    for (const method of ['GET', 'POST'] as const) {
      expect(requiredScopes(resource, method)?.sort(), `${method} ${path}`).toEqual(
        neededScopes(access, method).sort(),
      );
    }
  });

  it.each(endpoints)(
    '%s: the permissions the client names are the ones enforced',
    (path, access) => {
      const enforced = [...access.permissions, ...(access.writePermissions ?? [])]
        .map((p) => permissionLabels[p])
        .sort();
      expect(permissionsFor(resourceOf(path)).sort(), path).toEqual(enforced);
    },
  );
});
