import type { z } from 'zod';
import type { ListAvailability } from '../../shared/contract';
import type { Err } from '../../shared/result';
import type { Services } from '../app/services';
import type { ListOptions, Query } from '../drchrono/types';
import { availabilityLine, readOptionalList } from '../sync/optional-list';
import { failed, type RecordArea } from './errors';

/**
 * One list of a records screen read on its own: refused, missing or unreadable, it comes back
 * empty with the line its section shows ("Patient payments are not available to this drchrono
 * account: it lacks the “Access Patients Payments” permission."), so the screen's other lists
 * still show. Records that fail the schema are left out and counted. A passing trouble (network,
 * quota, 5xx) fails the whole screen as before: a retry is the answer to that.
 */
export type RecordList<T> = { ok: true; items: T[]; availability: ListAvailability } | Err;

export async function readRecordList<T>(
  s: Pick<Services, 'client' | 'capabilities'>,
  area: RecordArea,
  label: string,
  path: string,
  item: z.ZodType<T>,
  query: Query,
  options: ListOptions,
): Promise<RecordList<T>> {
  const read = await readOptionalList(s.client, path, item, query, options);
  if (read.transient) return failed(read.failure, area);
  const availability = availabilityLine(
    read.availability,
    label,
    (resource) => s.capabilities.explainResource(resource, 'GET').reason,
  );
  return { ok: true, items: read.items, availability };
}
