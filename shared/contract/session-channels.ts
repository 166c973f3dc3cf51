import { z } from 'zod';
import { channel, none, shortText } from './define';
import {
  appInfoSchema,
  authStatusSchema,
  connectionSettingsSchema,
  lockStatusSchema,
  prefsPatchSchema,
  prefsSchema,
} from './models';

export const sessionChannels = {
  'app:info': channel(none, appInfoSchema, { whileLocked: true }),

  'auth:status': channel(none, authStatusSchema, { whileLocked: true }),
  /**
   * Starts the OAuth code flow. In the desktop app main opens the authorize page itself (system
   * browser; an app window for the demo practice); in the browser host the page navigates there.
   * The result arrives as an `auth:changed` event.
   */
  'auth:signIn': channel(
    none,
    z.strictObject({
      authorizeUrl: z.string(),
      openedBy: z.enum(['main', 'renderer']),
    }),
  ),
  'auth:cancel': channel(none, authStatusSchema),
  /** Refused with `unsent_edits` while the outbox holds edits, unless the user agreed to discard them. */
  'auth:signOut': channel(
    z.strictObject({ discardUnsent: z.boolean().optional() }),
    authStatusSchema,
    {
      whileLocked: true,
    },
  ),

  'settings:getConnection': channel(none, connectionSettingsSchema),
  'settings:saveConnection': channel(
    z.strictObject({
      clientId: z.string().trim().min(1, 'Enter the client ID').max(200),
      /** Omitted: keep the stored secret. */
      clientSecret: z.string().min(1).max(500).optional(),
      redirectUri: z
        .url({ protocol: /^https?$/, error: 'A redirect URI starting with http:// or https://' })
        .max(500),
      baseUrl: z
        .url({ protocol: /^https?$/ })
        .max(500)
        .optional(),
    }),
    connectionSettingsSchema,
  ),
  'settings:clearConnection': channel(none, connectionSettingsSchema),

  'prefs:get': channel(none, prefsSchema),
  'prefs:set': channel(prefsPatchSchema, prefsSchema),

  'lock:status': channel(none, lockStatusSchema, { whileLocked: true }),
  'lock:lock': channel(none, lockStatusSchema, { whileLocked: true }),
  /** With a PIN set, the PIN unlocks; without one, the user signs in again. */
  'lock:unlock': channel(
    z.strictObject({ pin: z.string().regex(/^\d{4,12}$/, '4 to 12 digits') }),
    lockStatusSchema,
    {
      whileLocked: true,
    },
  ),
  'lock:setPin': channel(
    z.strictObject({
      pin: z.string().regex(/^\d{4,12}$/, '4 to 12 digits'),
      currentPin: z.string().max(12).optional(),
    }),
    lockStatusSchema,
  ),
  /** The renderer reports user input so the idle lock knows the desk is in use (browser host). */
  'lock:activity': channel(none, z.strictObject({}), { whileLocked: true }),
  'lock:signInToUnlock': channel(
    none,
    z.strictObject({ authorizeUrl: z.string(), openedBy: z.enum(['main', 'renderer']) }),
    {
      whileLocked: true,
    },
  ),
  'app:log': channel(
    z.strictObject({ level: z.enum(['info', 'warn', 'error']), message: shortText }),
    z.strictObject({}),
    { whileLocked: true },
  ),
} as const;
