import type { ParsedRequestOf, ReplyOf } from '../../shared/contract';
import {
  allergySchema,
  medicationSchema,
  problemSchema,
  type Allergy,
  type ClinicalKind,
  type Medication,
  type Problem,
} from '../../shared/drchrono';
import { ok } from '../../shared/result';
import type { EditResource, Services } from '../app/services';
import { fieldWords, submitEdit } from './edits';
import { failed } from './errors';

/**
 * Allergies, medications and problems, the clinical domain's one service: it owns their drchrono
 * calls (read per patient; a refusal says which permission is missing) and sends every edit
 * through the outbox. The handlers only validate and call it.
 */
export interface ClinicalService {
  list(request: ParsedRequestOf<'clinical:list'>): Promise<ReplyOf<'clinical:list'>>;
  create(request: ParsedRequestOf<'clinical:create'>): Promise<ReplyOf<'clinical:create'>>;
  update(request: ParsedRequestOf<'clinical:update'>): Promise<ReplyOf<'clinical:update'>>;
}

/** Only what the clinical lists use. */
export type ClinicalDeps = Pick<Services, 'client' | 'edits' | 'events'>;

const singular: Record<ClinicalKind, string> = {
  allergies: 'allergy',
  medications: 'medication',
  problems: 'problem',
};

/** Active first (what the desk must see), then the rest; by name within each group. */
export function activeFirst<T extends { status?: string | null | undefined }>(
  records: readonly T[],
  label: (record: T) => string,
): T[] {
  const rank = (status: string | null | undefined) =>
    !status || status === 'active' ? 0 : status === 'inactive' ? 1 : 2;
  return [...records].sort(
    (a, b) => rank(a.status) - rank(b.status) || label(a).localeCompare(label(b)),
  );
}

const user = { priority: 'user' } as const;

export function createClinicalService(deps: ClinicalDeps): ClinicalService {
  return {
    async list({ kind, patientId }) {
      const byPatient = { patient: patientId };
      switch (kind) {
        case 'allergies': {
          // An allergy's description is one of the keys drchrono sends only with verbose=true.
          const read = await deps.client.list('/api/allergies', allergySchema, byPatient, {
            ...user,
            verbose: true,
          });
          if (!read.ok) return failed(read.failure, 'clinical', 'Allergies');
          const records = read.value.items.filter((r) => r.patient === patientId);
          return ok({
            kind,
            records: activeFirst<Allergy>(records, (r) => r.description ?? ''),
            skipped: read.value.skipped,
          });
        }
        case 'medications': {
          const read = await deps.client.list(
            '/api/medications',
            medicationSchema,
            byPatient,
            user,
          );
          if (!read.ok) return failed(read.failure, 'clinical', 'Medications');
          const records = read.value.items.filter((r) => r.patient === patientId);
          return ok({
            kind,
            records: activeFirst<Medication>(records, (r) => r.name ?? ''),
            skipped: read.value.skipped,
          });
        }
        case 'problems': {
          const read = await deps.client.list('/api/problems', problemSchema, byPatient, user);
          if (!read.ok) return failed(read.failure, 'clinical', 'Problems');
          const records = read.value.items.filter((r) => r.patient === patientId);
          return ok({
            kind,
            records: activeFirst<Problem>(records, (r) => r.name ?? ''),
            skipped: read.value.skipped,
          });
        }
      }
    },

    async create(request) {
      const resource: EditResource = request.kind;
      const submitted = await submitEdit(
        deps,
        {
          resource,
          op: 'create',
          body: request.record,
          summary: `Add ${singular[request.kind]} for patient ${request.record.patient}`,
        },
        'clinical',
      );
      if (!submitted.ok) return submitted;
      if (submitted.value.state === 'queued') return ok({ result: null, state: 'queued' });
      deps.events.emit('data:changed', { kinds: ['clinical'] });
      return ok({ result: parseCreated(request.kind, submitted.value.response), state: 'saved' });
    },

    async update(request) {
      const submitted = await submitEdit(
        deps,
        {
          resource: request.kind,
          op: 'update',
          targetId: String(request.id),
          body: request.changes,
          base: request.base,
          summary: `Change ${fieldWords(Object.keys(request.changes))} of ${singular[request.kind]} ${request.id}`,
        },
        'clinical',
      );
      if (!submitted.ok) return submitted;
      if (submitted.value.state === 'saved')
        deps.events.emit('data:changed', { kinds: ['clinical'] });
      return ok({ state: submitted.value.state });
    },
  };
}

function parseCreated(kind: ClinicalKind, response: unknown) {
  switch (kind) {
    case 'allergies': {
      const parsed = allergySchema.safeParse(response);
      return parsed.success ? { kind, record: parsed.data } : null;
    }
    case 'medications': {
      const parsed = medicationSchema.safeParse(response);
      return parsed.success ? { kind, record: parsed.data } : null;
    }
    case 'problems': {
      const parsed = problemSchema.safeParse(response);
      return parsed.success ? { kind, record: parsed.data } : null;
    }
  }
}
