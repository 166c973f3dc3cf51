import type { AppError, Err } from '../../shared/result';
import { failureToAppError, failureToErr, fieldErrorsOf } from '../drchrono/errors';
import type { ApiFailure } from '../drchrono/types';

/**
 * What a failed call means for sync and for the outbox. drchrono's answers fall into three
 * families, and the outbox treats each differently (reliability D27–D29):
 * - `definite`: drchrono looked at the request and said no (400/403/404/409). Retrying the same
 *   request cannot help; the user must see it.
 * - `transient`: the request may succeed later (network, timeouts, 5xx, 429, our own budget,
 *   an expired session). Retried with backoff; nothing is dropped.
 */
export type FailureFamily = 'definite' | 'transient';

export function failureFamily(failure: ApiFailure): FailureFamily {
  if (failure.kind === 'http') {
    return failure.status >= 400 && failure.status < 500 && failure.status !== 429
      ? 'definite'
      : 'transient';
  }
  return failure.kind === 'redirect_refused' ? 'definite' : 'transient';
}

/** A transport failure: what counts towards going offline on our own. */
export function isTransportFailure(failure: ApiFailure): boolean {
  return failure.kind === 'network';
}

/** How long drchrono (or our own budget) asked us to wait, if it did. */
export function waitHintMs(failure: ApiFailure): number | null {
  if (failure.kind === 'rate_limited') return Math.max(1, failure.retryAfterSeconds) * 1000;
  if (failure.kind === 'budget') return Math.max(0, failure.retryAfterMs);
  return null;
}

/**
 * drchrono's error body as one sentence for an outbox entry no form is showing, with each field
 * named ("email: Enter a valid email."); `fields` are the same paths forms map onto their inputs.
 */
export function drchronoMessage(body: unknown): {
  message: string | null;
  fields: Record<string, string>;
} {
  if (typeof body === 'string') return { message: body.trim() || null, fields: {} };
  const { fields, general } = fieldErrorsOf(body);
  const named = Object.entries(fields).map(
    ([path, text]) => `${path.replace(/\./g, ' ').replace(/_/g, ' ')}: ${text}`,
  );
  const messages = [...general, ...named];
  return { message: messages.length > 0 ? messages.join(' ') : null, fields };
}

/** A failure as the UI sees it (`AppError`): one translation for sync, outbox and handlers. */
export const toAppError = (failure: ApiFailure): AppError => failureToAppError(failure);

export const toErr = (failure: ApiFailure): Err => failureToErr(failure);
