import { z } from 'zod';

/**
 * A channel is a request schema and a response schema. Requests are strict objects (unknown keys
 * are refused, strings are bounded) because they come from the renderer, which main never trusts.
 * Responses travel the other way and are typed from the same schemas.
 */
export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
  /** Channels that still answer while the idle lock is on (they carry no PHI). */
  readonly whileLocked?: boolean;
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
  options: { whileLocked?: boolean } = {},
): ChannelDef<Req, Res> {
  return { request, response, ...options };
}

/** The empty request. */
export const none = z.strictObject({});

/** Bounded strings: nothing from the renderer is unbounded. */
export const shortText = z.string().max(200);
export const longText = z.string().max(10_000);
export const id = z
  .int()
  .positive()
  .max(2 ** 53 - 1);
export const appointmentId = z.string().min(1).max(64);
