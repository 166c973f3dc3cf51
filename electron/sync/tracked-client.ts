import type { ApiResult, DrchronoClient } from '../drchrono/types';
import type { Connectivity } from './connectivity';
import { isTransportFailure } from './failures';

/**
 * The client every sync service uses: the real one, with each outcome reported to
 * `Connectivity`, so going offline (and coming back) follows real calls and never costs a ping,
 * and each call watched for a slow answer.
 */
export function trackedClient(client: DrchronoClient, connectivity: Connectivity): DrchronoClient {
  async function track<T>(call: Promise<ApiResult<T>>): Promise<ApiResult<T>> {
    const result = await connectivity.watch(call, (r) => r.ok || !isTransportFailure(r.failure));
    if (result.ok) connectivity.reportSuccess();
    else connectivity.reportFailure(result.failure);
    return result;
  }
  return {
    request: (req) => track(client.request(req)),
    get: (path, schema, query, options) => track(client.get(path, schema, query, options)),
    list: (path, item, query, options) => track(client.list(path, item, query, options)),
    create: (path, body, schema, options) => track(client.create(path, body, schema, options)),
    patch: (path, body, options) => track(client.patch(path, body, options)),
    put: (path, body, options) => track(client.put(path, body, options)),
    remove: (path, options) => track(client.remove(path, options)),
  };
}
