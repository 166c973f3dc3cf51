import { z } from 'zod';
import { nullableString } from './common';

/** `/api/documents`: a file in the patient's chart. `document` is a (signed, short-lived) URL. */
export const documentSchema = z.looseObject({
  id: z.int(),
  patient: z.int().nullish(),
  doctor: z.int().nullish(),
  date: nullableString,
  description: nullableString,
  document: nullableString,
  // "array of strings"; older records may hold the quoted form they were sent in.
  metatags: z.union([z.array(z.string()), z.string()]).nullish(),
  updated_at: nullableString,
});
export type DrchronoDocument = z.infer<typeof documentSchema>;

/** What the desk attaches: scans and photos of cards, and PDFs. */
export const documentTypes = {
  'image/jpeg': 'JPEG photo',
  'image/png': 'PNG image',
  'application/pdf': 'PDF',
} as const;
export type DocumentType = keyof typeof documentTypes;
export const documentTypeNames = Object.keys(documentTypes) as DocumentType[];

/**
 * A card photo from a phone or a desk scanner is well under this; a larger file is usually a
 * multi-page scan at print resolution, which drchrono stores but the desk should not be waiting on
 * (and which would sit in the encrypted outbox while offline).
 */
export const maxDocumentBytes = 5 * 1024 * 1024;

/** The type the bytes say they are (the file name and the browser's guess are not trusted). */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}

/** Why a file cannot be attached, in the desk's words; null when it can. */
export function documentProblem(file: { size: number; bytes: Uint8Array }): string | null {
  if (file.size === 0) return 'The file is empty.';
  if (file.size > maxDocumentBytes) {
    const mb = (file.size / (1024 * 1024)).toFixed(1);
    return `The file is ${mb} MB; the limit is 5 MB. Scan at a lower resolution or take the photo again.`;
  }
  if (sniffDocumentType(file.bytes) === null) {
    return 'Only JPEG or PNG images and PDF files can be attached. This file is none of those.';
  }
  return null;
}

/** Metatags travel quoted, as the reference asks for this multipart endpoint: '["a", "b"]'. */
export function quoteMetatags(tags: readonly string[]): string {
  return JSON.stringify(tags);
}

export function metatagsOf(value: DrchronoDocument['metatags']): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [value];
  }
}
