import type { z } from 'zod';
import type { ApiResult, DrchronoClient, ListResult, Query } from '../../drchrono/types';

type Row = Record<string, unknown>;

/**
 * A drchrono client for the paperwork tests: lists answer the rows given for their path (none
 * by default) and are recorded; every other method fails the test if called.
 */
export function listClient(rows: Record<string, Row[]> = {}) {
  const calls: { path: string; query: Query; verbose: boolean }[] = [];
  const unused = () => Promise.reject(new Error('not used by the paperwork'));
  const client: DrchronoClient = {
    request: unused,
    get: unused,
    create: unused,
    patch: unused,
    put: unused,
    remove: unused,
    list<T>(
      path: string,
      item: z.ZodType<T>,
      query: Query = {},
      options: { verbose?: boolean } = {},
    ): Promise<ApiResult<ListResult<T>>> {
      calls.push({ path, query, verbose: options.verbose === true });
      const items = (rows[path] ?? []).map((r) => item.parse(r));
      return Promise.resolve({ ok: true, value: { items, skipped: 0, pages: 1 }, status: 200 });
    },
  };
  return { client, calls };
}
