import { z } from 'zod';
import { channel, none } from './define';

export const recoveryChannels = {
  /**
   * After start-up found the data key damaged (`app:info.keyProblem`): moves the saved data aside,
   * unsent edits included (kept, not deleted), and starts again with a new key. Answers before
   * the restart; the window then waits for `app:info` without `keyProblem`.
   */
  'app:startFresh': channel(none, z.strictObject({ restarting: z.boolean() }), {
    whileLocked: true,
  }),
} as const;
