import { ok } from '../../shared/result';
import type { DomainService } from '../app/domain-service';
import type { Services } from '../app/services';

/** Only what printing uses. */
export type PrintDeps = Pick<Services, 'platform'>;

/**
 * `print:document`: the desktop app's print dialog and Save as PDF through the platform's printer;
 * where the host has none (the browser host), the page prints itself.
 */
export function createPrintService(deps: PrintDeps): DomainService<'print:document'> {
  return {
    'print:document': async ({ action, title }) => {
      const printer = deps.platform.printer;
      if (!printer) return ok({ handledBy: 'renderer', savedTo: null, cancelled: false });
      if (action === 'print') {
        const printed = await printer.print();
        return ok({ handledBy: 'main', savedTo: null, cancelled: printed.cancelled });
      }
      const saved = await printer.savePdf(title);
      return ok({ handledBy: 'main', savedTo: saved.savedTo, cancelled: saved.savedTo === null });
    },
  };
}
