import type { documentsChannels } from '../../shared/contract/documents-channels';
import {
  documentProblem,
  documentSchema,
  quoteMetatags,
  sniffDocumentType,
} from '../../shared/drchrono';
import { err, ok } from '../../shared/result';
import type { Services } from '../app/services';
import type { DomainService } from '../app/domain-service';
import { submitEdit } from '../records/edits';
import { failed } from '../records/errors';
import { fileNameOf, toDocumentView } from './document-view';
import { StagedUploads } from './staged-uploads';

export type DocumentsChannel = keyof typeof documentsChannels;

/** Only what documents use. */
export type DocumentsDeps = Pick<
  Services,
  'auth' | 'client' | 'clock' | 'edits' | 'events' | 'paperwork' | 'roster'
>;

const user = { priority: 'user' } as const;

/**
 * A patient's documents, the domain's one service: listed by patient, opened through main (the
 * file's signed link never reaches the renderer), attached through the outbox like every other
 * write. Staged uploads are held in memory and dropped at sign-out.
 */
export function createDocumentsService(deps: DocumentsDeps): DomainService<DocumentsChannel> {
  const staged = new StagedUploads(() => deps.clock.now());
  deps.auth.onChange((status) => {
    if (status.state !== 'signed-in') staged.clear();
  });
  return {
    'documents:list': async ({ patientId }) => {
      const listed = await deps.client.list(
        '/api/documents',
        documentSchema,
        { patient: patientId },
        user,
      );
      if (!listed.ok) return failed(listed.failure, 'patients', 'Documents');
      const documents = listed.value.items
        .filter((d) => d.patient === undefined || d.patient === null || d.patient === patientId)
        .map(toDocumentView)
        .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id);
      return ok({ documents });
    },

    'documents:stage': async ({ uploadId, index, chunk }) =>
      Promise.resolve(staged.add(uploadId, index, chunk)),

    'documents:attach': async (request) => {
      const bytes = staged.take(request.uploadId, request.chunks);
      if (!bytes.ok) return bytes;
      const problem = documentProblem({ size: bytes.value.byteLength, bytes: bytes.value });
      if (problem) return err('invalid_input', problem, { fields: { document: problem } });
      const type = sniffDocumentType(bytes.value) ?? request.type;
      const patient = deps.roster.briefs([request.patientId])[String(request.patientId)];
      const who = patient
        ? [patient.first_name, patient.last_name].filter(Boolean).join(' ')
        : `patient ${String(request.patientId)}`;
      const submitted = await submitEdit(
        deps,
        {
          resource: 'documents',
          op: 'create',
          body: {
            doctor: request.doctorId,
            patient: request.patientId,
            date: request.date,
            description: request.description,
            metatags: quoteMetatags(request.metatags),
          },
          file: {
            name: request.fileName,
            type,
            base64: Buffer.from(bytes.value).toString('base64'),
          },
          summary: `Attach “${request.description}” to ${who}`,
        },
        'patients',
      );
      if (!submitted.ok) return submitted;
      if (submitted.value.state === 'queued') return ok({ document: null, state: 'queued' });
      deps.events.emit('data:changed', { kinds: ['documents'], patients: [request.patientId] });
      const created = documentSchema.safeParse(submitted.value.response);
      return ok({
        document: created.success ? toDocumentView(created.data) : null,
        state: 'saved',
      });
    },

    'documents:open': async ({ id }) => {
      // A fresh record: the file link in it is signed and short-lived.
      const record = await deps.client.get(
        `/api/documents/${String(id)}`,
        documentSchema,
        undefined,
        user,
      );
      if (!record.ok) return failed(record.failure, 'patients');
      const url = record.value.document;
      if (!url) return err('not_found', 'drchrono has no file for this document.');
      const file = await deps.paperwork.files.fetch(url);
      if (!file.ok) return file;
      return ok({
        fileName: fileNameOf(record.value),
        type: sniffDocumentType(file.value.bytes) ?? file.value.type,
        base64: Buffer.from(file.value.bytes).toString('base64'),
      });
    },
  };
}
