import { frontdeskScope } from '../auth/scopes';
import { permissionsFor, quotedList } from './permissions';
import { requiredScopes } from './required-scopes';
import type { ApiFailure } from './types';
import { resourceOf } from './urls';

/**
 * The "Details" line of an error: which call failed and what drchrono said, in terms a support
 * person can act on. Made only of redacted parts (the client's path template, the status, scope,
 * permission and field names, JSON type names); drchrono's own text is left out because a 400
 * can quote what was typed.
 */

const requested = new Set(frontdeskScope.split(' '));
// Field names from a 400 body are kept only when they read like field names.
const fieldName = /^[A-Za-z_][A-Za-z0-9_.]{0,80}$/;
const MAX_FIELDS = 5;

function refusal(failure: ApiFailure & { kind: 'http' }): string {
  const call = failure.call;
  // The client's note knows the scopes granted: scope or permission, not both said as possible.
  if (call?.refusal) return call.refusal;
  const resource = call ? resourceOf(call.path) : null;
  const parts: string[] = [];
  const scopes = call ? requiredScopes(resource, call.method) : null;
  if (scopes && scopes.length > 0) {
    const missing = scopes.filter((s) => !requested.has(s));
    parts.push(
      `needs scope ${scopes.join(' + ')}${
        missing.length > 0 ? ` (${missing.join(', ')} not asked for at sign-in)` : ''
      }`,
    );
  } else if (scopes) parts.push('needs no scope');
  const permissions = permissionsFor(resource);
  if (permissions.length > 0) {
    parts.push(
      `${permissions.length > 1 ? 'permissions' : 'permission'} ${quotedList(permissions)}`,
    );
  }
  return parts.join(' · ');
}

function rejectedFields(fields: readonly string[]): string {
  const names = fields.filter((n) => fieldName.test(n));
  if (names.length === 0) return '';
  const shown = names.slice(0, MAX_FIELDS).join(', ');
  return `fields ${shown}${names.length > MAX_FIELDS ? ` and ${String(names.length - MAX_FIELDS)} more` : ''}`;
}

function outcome(failure: ApiFailure, fields: readonly string[]): string {
  switch (failure.kind) {
    case 'http': {
      const extra =
        failure.status === 403
          ? refusal(failure)
          : failure.status === 400
            ? rejectedFields(fields)
            : '';
      return `→ ${String(failure.status)}${extra ? ` · ${extra}` : ''}`;
    }
    case 'unauthenticated':
      return '· not signed in, or the session could not be renewed';
    case 'rate_limited':
      return `→ 429 · drchrono asked to wait ${String(failure.retryAfterSeconds)} s`;
    case 'budget':
      return "· not sent: this workstation's hourly share of calls is used";
    case 'network':
      return `· no answer (${failure.call?.transport ?? 'network'})${
        failure.committed === 'unknown' ? ' · may have reached drchrono' : ''
      }`;
    case 'redirect_refused':
      return '· redirect to another server not followed';
    case 'invalid_response':
      return failure.mismatch
        ? `· answer did not fit: ${failure.mismatch.schemaPath} expected ${failure.mismatch.expected}, found ${failure.mismatch.seen}`
        : '· answer could not be read';
  }
}

/** `fields`: the field names of a 400 answer (`fieldErrorsOf(body).fields`). */
export function failureDetail(failure: ApiFailure, fields: readonly string[] = []): string {
  const call = failure.call ? `${failure.call.method} ${failure.call.path} ` : 'drchrono ';
  return `${call}${outcome(failure, fields)}`.slice(0, 500);
}
