import { err, type AppError, type Err } from '../../shared/result';
import { failureDetail } from './failure-detail';
import { permissionsFor, quotedList } from './permissions';
import type { ApiFailure } from './types';
import { resourceOf } from './urls';

export interface FailureContext {
  /** The request path, to name the resource and its permission. */
  path?: string;
  /** What was being done, as a noun phrase for messages: "this appointment", "the payment". */
  subject?: string;
}

const MAX_MESSAGE = 300;
const clip = (text: string): string =>
  text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;

function messagesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' ? [v] : []));
  return [];
}

/**
 * DRF's 400 body onto form fields: `{"field": ["msg"]}`, nested serializers as objects
 * (`primary_insurance.insurance_id_number`), a list of objects for bulk creates (`0.doctor`),
 * and `non_field_errors` / `detail` as the general message.
 */
export function fieldErrorsOf(body: unknown): {
  fields: Record<string, string>;
  general: string[];
} {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  const walk = (value: unknown, prefix: string): void => {
    if (value === null || value === undefined) return;
    if (typeof value === 'string') {
      if (prefix) fields[prefix] = clip(value);
      else general.push(value);
      return;
    }
    if (Array.isArray(value)) {
      const texts = messagesOf(value);
      if (texts.length === value.length) {
        if (prefix) fields[prefix] = clip(texts.join(' '));
        else general.push(...texts);
        return;
      }
      value.forEach((v, i) => {
        walk(v, prefix ? `${prefix}.${String(i)}` : String(i));
      });
      return;
    }
    if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (!prefix && (key === 'non_field_errors' || key === 'detail')) {
          general.push(...messagesOf(inner));
          continue;
        }
        walk(inner, prefix ? `${prefix}.${key}` : key);
      }
    }
  };
  walk(body, '');
  return { fields, general };
}

function detailOf(body: unknown): string | null {
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const detail = (body as Record<string, unknown>).detail;
    if (typeof detail === 'string' && detail.trim()) return clip(detail.trim());
  }
  return null;
}

function forbidden(context: FailureContext): string {
  const resource = context.path ? resourceOf(context.path) : null;
  const permissions = permissionsFor(resource);
  if (permissions.length > 0) {
    const plural = permissions.length > 1 ? 'permissions' : 'permission';
    return `drchrono refused this: your account lacks the ${quotedList(permissions)} ${plural}. Ask your practice admin to grant it.`;
  }
  return 'drchrono refused this: your account or this app is not allowed to do it. Ask your practice admin to check your drchrono permissions, or sign in again to grant Frontdesk access.';
}

function fromHttp(status: number, body: unknown, context: FailureContext): AppError {
  const subject = context.subject ?? 'this';
  if (status === 400) {
    const { fields, general } = fieldErrorsOf(body);
    const firstField = Object.entries(fields)[0];
    const message =
      general.length > 0
        ? clip(general.join(' '))
        : firstField
          ? `drchrono did not accept ${subject}: check the highlighted fields.`
          : `drchrono did not accept ${subject}.`;
    return { code: 'rejected', message, fields, status };
  }
  if (status === 401) {
    return {
      code: 'unauthenticated',
      message: 'Your drchrono session ended; sign in again.',
      status,
    };
  }
  if (status === 403) return { code: 'forbidden', message: forbidden(context), status };
  if (status === 404) {
    return {
      code: 'not_found',
      message: `drchrono could not find ${subject}; it may have been deleted at another workstation.`,
      status,
    };
  }
  if (status === 405) {
    return {
      code: 'not_supported',
      message: `drchrono does not allow ${subject} to be changed this way${
        context.path ? ` (${context.path.replace(/\?.*$/, '')})` : ''
      }.`,
      status,
    };
  }
  if (status === 409) {
    // Whatever else the body says (the sandbox names `conflicting_appointment`) travels as fields,
    // so the calendar can name the clash without another call.
    const { fields } = fieldErrorsOf(body);
    return {
      code: 'conflict',
      message: detailOf(body) ?? 'This clashes with another appointment in the same exam room.',
      ...(Object.keys(fields).length > 0 ? { fields } : {}),
      status,
    };
  }
  if (status >= 500) {
    return {
      code: 'server',
      message: `drchrono had a problem (error ${String(status)}). Try again in a moment.`,
      status,
    };
  }
  return {
    code: 'rejected',
    message: detailOf(body) ?? `drchrono refused ${subject} (error ${String(status)}).`,
    status,
  };
}

/** The one translation of what the client saw into what the user reads, with its "Details". */
export function failureToAppError(failure: ApiFailure, context: FailureContext = {}): AppError {
  const fields =
    failure.kind === 'http' && failure.status === 400
      ? Object.keys(fieldErrorsOf(failure.body).fields)
      : [];
  // The client names the call on the failure: its path (a template) says whose permission it was.
  const named = { ...context, path: context.path ?? failure.call?.path };
  return { ...translate(failure, named), detail: failureDetail(failure, fields) };
}

function translate(failure: ApiFailure, context: FailureContext): AppError {
  switch (failure.kind) {
    case 'http':
      return fromHttp(failure.status, failure.body, context);
    case 'unauthenticated':
      return { code: 'unauthenticated', message: 'Your drchrono session ended; sign in again.' };
    case 'rate_limited':
      return {
        code: 'rate_limited',
        message: `The practice has used its drchrono calls for now; Frontdesk waits ${waitText(failure.retryAfterSeconds)} before asking again.`,
        retryAfterSeconds: failure.retryAfterSeconds,
      };
    case 'budget': {
      const seconds = Math.max(1, Math.ceil(failure.retryAfterMs / 1000));
      return {
        code: 'rate_limited',
        message: `This workstation has used its share of the practice's drchrono calls for this hour; more are available in ${waitText(seconds)}.`,
        retryAfterSeconds: seconds,
      };
    }
    case 'network':
      return {
        code: 'offline',
        message:
          failure.committed === 'unknown'
            ? 'The connection to drchrono dropped before it answered; Frontdesk checks whether the change arrived before sending it again.'
            : 'drchrono cannot be reached right now. Check the internet connection.',
      };
    case 'redirect_refused':
      return {
        code: 'server',
        message:
          'drchrono sent Frontdesk to another address, which it did not follow to keep your sign-in safe.',
      };
    case 'invalid_response':
      return {
        code: 'server',
        message: "drchrono's answer could not be read. Try again in a moment.",
      };
  }
}

export function failureToErr(failure: ApiFailure, context: FailureContext = {}): Err {
  const e = failureToAppError(failure, context);
  const { code, message, ...extra } = e;
  return err(code, message, extra);
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${String(seconds)} seconds`;
  return `about ${String(Math.round(seconds / 60))} minutes`;
}
