import type { AppError, Err } from '../../shared/result';
import { failureToAppError } from '../drchrono/errors';
import type { ApiFailure } from '../drchrono/types';
import { inSentence, unreadableLine } from '../sync/optional-list';

/** What a records call touches at drchrono, for saying which permission or scope is missing. */
export type RecordArea =
  'patients' | 'insurance' | 'billing' | 'payments' | 'clinical' | 'tasks' | 'settings';

/** The reference's "Required permissions" and scopes for each area, in the words drchrono uses. */
const access: Record<RecordArea, { what: string; permission: string | null; scope: string }> = {
  patients: { what: 'patient records', permission: 'Manage Patients', scope: 'patients' },
  insurance: { what: 'insurance payers', permission: null, scope: 'user' },
  billing: {
    what: 'billing',
    permission: 'Access Billing and Show Billing Tab',
    scope: 'billing',
  },
  payments: {
    what: 'patient payments',
    permission: 'Access Billing, Show Billing Tab and Access Patients Payments',
    scope: 'billing',
  },
  clinical: {
    what: 'allergies, medications and problems',
    permission: 'Access Clinical Notes',
    scope: 'clinical',
  },
  tasks: { what: 'tasks', permission: null, scope: 'tasks' },
  settings: {
    what: 'practice settings',
    permission: 'Settings',
    scope: 'settings',
  },
};

/**
 * A 403 in plain words: which permission to ask the practice admin for, or which scope is missing.
 * `list` names the list refused ("Documents") where the area's words would name more than that.
 */
export function forbiddenMessage(area: RecordArea, list?: string): string {
  const a = access[area];
  const ask = a.permission
    ? `Ask your practice admin to grant ${a.permission} to this drchrono account.`
    : `Sign out and sign in again, allowing Frontdesk access to ${a.what} (the “${a.scope}” scope).`;
  const what = list === undefined ? a.what : inSentence(list);
  return `drchrono did not allow this: the signed-in account may not use ${what}. ${ask}`;
}

/** A list whose answer was not a page of results (a proxy's HTML page, say), named. */
export function unreadableMessage(list: string): string {
  return `${unreadableLine(list)} Try again in a moment.`;
}

export const tasksNotSupportedMessage =
  'drchrono refused to save tasks from Frontdesk (its API lists tasks as read-only for this ' +
  'account). Nothing was saved: your task is still in the form, so you can copy it or try again later.';

/** Rewrites drchrono's terse refusals into what the desk can act on; keeps field messages. */
export function explain(error: AppError, area: RecordArea, list?: string): AppError {
  if (error.code === 'forbidden') return { ...error, message: forbiddenMessage(area, list) };
  if (error.code === 'not_supported' && area === 'tasks') {
    return { ...error, message: tasksNotSupportedMessage };
  }
  if (error.code === 'not_supported' && error.status === 405) {
    return { ...error, message: `drchrono does not allow this change to ${access[area].what}.` };
  }
  return error;
}

/**
 * A failed call in the area's words. `list` ("Eligibility checks", plural and capitalised) names
 * the list a read was for, so the section that shows the failure says what failed, not only that
 * drchrono's answer was wrong.
 */
export function failed(failure: ApiFailure, area: RecordArea, list?: string): Err {
  const error = failureToAppError(failure);
  if (list !== undefined && failure.kind === 'invalid_response') {
    return { ok: false, error: { ...error, message: unreadableMessage(list) } };
  }
  return { ok: false, error: explain(error, area, list) };
}

export function explained(error: AppError, area: RecordArea): Err {
  return { ok: false, error: explain(error, area) };
}
