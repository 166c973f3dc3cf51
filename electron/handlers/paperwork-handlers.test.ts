import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../app/testing/fake-services';
import type { Printer } from '../app/services';
import { safeFileName } from '../platform/pdf-file-name';
import { createPaperworkHandlers } from './paperwork-handlers';

describe('print:document', () => {
  it('lets the page print itself where the host has no printer (browser host)', async () => {
    const { services } = createFakeServices();
    const handlers = createPaperworkHandlers(services);
    const reply = await handlers['print:document']({ action: 'pdf', title: 'Day sheet' }, services);
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
    const desktop = { ...services, platform: { ...services.platform, printer } };
    const handlers = createPaperworkHandlers(desktop);
    const printed = await handlers['print:document']({ action: 'print', title: 'x' }, desktop);
    const saved = await handlers['print:document']({ action: 'pdf', title: 'Day sheet' }, desktop);
    const cancelled = await handlers['print:document']({ action: 'pdf', title: 'cancel' }, desktop);
    expect(asked).toEqual(['print', 'pdf:Day sheet', 'pdf:cancel']);
    expect(printed.ok && printed.value).toEqual({
      handledBy: 'main',
      savedTo: null,
      cancelled: false,
    });
    expect(saved.ok && saved.value.savedTo).toBe('/home/desk/Day sheet.pdf');
    expect(cancelled.ok && cancelled.value.cancelled).toBe(true);
  });

  it('names the PDF without path separators or control characters', () => {
    expect(safeFileName('Day sheet 2026-12-07 · Main/Exam 2')).toBe(
      'Day sheet 2026-12-07 - Main - Exam 2',
    );
    expect(safeFileName('../../etc\u0000')).toBe('.. - .. - etc');
    expect(safeFileName('')).toBe('Frontdesk');
  });
});
