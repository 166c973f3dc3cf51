import { z } from 'zod';

/**
 * Errors cross every boundary (IPC, HTTP host, services) as values, never as thrown exceptions:
 * `ipcMain.handle` would keep only a thrown error's message, and the UI needs the code and the
 * field errors to put messages next to the right inputs.
 */
export const errorCodes = [
  'invalid_input', // our own validation, before anything was sent
  'rejected', // drchrono answered 400: the fields it named are in `fields`
  'unauthenticated', // no session, or it could not be refreshed: sign in again
  'forbidden', // 403: a missing permission or scope
  'not_found',
  'conflict', // 409 overlap, or someone else changed the record
  'rate_limited', // the practice's hourly quota is spent; `retryAfterSeconds` says how long
  'offline', // the network or drchrono is unreachable; the edit may be queued
  'server', // drchrono failed (5xx) or answered something we could not read
  'locked', // the idle lock is on: unlock first
  'not_supported', // drchrono refuses the method (e.g. writes to /api/tasks)
  'unsent_edits', // sign-out would delete edits the outbox has not sent
  'not_configured', // credentials missing
  'cancelled',
  'unknown_channel',
  'forbidden_sender',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const slotSchema = z.strictObject({
  start: z.string(),
  end: z.string(),
  examRoom: z.int(),
});
export type Slot = z.infer<typeof slotSchema>;

export const appErrorSchema = z.strictObject({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Field name → message, for messages next to inputs. Nested fields use dots: `primary_insurance.insurance_id_number`. */
  fields: z.record(z.string(), z.string()).optional(),
  /** For `conflict` on appointments: what it clashes with and where there is room instead. */
  conflict: z
    .strictObject({
      appointmentId: z.string().nullable(),
      label: z.string().nullable(),
      nearestFree: z.array(slotSchema),
    })
    .optional(),
  retryAfterSeconds: z.number().optional(),
  /** For `unsent_edits`. */
  unsentCount: z.int().optional(),
  /** drchrono's HTTP status, when the error came from drchrono. */
  status: z.int().optional(),
  /**
   * What failed, for the "Details" line and a support request: the call and what drchrono said,
   * e.g. `GET /api/patient_payments?… → 403 · needs scope billing:patient-payment:read`. Built from
   * redacted parts only (a path template, status, scope and field names): never a value.
   */
  detail: z.string().max(500).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; error: AppError };
export type Result<T> = Ok<T> | Err;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err(
  code: ErrorCode,
  message: string,
  extra: Omit<AppError, 'code' | 'message'> = {},
): Err {
  return { ok: false, error: { code, message, ...extra } };
}

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: appErrorSchema }),
  ]);
}
