import { writeFile } from 'node:fs/promises';
import { dialog, type BrowserWindow } from 'electron';
import type { Printer } from '../app/services';
import { safeFileName } from './pdf-file-name';

/**
 * Printing for the desktop app: the window's own print dialog, and "Save as PDF" through
 * `webContents.printToPDF` and a save dialog. Both print the page's print layout (print CSS), so
 * what comes out is the paper view, never the screen with its navigation.
 */
export function createElectronPrinter(window: () => BrowserWindow | null): Printer {
  return {
    print() {
      const win = window();
      if (!win) return Promise.resolve({ cancelled: true });
      return new Promise((resolve) => {
        win.webContents.print({ printBackground: true }, (success) => {
          resolve({ cancelled: !success });
        });
      });
    },
    async savePdf(title) {
      const win = window();
      if (!win) return { savedTo: null };
      const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'Letter' });
      const choice = await dialog.showSaveDialog(win, {
        title: 'Save as PDF',
        defaultPath: `${safeFileName(title)}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (choice.canceled || !choice.filePath) return { savedTo: null };
      await writeFile(choice.filePath, pdf, { mode: 0o600 });
      return { savedTo: choice.filePath };
    },
  };
}
