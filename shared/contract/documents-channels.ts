import { z } from 'zod';
import { documentTypeNames, isoDate } from '../drchrono';
import { channel, id, shortText } from './define';
import { writeStateSchema } from './models';

/** A document as the renderer sees it: no URL (a signed link is a credential; main fetches). */
export const documentViewSchema = z.strictObject({
  id: z.int(),
  date: z.string().nullable(),
  description: z.string(),
  metatags: z.array(z.string()),
  fileName: z.string(),
  updatedAt: z.string().nullable(),
});
export type DocumentView = z.infer<typeof documentViewSchema>;

/** One slice of an upload: IPC payloads are bounded, a card photo is not that small. */
export const uploadChunkChars = 160_000;
const uploadId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

export const documentsChannels = {
  'documents:list': channel(
    z.strictObject({ patientId: id }),
    z.strictObject({ documents: z.array(documentViewSchema) }),
  ),
  /** Hands main one base64 slice of a file to attach; `documents:attach` then sends it. */
  'documents:stage': channel(
    z.strictObject({
      uploadId,
      index: z.int().min(0).max(100),
      chunk: z
        .string()
        .max(uploadChunkChars)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
    z.strictObject({ received: z.int() }),
  ),
  /** Through the outbox (queued while offline); size and type are checked again in main. */
  'documents:attach': channel(
    z.strictObject({
      uploadId,
      chunks: z.int().min(1).max(100),
      patientId: id,
      doctorId: id,
      date: isoDate,
      description: z.string().trim().min(1).max(200),
      metatags: z.array(z.string().trim().min(1).max(50)).max(10),
      fileName: shortText,
      type: z.enum(documentTypeNames),
    }),
    z.strictObject({ document: documentViewSchema.nullable(), state: writeStateSchema }),
  ),
  /** The file's bytes (main fetches the signed URL: no token or link reaches the renderer). */
  'documents:open': channel(
    z.strictObject({ id }),
    z.strictObject({ fileName: z.string(), type: z.string(), base64: z.string() }),
  ),
} as const;
