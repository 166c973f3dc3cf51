import { err, type AppError, type Err } from '../../shared/result';
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
 * drchrono's error bodies are DRF style: `{"detail": "..."}`, `{"field": ["message"]}` or
 * `{"non_field_errors": [...]}`. Turns them into one readable sentence plus per-field messages.
 */
export function drchronoMessage(body: unknown): {
  message: string | null;
  fields: Record<string, string>;
} {
  const fields: Record<string, string> = {};
  if (typeof body === 'string') return { message: body.trim() || null, fields };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { message: null, fields };
  }
  const messages: string[] = [];
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const text = flattenMessages(value);
    if (!text) continue;
    if (key === 'detail' || key === 'non_field_errors' || key === 'error') messages.push(text);
    else {
      fields[key] = text;
      messages.push(`${key.replace(/_/g, ' ')}: ${text}`);
    }
  }
  return { message: messages.length > 0 ? messages.join(' ') : null, fields };
}

function flattenMessages(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(flattenMessages).filter(Boolean).join(' ');
  if (typeof value === 'object' && value !== null) {
    return Object.values(value as Record<string, unknown>)
      .map(flattenMessages)
      .filter(Boolean)
      .join(' ');
  }
  return '';
}

/** A failure as the UI sees it (`AppError`), keeping drchrono's own words where it gave some. */
export function toAppError(failure: ApiFailure): AppError {
  return toErr(failure).error;
}

export function toErr(failure: ApiFailure): Err {
  switch (failure.kind) {
    case 'http': {
      const { message, fields } = drchronoMessage(failure.body);
      const extra = {
        status: failure.status,
        ...(Object.keys(fields).length > 0 ? { fields } : {}),
      };
      if (failure.status === 400) {
        return err('rejected', message ?? 'drchrono refused the change.', extra);
      }
      if (failure.status === 403) {
        return err(
          'forbidden',
          message ?? 'drchrono says this account may not do that (a permission or scope).',
          extra,
        );
      }
      if (failure.status === 404) {
        return err('not_found', message ?? 'drchrono no longer has this record.', extra);
      }
      if (failure.status === 405) {
        return err('not_supported', message ?? 'drchrono does not allow this change.', extra);
      }
      if (failure.status === 409) {
        return err(
          'conflict',
          message ?? 'That time is already taken in this room, or the record changed.',
          extra,
        );
      }
      if (failure.status === 429) {
        return err('rate_limited', message ?? 'The practice has used its drchrono calls.', extra);
      }
      return err('server', message ?? `drchrono had a problem (HTTP ${failure.status}).`, extra);
    }
    case 'rate_limited':
      return err('rate_limited', failure.message, {
        retryAfterSeconds: failure.retryAfterSeconds,
      });
    case 'budget':
      return err('rate_limited', failure.message, {
        retryAfterSeconds: Math.ceil(failure.retryAfterMs / 1000),
      });
    case 'unauthenticated':
      return err('unauthenticated', failure.message);
    case 'network':
      return err('offline', failure.message);
    case 'redirect_refused':
      return err('server', failure.message);
    case 'invalid_response':
      return err('server', failure.message);
  }
}
