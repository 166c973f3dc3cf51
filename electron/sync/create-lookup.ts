import { z } from 'zod';
import { instantToWall, isNaiveTimestamp, normalizeWall } from '../../shared/time/practice-time';
import type { ApiFailure, DrchronoClient, Query } from '../drchrono/types';
import type { OutboxEntry } from './outbox-entry';
import { resourcePath } from './resource-paths';
import { sameValue } from './same-value';

export type Lookup =
  | { kind: 'found'; record: Record<string, unknown> }
  | { kind: 'absent' }
  | { kind: 'failed'; failure: ApiFailure };

const anyRecord = z.record(z.string(), z.unknown());

/** Clock skew we tolerate between this computer and drchrono when reading `created_at`. */
const SKEW_MS = 10 * 60_000;

interface Search {
  query: Query;
  /** The fields that identify our record among the results. */
  fields: string[];
}

/**
 * Where to look for a create whose outcome is unknown, and which fields make it ours. drchrono has
 * no idempotency key, so after a timeout or a dropped connection we GET before sending again
 * (reliability D26). Appointments: the day in that office, matched on doctor, room, time and
 * patient. Other records: by their patient (or appointment, or recent changes), matched on every
 * field we sent, and created no earlier than our first attempt.
 */
function searchFor(entry: OutboxEntry, zone: string | null): Search | null {
  const body = entry.body;
  const bodyFields = Object.keys(body);
  switch (entry.resource) {
    case 'appointments': {
      const time = body.scheduled_time;
      if (typeof time !== 'string' || !isNaiveTimestamp(time)) return null;
      return {
        query: { date: time.slice(0, 10), office: numberOrUndefined(body.office) },
        fields: ['doctor', 'office', 'exam_room', 'scheduled_time', 'patient'],
      };
    }
    case 'patients':
      return {
        query: {
          first_name: stringOrUndefined(body.first_name),
          last_name: stringOrUndefined(body.last_name),
          date_of_birth: stringOrUndefined(body.date_of_birth),
        },
        fields: ['first_name', 'last_name', 'date_of_birth', 'gender', 'doctor'],
      };
    case 'allergies':
    case 'medications':
    case 'problems':
    case 'patient_payments':
      return { query: { patient: numberOrUndefined(body.patient) }, fields: bodyFields };
    case 'documents':
      return {
        query: { patient: numberOrUndefined(body.patient) },
        fields: ['patient', 'doctor', 'date', 'description'],
      };
    case 'line_items':
      return { query: { appointment: stringOrUndefined(body.appointment) }, fields: bodyFields };
    case 'tasks': {
      const since = entry.firstSentAt ?? entry.createdAt;
      const query = zone === null ? {} : { since: instantToWall(since - SKEW_MS, zone) };
      return { query, fields: bodyFields };
    }
  }
}

export async function lookForCreate(
  client: DrchronoClient,
  entry: OutboxEntry,
  /** The practice's zone, to read `created_at`; null when unknown (then any age matches). */
  zone: string | null,
  signal?: AbortSignal,
): Promise<Lookup> {
  const search = searchFor(entry, zone);
  if (!search) return { kind: 'absent' };
  const result = await client.list(resourcePath(entry.resource), anyRecord, search.query, {
    priority: 'user',
    ...(signal ? { signal } : {}),
  });
  if (!result.ok) return { kind: 'failed', failure: result.failure };
  const earliest =
    entry.firstSentAt === null || zone === null
      ? null
      : instantToWall(entry.firstSentAt - SKEW_MS, zone);
  const match = result.value.items.find(
    (record) =>
      record.deleted_flag !== true &&
      search.fields.every((field) => sameValue(entry.body[field], record[field])) &&
      createdNoEarlier(record, earliest),
  );
  return match ? { kind: 'found', record: match } : { kind: 'absent' };
}

function createdNoEarlier(record: Record<string, unknown>, earliest: string | null): boolean {
  if (earliest === null) return true;
  const stamp = record.created_at ?? record.updated_at;
  if (typeof stamp !== 'string' || !isNaiveTimestamp(stamp)) return true;
  return normalizeWall(stamp) >= earliest;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
