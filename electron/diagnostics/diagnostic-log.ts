import type { Clock } from '../../shared/time/clock';
import type { CallObserver, CallRecord, SchemaMismatch } from '../drchrono/observer';
import { requiredScopes } from '../drchrono/required-scopes';
import { resourceOf } from '../drchrono/urls';
import { pathTemplate } from './path-template';
import type { RotatingFile } from './rotating-file';

/**
 * The diagnostic log: one line per drchrono call (and per OAuth call), one per kind of answer that
 * broke its schema. It is written in plain text on purpose: it holds no patient data by
 * construction (the client hands observers path templates, statuses, counts, durations and JSON
 * type names, never a query, body, token or value), so a practice can open it, read it and send
 * it without any key; and it keeps working when the encrypted stores cannot (no keyring).
 * Every field is re-checked here against what it may contain before it is written.
 */

/** A call that failed, gathered per endpoint for the diagnostic report. */
export interface FailedEndpoint {
  method: string;
  path: string;
  /** `403`, `network`, `invalid_response`, … */
  outcome: string;
  count: number;
  lastAt: string;
  /** For a 403: the scopes the reference lists for it. */
  needs?: string;
  /** For a 403: scope or permission, from what the account was granted (see `refusalNote`). */
  refusal?: string;
}

export interface DiagnosticLog extends CallObserver {
  /** Endpoints that failed since this run started, most recent first. */
  failures(): FailedEndpoint[];
  tail(count: number): string[];
}

/** The same schema problem is written at most once per window, with how often it recurred. */
const SCHEMA_WINDOW_MS = 10 * 60_000;

const word = (text: string | undefined, pattern: RegExp): string | undefined =>
  text !== undefined && pattern.test(text) ? text : undefined;
const methods = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const safeMethod = (method: string): string => (methods.has(method) ? method : 'OTHER');
/**
 * A refusal note is built only from the reference's scope and permission names
 * (`scope granted; lacks permission “Settings”`); anything else is not one and is not written.
 */
export const safeRefusal = (note: string | undefined): string | undefined =>
  word(note, /^[A-Za-z0-9 :;,+_“”&-]{1,200}$/);
// Scopes are words like `billing:patient-payment:read`; anything else is not a scope.
const safeScope = (scope: string | undefined): string | undefined =>
  scope
    ?.split(/\s+/)
    .filter((s) => /^[a-z][a-z_:-]{0,60}$/.test(s))
    .join(' ');

/**
 * The scopes the reference lists for a call (`billing:patient-payment:read`), `none` when it lists
 * none (a 403 there is a staff permission), undefined when the reference does not say.
 */
export function needsScope(method: string, path: string): string | undefined {
  const scopes = methods.has(method)
    ? requiredScopes(resourceOf(path), method as CallRecord['method'])
    : null;
  if (scopes === null) return undefined;
  return scopes.length > 0 ? scopes.join(' + ') : 'none';
}

/** `403`, `network`, `budget`: what a failed call's outcome is called in the log and report. */
export function outcomeName(record: CallRecord): string {
  return record.outcome === 'http' && record.status !== null
    ? String(record.status)
    : record.outcome;
}

export function formatCall(record: CallRecord): string {
  const method = safeMethod(record.method);
  const path = pathTemplate(record.path);
  const parts = [
    'call',
    method,
    path,
    `→ ${record.status === null ? '-' : String(record.status)}`,
    record.outcome,
    `${String(Math.round(record.durationMs))}ms`,
    `retries=${String(record.retries)}`,
  ];
  const transport = word(record.transport, /^[A-Za-z][A-Za-z0-9_]{0,39}$/);
  if (transport) parts.push(`transport=${transport}`);
  if (record.status === 403) {
    // Scope or permission, told from what sign-in granted; without that, what the call needs.
    const refusal = safeRefusal(record.refusal);
    const needs = needsScope(method, path);
    if (refusal) parts.push(`refused="${refusal}"`);
    else if (needs) parts.push(`needs=${needs}`);
  }
  if (record.oauth) {
    parts.push(`grant=${record.oauth.grant}`);
    const error = word(record.oauth.error, /^[a-z_]{1,40}$/);
    if (error) parts.push(`error=${error}`);
    const scope = safeScope(record.oauth.scope);
    if (scope) parts.push(`scope="${scope}"`);
  }
  return parts.join(' ');
}

export function formatMismatch(m: SchemaMismatch, repeats: number): string {
  const schemaPath = word(m.schemaPath, /^[A-Za-z0-9_.[\]?() -]{1,200}$/) ?? '?';
  const expected = word(m.expected, /^[A-Za-z0-9_ -]{1,60}$/) ?? '?';
  return [
    'schema',
    safeMethod(m.method),
    pathTemplate(m.path),
    schemaPath,
    `expected=${expected}`,
    `seen=${m.seen}`,
    ...(repeats > 0 ? [`repeats=${String(repeats)}`] : []),
  ].join(' ');
}

export function createDiagnosticLog(options: { file: RotatingFile; clock: Clock }): DiagnosticLog {
  const { file, clock } = options;
  const failed = new Map<string, FailedEndpoint>();
  const schemaSeen = new Map<string, { writtenAt: number; repeats: number }>();
  const stamp = (): string => new Date(clock.now()).toISOString();

  function noteFailure(
    rawMethod: string,
    rawPath: string,
    outcome: string,
    status: number | null | undefined,
    rawRefusal?: string,
  ): void {
    const method = safeMethod(rawMethod);
    const path = pathTemplate(rawPath);
    const key = `${method} ${path} ${outcome}`;
    const known = failed.get(key);
    failed.delete(key); // re-inserted last: the map's order is the order of last failure
    const needs = status === 403 ? needsScope(method, path) : undefined;
    const refusal = status === 403 ? safeRefusal(rawRefusal) : undefined;
    failed.set(key, {
      method,
      path,
      outcome,
      count: (known?.count ?? 0) + 1,
      lastAt: stamp(),
      ...(needs ? { needs } : {}),
      ...(refusal ? { refusal } : {}),
    });
  }

  return {
    call(record) {
      file.append(`${stamp()} ${formatCall(record)}`);
      if (record.outcome === 'ok') return;
      noteFailure(record.method, record.path, outcomeName(record), record.status, record.refusal);
    },
    schemaMismatch(mismatch) {
      const key = [
        mismatch.method,
        mismatch.path,
        mismatch.schemaPath,
        mismatch.expected,
        mismatch.seen,
      ].join(' ');
      const now = clock.now();
      noteFailure(mismatch.method, mismatch.path, 'schema', undefined);
      const seen = schemaSeen.get(key);
      if (seen && now - seen.writtenAt < SCHEMA_WINDOW_MS) {
        seen.repeats++;
        return;
      }
      file.append(`${stamp()} ${formatMismatch(mismatch, seen?.repeats ?? 0)}`);
      schemaSeen.set(key, { writtenAt: now, repeats: 0 });
    },
    failures: () => [...failed.values()].reverse(),
    tail: (count) => file.tail(count),
  };
}
