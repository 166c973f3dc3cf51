import {
  customDemographicFieldSchema,
  insurancePayerSchema,
  patientSchema,
  type Patient,
  type PatientSummary,
} from '../../../shared/drchrono';
import { err, ok } from '../../../shared/result';
import { isNaiveTimestamp, wallToUtcMs } from '../../../shared/time/practice-time';
import type { Services } from '../../app/services';
import type { HandlerGroup } from '../types';
import { fieldWords, submitEdit } from '../../records/edits';
import { failed } from '../../records/errors';
import { needsMerge, patientPatchBody } from '../../records/insurance-merge';
import { readRecordList } from '../../records/record-lists';
import type { RecordsState } from '../../records/state';

type PatientChannels =
  | 'patients:search'
  | 'patients:get'
  | 'patients:create'
  | 'patients:update'
  | 'patients:customFields'
  | 'insurances:search';

const inFull = { state: 'available', reason: null, skipped: 0, detail: null } as const;

/** The insurance merge reads the server's card when our copy is older than this. */
const mergeFreshMs = 60_000;

const summaryKeys = [
  'id',
  'first_name',
  'last_name',
  'date_of_birth',
  'gender',
  'doctor',
  'chart_id',
  'cell_phone',
  'home_phone',
  'email',
  'updated_at',
] as const;

/** Only the roster's fields: the full record (SSN, insurance) never reaches the roster cache. */
function summaryOf(patient: Patient): PatientSummary {
  const summary: Record<string, unknown> = {};
  for (const key of summaryKeys) if (patient[key] !== undefined) summary[key] = patient[key];
  return summary as PatientSummary;
}

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

function remember(state: RecordsState, services: Services, patient: Patient): void {
  state.patients.set(patient.id, patient);
  services.roster.upsert(summaryOf(patient));
}

export function patientHandlers(state: RecordsState): HandlerGroup<PatientChannels> {
  return {
    'patients:search': (query, s) => s.roster.search(query),

    'patients:get': async ({ id }, s) => {
      const recent = state.patients.get(id);
      if (recent && !rosterIsNewer(s.roster.briefs([id])[String(id)], recent)) {
        return ok({ patient: recent });
      }
      const read = await s.client.get(
        path(id),
        patientSchema,
        { verbose: true },
        {
          priority: 'user',
        },
      );
      if (!read.ok) {
        // drchrono unreachable: the copy read earlier still beats an empty screen.
        const earlier = read.failure.kind === 'network' ? state.patients.stale(id) : undefined;
        return earlier ? ok({ patient: earlier }) : failed(read.failure, 'patients');
      }
      remember(state, s, read.value);
      return ok({ patient: read.value });
    },

    'patients:create': async ({ patient }, s) => {
      const submitted = await submitEdit(
        s,
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
      if (created.success) s.roster.upsert(summaryOf(created.data));
      s.events.emit('data:changed', {
        kinds: ['patients'],
        ...(created.success ? { patients: [created.data.id] } : {}),
      });
      return ok({ patient: created.success ? created.data : null, state: 'saved' });
    },

    'patients:update': async ({ id, changes, base }, s) => {
      let current = state.patients.get(id, mergeFreshMs);
      if (!current && needsMerge(changes)) {
        const read = await s.client.get(
          path(id),
          patientSchema,
          { verbose: true },
          {
            priority: 'user',
          },
        );
        if (read.ok) {
          current = read.value;
          state.patients.set(id, current);
        } else {
          // Offline: the copy the form was opened from is the best knowledge of the other keys.
          current = state.patients.stale(id);
          if (!current) return failed(read.failure, 'patients');
        }
      }
      current ??= state.patients.stale(id);
      const body = patientPatchBody(changes, current ?? null);
      const who = current ?? s.roster.briefs([id])[String(id)];
      const submitted = await submitEdit(
        s,
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
        if (patient) remember(state, s, patient);
        else state.patients.delete(id);
        s.events.emit('data:changed', { kinds: ['patients'], patients: [id] });
      } else if (patient) {
        // Queued: the desk sees what it typed until the outbox delivers it.
        state.patients.set(id, patient);
      }
      return ok({ patient, state: submitted.value.state });
    },

    'patients:customFields': async (_request, s) => {
      const recent = state.customFields.get('all');
      if (recent) return ok({ fields: recent, availability: inFull });
      // The practice's own fields are optional: without them the patient form still works.
      const read = await readRecordList(
        s,
        'patients',
        'Custom demographics',
        '/api/custom_demographics',
        customDemographicFieldSchema,
        {},
        { priority: 'user' },
      );
      if (!read.ok) return read;
      const fields = read.items.filter((f) => f.archived !== true);
      if (read.availability.state === 'available') state.customFields.set('all', fields);
      return ok({ fields, availability: read.availability });
    },

    'insurances:search': async ({ payerType, term }, s) => {
      if (term.trim().length < 2) {
        return err('invalid_input', 'Type at least two letters of the payer’s name, ID or state.');
      }
      const read = await s.client.list(
        '/api/insurances',
        insurancePayerSchema,
        { payer_type: payerType, term: term.trim() },
        { priority: 'user', maxPages: 1, pageSize: 50 },
      );
      if (!read.ok) return failed(read.failure, 'insurance');
      return ok(read.value.items);
    },
  };
}
