import { documentProblem, sniffDocumentType, type DocumentType } from '../../shared/drchrono';

export interface ChosenFile {
  name: string;
  type: DocumentType;
  size: number;
  bytes: Uint8Array;
  /** For the preview: a data: URL (the page's policy allows data: images, not blob:). */
  preview: string | null;
}

/**
 * Reads a picked or photographed file and checks it before anything is sent: size, and the type
 * its bytes show (a renamed file or a HEIC photo is caught here, with a message that says what to
 * do). Returns the message instead of the file when it cannot be attached.
 */
export async function readChosenFile(
  file: Blob,
  name: string,
): Promise<{ ok: true; file: ChosenFile } | { ok: false; message: string }> {
  // The size first: a huge file is refused without being read into memory.
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const early = documentProblem({ size: file.size, bytes: head });
  if (early) return { ok: false, message: `“${name}” cannot be attached: ${early}` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffDocumentType(bytes);
  if (type === null) return { ok: false, message: `“${name}” is not a JPEG, PNG or PDF file.` };
  const base64 = toBase64(bytes);
  return {
    ok: true,
    file: {
      name,
      type,
      size: file.size,
      bytes,
      preview: type === 'application/pdf' ? null : `data:${type};base64,${base64}`,
    },
  };
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary);
}

export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
