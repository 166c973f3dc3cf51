import { z } from 'zod';

/**
 * The `tokens` document in the SecureStore. It records which application and server issued the
 * tokens, so changing the connection settings never sends one client's tokens to another.
 */
export const profileSchema = z.strictObject({
  user: z.strictObject({
    id: z.int(),
    username: z.string(),
    isDoctor: z.boolean(),
    isStaff: z.boolean(),
  }),
  practiceName: z.string().nullable(),
  /** drchrono's practice group id: the outbox and cache belong to one (absent in older files). */
  practiceGroup: z.int().nullable().optional(),
});
export type AuthProfile = z.infer<typeof profileSchema>;

export const tokenDocumentSchema = z.strictObject({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresAt: z.number(),
  scope: z.string().nullable(),
  clientId: z.string(),
  baseUrl: z.string(),
  profile: profileSchema.nullable(),
});
export type TokenDocument = z.infer<typeof tokenDocumentSchema>;

export const TOKENS_DOCUMENT = 'tokens';
