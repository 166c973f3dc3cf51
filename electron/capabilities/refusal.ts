import { permissionsFor, quotedList } from '../drchrono/permissions';
import { requiredScopes } from '../drchrono/required-scopes';
import type { Method } from '../drchrono/types';

/** Why drchrono refused a call: a scope sign-in did not get, or a staff permission the account lacks. */
export interface Refusal {
  why: 'scope' | 'permission';
  /** The end of "… is not available to this drchrono account: <reason>". */
  reason: string;
}

/**
 * Explains a 403 for `method` on `resource`. A required scope missing from `granted` is the
 * reason when there is one (drchrono checks scopes first); otherwise a staff permission is
 * missing, and those already proven granted (an earlier call that needed them succeeded) are left
 * out of the list, so a front desk reads "it lacks the “Settings” permission", not every name.
 */
export function explainRefusal(
  resource: string | null,
  method: Method,
  granted: ReadonlySet<string>,
  provenPermissions: ReadonlySet<string> = new Set(),
): Refusal {
  const scopes = requiredScopes(resource, method) ?? [];
  const missing = scopes.filter((s) => !granted.has(s));
  if (missing.length > 0) {
    return {
      why: 'scope',
      reason: `sign-in did not grant the ${missing.join(', ')} scope${missing.length > 1 ? 's' : ''}`,
    };
  }
  const all = permissionsFor(resource);
  if (all.length === 0) {
    return { why: 'permission', reason: 'it lacks the drchrono staff permission for it' };
  }
  const names = lackedPermissions(resource, provenPermissions);
  if (names.length === 0) {
    // Every permission the reference names worked for another call: naming one again would send
    // the practice to fix what is already set. drchrono's own rules for this list are stricter.
    return {
      why: 'permission',
      reason: `drchrono refused the request, though the account has the ${quotedList(all)} permission${all.length > 1 ? 's' : ''} the reference asks for`,
    };
  }
  return {
    why: 'permission',
    reason: `it lacks the ${quotedList(names)} permission${names.length > 1 ? 's' : ''}`,
  };
}

/** The staff permissions a refused resource may lack: those proven granted are left out. */
function lackedPermissions(resource: string | null, proven: ReadonlySet<string>): string[] {
  return permissionsFor(resource).filter((p) => !proven.has(p));
}

/**
 * The same explanation in the terse form of a console line or an error's "Details":
 * `scope calendar:read not granted at sign-in`, or `scope granted; lacks permission “Settings”`.
 * Made only of scope and permission names from the reference's tables, never of drchrono's text.
 * Undefined when the reference says nothing about the resource.
 */
export function refusalNote(
  resource: string | null,
  method: Method,
  granted: ReadonlySet<string>,
  provenPermissions: ReadonlySet<string> = new Set(),
): string | undefined {
  const scopes = requiredScopes(resource, method);
  if (scopes === null) return undefined;
  const missing = scopes.filter((s) => !granted.has(s));
  if (missing.length > 0) {
    return `${missing.length > 1 ? 'scopes' : 'scope'} ${missing.join(' + ')} not granted at sign-in`;
  }
  const scopePart =
    scopes.length === 0 ? 'needs no scope' : `${scopes.length > 1 ? 'scopes' : 'scope'} granted`;
  const all = permissionsFor(resource);
  if (all.length === 0) return `${scopePart}; lacks a staff permission`;
  const names = lackedPermissions(resource, provenPermissions);
  if (names.length === 0) {
    return `${scopePart}; ${all.length > 1 ? 'permissions' : 'permission'} ${quotedList(all)} proven granted; refused anyway`;
  }
  return `${scopePart}; lacks ${names.length > 1 ? 'permissions' : 'permission'} ${quotedList(names)}`;
}
