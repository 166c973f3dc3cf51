import type { z } from 'zod';
import type { CallObserver, JsonType } from '../drchrono/observer';
import { pathTemplate } from './path-template';

/**
 * A schema failure described without its value: where in the answer it was, what the schema
 * wanted, and the JSON type found there. zod's own messages are not used: some quote the input.
 */
export interface IssueDescription {
  schemaPath: string;
  expected: string;
  seen: JsonType;
}

/** The most described per answer: one odd record is enough to diagnose, a hundred is noise. */
const MAX_ISSUES = 3;

// A key that reads like a field name is kept; anything else (a record key, text) is hidden.
const fieldName = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function jsonTypeOf(value: unknown): JsonType {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return type;
  return 'object';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    if (typeof key === 'symbol') return undefined;
    at = Object.prototype.hasOwnProperty.call(at, key)
      ? (at as Record<string | number, unknown>)[key]
      : undefined;
  }
  return at;
}

/** `['results', 3, 'date_of_birth']` → `results[].date_of_birth`. */
export function schemaPathOf(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += '[]';
    else if (typeof key === 'string' && fieldName.test(key)) out += out === '' ? key : `.${key}`;
    else out += out === '' ? '?' : '.?';
  }
  return out === '' ? '(the whole answer)' : out;
}

function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return String(issue.expected);
  if (issue.code === 'invalid_format') return `format ${issue.format}`;
  return issue.code;
}

/**
 * The first few issues of a failed parse of `input`, each as path, expectation and JSON type.
 * `prefix` places a record within its page (`results[]`).
 */
export function describeIssues(error: z.ZodError, input: unknown, prefix = ''): IssueDescription[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    schemaPath: schemaPathOf(issue.path, prefix),
    expected: expectedOf(issue),
    seen: jsonTypeOf(valueAt(input, issue.path)),
  }));
}

/** A list answer that is not a page: what stood where `results` should be. */
export function pageMismatch(answer: unknown): IssueDescription {
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) {
    return { schemaPath: '(the whole answer)', expected: 'object', seen: jsonTypeOf(answer) };
  }
  const results = (answer as Record<string, unknown>).results;
  return { schemaPath: 'results', expected: 'array', seen: jsonTypeOf(results) };
}

/**
 * Tells the observer how a list's record (or page) broke its schema. Called from the pagination
 * walk; an observer that throws is ignored there as everywhere.
 */
export function reportMismatches(
  observer: Pick<CallObserver, 'schemaMismatch'> | undefined,
  list: URL,
  issues: IssueDescription[],
): void {
  if (!observer) return;
  const call = { method: 'GET' as const, path: pathTemplate(list) };
  for (const issue of issues) {
    try {
      observer.schemaMismatch({ ...call, ...issue });
    } catch {
      // diagnostics never fail a list
    }
  }
}
