import { z } from 'zod';
import { channel, none } from './define';

export const diagnosticsChannels = {
  /**
   * The text of Settings → Help → "Copy diagnostic report": versions, mode, the calls drchrono
   * refused, the last 200 lines of the diagnostic log. Carries no patient data by construction.
   */
  'diagnostics:report': channel(
    none,
    z.strictObject({
      text: z.string(),
      /** Log lines included (at most 200). */
      logLines: z.int(),
    }),
  ),
} as const;
