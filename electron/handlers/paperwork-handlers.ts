import type { DomainService } from '../app/domain-service';
import type { PaperworkChannel } from '../paperwork/desk-paperwork';
import { thinHandlers } from './thin';
import type { HandlerGroup } from './types';

/**
 * Thin: the dispatcher validated the request; the desk's paperwork (paperwork/desk-paperwork.ts)
 * and printing (paperwork/print-service.ts) do the rest.
 */
export function createPaperworkHandlers(
  paperwork: DomainService<PaperworkChannel>,
  print: DomainService<'print:document'>,
): HandlerGroup<PaperworkChannel | 'print:document'> {
  return { ...thinHandlers(paperwork), ...thinHandlers(print) };
}
