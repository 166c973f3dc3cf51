import type { ParsedRequestOf, ReplyOf } from '../../shared/contract';
import {
  customDemographicFieldSchema,
  insurancePayerSchema,
  patientSchema,
  type Patient,
  type PatientSummary,
} from '../../shared/drchrono';
import { err, ok } from '../../shared/result';
import { isNaiveTimestamp, wallToUtcMs } from '../../shared/time/practice-time';
import type { Services } from '../app/services';
import { rosterFieldsOf } from '../sync/desk-fields';
import { fieldWords, submitEdit } from './edits';
import { failed } from './errors';
import { needsMerge, patientPatchBody } from './insurance-merge';
import { readRecordList } from './record-lists';
import type { RecordsState } from './state';

/**
 * Patients and their insurance, the domain's one service: it owns the patient calls (the full
 * record read verbose and kept a minute, served from the earlier copy when drchrono is out of
 * reach; the practice's custom fields; the payer search), lays insurance edits over the server's
 * card, sends every edit through the outbox and keeps the roster current. The handlers only
 * validate and call it.
 */
export interface PatientService {
  /** The roster's search (cache first, drchrono on request). */
  search(query: ParsedRequestOf<'patients:search'>): Promise<ReplyOf<'patients:search'>>;
  get(id: number): Promise<ReplyOf<'patients:get'>>;
  create(
    patient: ParsedRequestOf<'patients:create'>['patient'],
  ): Promise<ReplyOf<'patients:create'>>;
  update(request: ParsedRequestOf<'patients:update'>): Promise<ReplyOf<'patients:update'>>;
  customFields(): Promise<ReplyOf<'patients:customFields'>>;
  searchPayers(
    request: ParsedRequestOf<'insurances:search'>,
  ): Promise<ReplyOf<'insurances:search'>>;
}

/** Only what patients and insurance use. */
export type PatientDeps = Pick<Services, 'client' | 'capabilities' | 'edits' | 'events' | 'roster'>;

const user = { priority: 'user' } as const;
const inFull = { state: 'available', reason: null, skipped: 0, detail: null } as const;

/** The insurance merge reads the server's card when our copy is older than this. */
const mergeFreshMs = 60_000;

function nameOf(patient: { first_name?: string | null; last_name?: string | null } | undefined) {
  const name = [patient?.first_name, patient?.last_name].filter(Boolean).join(' ');
  return name || 'a patient';
}

/** The roster's `since` poll saw a later version than the copy main read a moment ago. */
function rosterIsNewer(brief: PatientSummary | undefined, read: Patient): boolean {
  const seen = brief?.updated_at;
  const had = read.updated_at;
  if (typeof seen !== 'string' || typeof had !== 'string') return false;
  if (!isNaiveTimestamp(seen) || !isNaiveTimestamp(had)) return false;
  return wallToUtcMs(seen) > wallToUtcMs(had);
}

function path(id: number): string {
  return `/api/patients/${id}`;
}

export function createPatientService(state: RecordsState, deps: PatientDeps): PatientService {
  const remember = (patient: Patient): void => {
    state.patients.set(patient.id, patient);
    deps.roster.upsert(rosterFieldsOf(patient));
  };
  const read = (id: number) => deps.client.get(path(id), patientSchema, { verbose: true }, user);

  return {
    search: (query) => deps.roster.search(query),

    async get(id) {
      const recent = state.patients.get(id);
      if (recent && !rosterIsNewer(deps.roster.briefs([id])[String(id)], recent)) {
        return ok({ patient: recent });
      }
      const fresh = await read(id);
      if (!fresh.ok) {
        // drchrono unreachable: the copy read earlier still beats an empty screen.
        const earlier = fresh.failure.kind === 'network' ? state.patients.stale(id) : undefined;
        return earlier ? ok({ patient: earlier }) : failed(fresh.failure, 'patients');
      }
      remember(fresh.value);
      return ok({ patient: fresh.value });
    },

    async create(patient) {
      const submitted = await submitEdit(
        deps,
        {
          resource: 'patients',
          op: 'create',
          body: patient,
          summary: `New patient ${nameOf(patient)}`,
        },
        'patients',
      );
      if (!submitted.ok) return submitted;
      if (submitted.value.state === 'queued') return ok({ patient: null, state: 'queued' });
      const created = patientSchema.safeParse(submitted.value.response);
      // Only the roster learns it: a POST answers without the verbose keys (insurance, custom
      // demographics), so the detail screen reads the full record afresh.
      if (created.success) deps.roster.upsert(rosterFieldsOf(created.data));
      deps.events.emit('data:changed', {
        kinds: ['patients'],
        ...(created.success ? { patients: [created.data.id] } : {}),
      });
      return ok({ patient: created.success ? created.data : null, state: 'saved' });
    },

    async update({ id, changes, base }) {
      let current = state.patients.get(id, mergeFreshMs);
      if (!current && needsMerge(changes)) {
        const fresh = await read(id);
        if (fresh.ok) {
          current = fresh.value;
          state.patients.set(id, current);
        } else {
          // Offline: the copy the form was opened from is the best knowledge of the other keys.
          current = state.patients.stale(id);
          if (!current) return failed(fresh.failure, 'patients');
        }
      }
      current ??= state.patients.stale(id);
      const body = patientPatchBody(changes, current ?? null);
      const who = current ?? deps.roster.briefs([id])[String(id)];
      const submitted = await submitEdit(
        deps,
        {
          resource: 'patients',
          op: 'update',
          targetId: String(id),
          body,
          base,
          summary: `Change ${fieldWords(Object.keys(changes))} of ${nameOf(who)}`,
        },
        'patients',
      );
      if (!submitted.ok) return submitted;
      const merged = current ? patientSchema.safeParse({ ...current, ...body }) : null;
      const patient = merged?.success ? merged.data : null;
      if (submitted.value.state === 'saved') {
        if (patient) remember(patient);
        else state.patients.delete(id);
        deps.events.emit('data:changed', { kinds: ['patients'], patients: [id] });
      } else if (patient) {
        // Queued: the desk sees what it typed until the outbox delivers it.
        state.patients.set(id, patient);
      }
      return ok({ patient, state: submitted.value.state });
    },

    async customFields() {
      const recent = state.customFields.get('all');
      if (recent) return ok({ fields: recent, availability: inFull });
      // The practice's own fields are optional: without them the patient form still works.
      const read = await readRecordList(
        deps,
        'patients',
        'Custom demographics',
        '/api/custom_demographics',
        customDemographicFieldSchema,
        {},
        user,
      );
      if (!read.ok) return read;
      const fields = read.items.filter((f) => f.archived !== true);
      if (read.availability.state === 'available') state.customFields.set('all', fields);
      return ok({ fields, availability: read.availability });
    },

    async searchPayers({ payerType, term }) {
      if (term.trim().length < 2) {
        return err('invalid_input', 'Type at least two letters of the payer’s name, ID or state.');
      }
      const read = await deps.client.list(
        '/api/insurances',
        insurancePayerSchema,
        { payer_type: payerType, term: term.trim() },
        { ...user, maxPages: 1, pageSize: 50 },
      );
      if (!read.ok) return failed(read.failure, 'insurance');
      return ok(read.value.items);
    },
  };
}
