import type { DocumentView } from '../../shared/contract';
import { metatagsOf, type DrchronoDocument } from '../../shared/drchrono';

/** A drchrono document as the Documents tab shows it: no file link, which stays in main. */
export function toDocumentView(d: DrchronoDocument): DocumentView {
  return {
    id: d.id,
    date: d.date ?? null,
    description: d.description ?? '',
    metatags: metatagsOf(d.metatags),
    fileName: fileNameOf(d),
    updatedAt: d.updated_at ?? null,
  };
}

export function fileNameOf(d: DrchronoDocument): string {
  if (d.document) {
    try {
      const last = new URL(d.document).pathname.split('/').filter(Boolean).at(-1);
      if (last) return decodeURIComponent(last);
    } catch {
      // Not a URL: fall through to a made-up name.
    }
  }
  return `document-${String(d.id)}`;
}
