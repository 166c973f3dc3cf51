import { useCallback, useState } from 'react';
import { useFrontdesk } from '../bridge';
import { errorToast, useToast } from '../ui';

/**
 * Prints the screen's print layout. Main prints when its host can (the desktop app's print dialog
 * and "Save as PDF"); otherwise the page uses the browser's own print, whose dialog also saves PDF.
 */
export function usePrint(): {
  print: (action: 'print' | 'pdf', title: string) => Promise<void>;
  busy: boolean;
} {
  const api = useFrontdesk();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const print = useCallback(
    async (action: 'print' | 'pdf', title: string) => {
      setBusy(true);
      try {
        const reply = await api.print.document({ action, title });
        if (!reply.ok) {
          const what = action === 'pdf' ? 'save the PDF' : 'print';
          toast(
            errorToast({ ...reply.error, message: `Could not ${what}: ${reply.error.message}` }),
          );
          return;
        }
        if (reply.value.handledBy === 'renderer') {
          const before = document.title;
          // The browser names its PDF after the page title.
          document.title = title;
          window.print();
          document.title = before;
          return;
        }
        if (reply.value.savedTo)
          toast({ kind: 'success', message: `Saved as ${reply.value.savedTo}` });
      } finally {
        setBusy(false);
      }
    },
    [api, toast],
  );
  return { print, busy };
}
