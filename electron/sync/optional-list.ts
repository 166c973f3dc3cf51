import type { z } from 'zod';
import type { ListAvailability } from '../../shared/contract/capabilities';
import { failureDetail } from '../drchrono/failure-detail';
import type { ApiFailure, DrchronoClient, ListOptions, Query } from '../drchrono/types';
import { resourceOf } from '../drchrono/urls';

/**
 * A list the desk can work without (profiles, templates, the staff list, custom demographics, task
 * settings…). Whatever drchrono answers, reading one never fails the caller: a refusal (403), a
 * missing endpoint (404) or an answer that is not a page leaves it empty with the reason kept for
 * the control that would show it; records that fail the schema are left out and counted.
 * Only a passing trouble (network, quota, 5xx, session) is `transient`: the caller keeps what it
 * had and tries again later.
 */
export type OptionalListRead<T> =
  | { transient: false; items: T[]; availability: StoredAvailability }
  | { transient: true; failure: ApiFailure };

/**
 * What is kept about a list (in the encrypted reference cache too). The one-line reason is made
 * when shown (`availabilityLine`), so it can name the permission as precisely as is known then.
 */
export interface StoredAvailability {
  state: ListAvailability['state'];
  skipped: number;
  detail: string | null;
  /** The drchrono resource, for explaining a refusal. */
  resource: string | null;
}

export const availableList = (resource: string | null): StoredAvailability => ({
  state: 'available',
  skipped: 0,
  detail: null,
  resource,
});

export async function readOptionalList<T>(
  client: DrchronoClient,
  path: string,
  item: z.ZodType<T>,
  query: Query,
  options: ListOptions,
): Promise<OptionalListRead<T>> {
  const resource = resourceOf(path);
  const read = await client.list(path, item, query, options);
  if (read.ok) {
    return {
      transient: false,
      items: read.value.items,
      availability: { ...availableList(resource), skipped: read.value.skipped },
    };
  }
  const failure = read.failure;
  const state =
    failure.kind === 'http' && failure.status === 403
      ? 'refused'
      : failure.kind === 'http' && (failure.status === 404 || failure.status === 405)
        ? 'missing'
        : failure.kind === 'invalid_response'
          ? 'unreadable'
          : null;
  if (state === null) return { transient: true, failure };
  return {
    transient: false,
    items: [],
    availability: { state, skipped: 0, detail: failureDetail(failure), resource },
  };
}

/** "Appointment templates" → "appointment templates", inside a sentence. */
export function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** A list whose answer was not a page of results (an HTML page from a proxy, say), named. */
export function unreadableLine(label: string): string {
  return `${label} could not be read: drchrono's answer was not a list Frontdesk understands.`;
}

/**
 * The line the control shows. `label` is plural and capitalised ("Appointment templates");
 * `refusal` explains a 403 ("it lacks the “Settings” permission").
 */
export function availabilityLine(
  stored: StoredAvailability,
  label: string,
  refusal: (resource: string) => string,
): ListAvailability {
  const lower = inSentence(label);
  const reason = ((): string | null => {
    switch (stored.state) {
      case 'available':
        return stored.skipped > 0
          ? `${String(stored.skipped)} ${stored.skipped === 1 ? 'record' : 'records'} of the ${lower} could not be read and ${stored.skipped === 1 ? 'is' : 'are'} left out.`
          : null;
      case 'refused':
        return `${label} are not available to this drchrono account: ${refusal(stored.resource ?? '')}.`;
      case 'missing':
        return `${label} are not available from this drchrono server: it answered that the list does not exist.`;
      case 'unreadable':
        return unreadableLine(label);
      case 'unknown':
        return `${label} could not be loaded yet: drchrono did not answer. They are tried again at the next refresh.`;
    }
  })();
  return { state: stored.state, reason, skipped: stored.skipped, detail: stored.detail };
}
