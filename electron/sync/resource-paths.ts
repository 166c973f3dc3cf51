import type { EditResource } from '../app/services';

/** drchrono's endpoint for each resource the outbox writes. */
export function resourcePath(resource: EditResource): string {
  return `/api/${resource}`;
}

export function recordPath(resource: EditResource, id: string): string {
  return `/api/${resource}/${encodeURIComponent(id)}`;
}
