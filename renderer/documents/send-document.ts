import { uploadChunkChars, type FrontdeskApi, type ReplyOf } from '../../shared/contract';
import type { ChosenFile } from './chosen-file';
import { toBase64 } from './chosen-file';

/**
 * Hands the file to main in slices (IPC payloads are bounded), then asks main to attach it: main
 * checks it again and puts it in the outbox, which sends it now or when drchrono is reachable.
 */
export async function sendDocument(
  api: FrontdeskApi,
  file: ChosenFile,
  fields: {
    patientId: number;
    doctorId: number;
    date: string;
    description: string;
    metatags: string[];
  },
): Promise<ReplyOf<'documents:attach'>> {
  const base64 = toBase64(file.bytes);
  const uploadId = crypto.randomUUID();
  let chunks = 0;
  for (let at = 0; at < base64.length; at += uploadChunkChars) {
    const staged = await api.documents.stage({
      uploadId,
      index: chunks,
      chunk: base64.slice(at, at + uploadChunkChars),
    });
    if (!staged.ok) return staged;
    chunks += 1;
  }
  return api.documents.attach({
    uploadId,
    chunks,
    ...fields,
    fileName: file.name,
    type: file.type,
  });
}
