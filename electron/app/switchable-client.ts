import type { DrchronoClient } from '../drchrono/types';

/**
 * The one drchrono client, rebuilt when the practice's connection changes (the demo practice to
 * the real drchrono, another base URL). Services hold this wrapper for their whole life, so none
 * of them needs to know a switch happened.
 */
export interface SwitchableClient extends DrchronoClient {
  use(next: DrchronoClient): void;
}

export function createSwitchableClient(initial: DrchronoClient): SwitchableClient {
  let current = initial;
  return {
    use(next) {
      current = next;
    },
    request: (req) => current.request(req),
    get: (path, schema, query, options) => current.get(path, schema, query, options),
    list: (path, item, query, options) => current.list(path, item, query, options),
    create: (path, body, schema, options) => current.create(path, body, schema, options),
    patch: (path, body, options) => current.patch(path, body, options),
    put: (path, body, options) => current.put(path, body, options),
    remove: (path, options) => current.remove(path, options),
  };
}
