import type { AppError, Err } from '../../shared/result';
import { failureToAppError } from '../drchrono/errors';
import type { ApiFailure } from '../drchrono/types';

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

/** A 403 in plain words: which permission to ask the practice admin for, or which scope is missing. */
export function forbiddenMessage(area: RecordArea): string {
  const a = access[area];
  const ask = a.permission
    ? `Ask your practice admin to grant ${a.permission} to this drchrono account.`
    : `Sign out and sign in again, allowing Frontdesk access to ${a.what} (the “${a.scope}” scope).`;
  return `drchrono did not allow this: the signed-in account may not use ${a.what}. ${ask}`;
}

export const tasksNotSupportedMessage =
  'drchrono refused to save tasks from Frontdesk (its API lists tasks as read-only for this ' +
  'account). Nothing was saved: your task is still in the form, so you can copy it or try again later.';

/** Rewrites drchrono's terse refusals into what the desk can act on; keeps field messages. */
export function explain(error: AppError, area: RecordArea): AppError {
  if (error.code === 'forbidden') return { ...error, message: forbiddenMessage(area) };
  if (error.code === 'not_supported' && area === 'tasks') {
    return { ...error, message: tasksNotSupportedMessage };
  }
  if (error.code === 'not_supported' && error.status === 405) {
    return { ...error, message: `drchrono does not allow this change to ${access[area].what}.` };
  }
  return error;
}

export function failed(failure: ApiFailure, area: RecordArea): Err {
  return { ok: false, error: explain(failureToAppError(failure), area) };
}

export function explained(error: AppError, area: RecordArea): Err {
  return { ok: false, error: explain(error, area) };
}
