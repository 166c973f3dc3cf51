import { describe, expect, it } from 'vitest';
import type { Printer } from '../app/services';
import { createFakeServices } from '../app/testing/fake-services';
import { createPrintService } from './print-service';

describe('print:document', () => {
  it('lets the page print itself where the host has no printer (browser host)', async () => {
    const { services } = createFakeServices();
    const print = createPrintService(services);
    const reply = await print['print:document']({ action: 'pdf', title: 'Day sheet' });
    expect(reply).toEqual({
      ok: true,
      value: { handledBy: 'renderer', savedTo: null, cancelled: false },
    });
  });

  it("uses the platform's printer for the print dialog and Save as PDF (desktop)", async () => {
    const { services } = createFakeServices();
    const asked: string[] = [];
    const printer: Printer = {
      print: () => {
        asked.push('print');
        return Promise.resolve({ cancelled: false });
      },
      savePdf: (title) => {
        asked.push(`pdf:${title}`);
        return Promise.resolve({ savedTo: title === 'cancel' ? null : `/home/desk/${title}.pdf` });
      },
    };
    const print = createPrintService({ platform: { ...services.platform, printer } });
    const printed = await print['print:document']({ action: 'print', title: 'x' });
    const saved = await print['print:document']({ action: 'pdf', title: 'Day sheet' });
    const cancelled = await print['print:document']({ action: 'pdf', title: 'cancel' });
    expect(asked).toEqual(['print', 'pdf:Day sheet', 'pdf:cancel']);
    expect(printed.ok && printed.value).toEqual({
      handledBy: 'main',
      savedTo: null,
      cancelled: false,
    });
    expect(saved.ok && saved.value.savedTo).toBe('/home/desk/Day sheet.pdf');
    expect(cancelled.ok && cancelled.value.cancelled).toBe(true);
  });
});
