import type { CallObserver, CallRecord } from '../drchrono/observer';
import { needsScope, outcomeName } from './diagnostic-log';
import { pathTemplate } from './path-template';

/**
 * The browser host's console line for each call that failed, e.g.
 * `drchrono GET /api/patient_payments?… → 403 (needs scope billing:patient-payment:read) 120 ms`.
 * Same redacted parts as the diagnostic log. A schema problem is printed once per kind per run.
 */
/** What came back, in a few words: `403`, `429 rate_limited`, `no answer (ECONNREFUSED)`. */
function answerOf(record: CallRecord): string {
  if (record.outcome === 'budget') return "not sent (this workstation's hourly share is used)";
  if (record.status === null) {
    if (record.outcome === 'unauthenticated') return 'not sent (not signed in)';
    return `no answer (${record.outcome === 'network' ? (record.transport ?? 'network') : record.outcome})`;
  }
  return record.outcome === 'http'
    ? outcomeName(record)
    : `${String(record.status)} ${record.outcome}`;
}

export function createConsoleSummary(write: (line: string) => void): CallObserver {
  const printed = new Set<string>();
  return {
    call(record) {
      // A call the app cancelled itself (the desk moved on) is no failure worth a line.
      if (record.outcome === 'ok' || record.transport === 'cancelled') return;
      const path = pathTemplate(record.path);
      const answer = answerOf(record);
      // What the account was granted says scope or permission; without it, what the call needs.
      const needs =
        record.status === 403 && !record.refusal ? needsScope(record.method, path) : undefined;
      const notes = [
        ...(record.status === 403 && record.refusal ? [record.refusal] : []),
        ...(needs === 'none'
          ? ['needs no scope: a staff permission is missing']
          : needs
            ? [`needs scope ${needs}`]
            : []),
        ...(record.oauth ? [`grant ${record.oauth.grant}`] : []),
        ...(record.oauth?.error && /^[a-z_]{1,40}$/.test(record.oauth.error)
          ? [record.oauth.error]
          : []),
      ];
      const retries = record.retries > 0 ? `, ${String(record.retries)} retries` : '';
      write(
        `drchrono ${record.method} ${path} → ${answer}${
          notes.length > 0 ? ` (${notes.join(', ')})` : ''
        } ${String(Math.round(record.durationMs))} ms${retries}`,
      );
    },
    schemaMismatch(m) {
      const path = pathTemplate(m.path);
      const key = `${m.method} ${path} ${m.schemaPath} ${m.seen}`;
      if (printed.has(key)) return;
      printed.add(key);
      write(
        `drchrono ${m.method} ${path}: answer did not fit at ${m.schemaPath} (expected ${m.expected}, found ${m.seen}); further ones not printed`,
      );
    },
  };
}

/** One observer that tells several (the log and the console); one that throws does not stop the rest. */
export function fanOut(...observers: (CallObserver | undefined)[]): CallObserver {
  const all = observers.filter((o): o is CallObserver => o !== undefined);
  const each = (report: (o: CallObserver) => void): void => {
    for (const o of all) {
      try {
        report(o);
      } catch {
        // the others still hear it
      }
    }
  };
  return {
    call: (record) => {
      each((o) => {
        o.call(record);
      });
    },
    schemaMismatch: (mismatch) => {
      each((o) => {
        o.schemaMismatch(mismatch);
      });
    },
  };
}
