import { permissionDenied } from './access';
import { html, json } from './http';
import { normalizePath } from './router';

/**
 * One endpoint answering wrongly on purpose, for tests of "one list failing never takes down
 * another": drchrono's 403 (a scope or staff permission the account lacks), a 404 (an endpoint
 * this server does not have), or a 200 whose body cannot be read: an HTML page (a proxy's login
 * or error page) or JSON that is not a page of results. Matched by path prefix after
 * authentication and quota, before routing, so the request counts like any other.
 */
export const endpointAnswers = ['forbidden', 'missing', 'unreadable', 'not-a-page'] as const;
export type EndpointAnswer = (typeof endpointAnswers)[number];

export interface EndpointFault {
  /**
   * `/api/appointment_templates`: that path only (so `/api/users` leaves `/api/users/current` and
   * the caller's own record alone, as drchrono does); `/api/offices/*`: everything under it too.
   */
  path: string;
  /** `GET`, or `*` for every method. */
  method: string;
  answer: EndpointAnswer;
}

export function findEndpointFault(
  faults: readonly EndpointFault[],
  method: string,
  pathname: string,
): EndpointFault | undefined {
  const path = normalizePath(pathname);
  return faults.find((f) => {
    if (f.method !== '*' && f.method !== method) return false;
    // `/api/offices/*`: the collection's records and their actions as well as the collection.
    if (f.path.endsWith('/*')) {
      const collection = normalizePath(f.path.slice(0, -2));
      return path === collection || path.startsWith(`${collection}/`);
    }
    return path === normalizePath(f.path);
  });
}

export function endpointFaultResponse(answer: EndpointAnswer): Response {
  switch (answer) {
    case 'forbidden':
      return json(403, permissionDenied);
    case 'missing':
      return json(404, { detail: 'Not found.' });
    case 'unreadable':
      return html(
        200,
        '<!doctype html><title>Sign in</title><h1>Your session has ended</h1><p>Please sign in again.</p>',
      );
    case 'not-a-page':
      return json(200, { detail: 'Service temporarily in maintenance.', results: 'none' });
  }
}
