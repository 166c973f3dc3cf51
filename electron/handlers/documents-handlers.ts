import type { DocumentsChannel } from '../documents/documents-service';
import { thinHandlers } from './thin';
import type { DomainService, HandlerGroup } from './types';

/** Thin: the dispatcher validated the request; the documents service does the rest. */
export function createDocumentsHandlers(
  documents: DomainService<DocumentsChannel>,
): HandlerGroup<DocumentsChannel> {
  return thinHandlers(documents);
}
