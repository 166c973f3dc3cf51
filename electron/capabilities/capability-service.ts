import type {
  Access,
  Capabilities,
  Capability,
  FeatureName,
} from '../../shared/contract/capabilities';
import type { Clock } from '../../shared/time/clock';
import { permissionsFor } from '../drchrono/permissions';
import { requiredScopes } from '../drchrono/required-scopes';
import type { CallObserver, CallRecord, CallSummary } from '../drchrono/observer';
import type { ApiFailure, Method } from '../drchrono/types';
import { resourceOf } from '../drchrono/urls';
import { features, featureOf, type FeatureDef } from './features';
import { explainRefusal, refusalNote, type Refusal } from './refusal';

/**
 * What this drchrono account may do, learnt from what the client sees (it is a call observer):
 * the scopes the token was granted, and every answer drchrono gives. No call is made to find out;
 * a feature nobody has used yet and whose scopes were granted is `unknown`. A sign-in starts
 * afresh (it may be another account); a 403 for something thought allowed turns it to `no` at
 * once, and a later success turns it back. Listeners hear every change of the table.
 */
export interface CapabilityService extends CallObserver {
  get(): Capabilities;
  /** Why drchrono refused the failed call (a 403), in the desk's words; null for anything else. */
  explain(failure: ApiFailure): Refusal | null;
  /** The same for a resource and method, e.g. for a list refused a while ago. */
  explainResource(resource: string, method: Method): Refusal;
  /**
   * A refused call in a few redacted words for the console and "Details", from the scopes the
   * token was granted: `scope granted; lacks permission “Settings”` or `scope … not granted at sign-in`.
   */
  refusalNote(call: CallSummary): string | undefined;
  onChange(listener: (capabilities: Capabilities) => void): () => void;
}

interface Observation {
  ok: boolean;
  at: number;
}

export function createCapabilityService(options: {
  clock: Clock;
  /** What sign-in asks for: assumed granted until a token grant says otherwise. */
  requestedScope: string;
}): CapabilityService {
  let granted = new Set(options.requestedScope.split(' ').filter(Boolean));
  /** `resource GET|write` → the latest answer. */
  const seen = new Map<string, Observation>();
  const proven = new Set<string>();
  const listeners = new Set<(c: Capabilities) => void>();
  let last = '';

  const keyOf = (resource: string, method: Method) =>
    `${resource} ${method === 'GET' ? 'read' : 'write'}`;

  function access(def: FeatureDef, mode: 'read' | 'write'): { access: Access; at: number | null } {
    const resources = mode === 'read' ? def.reads : def.writes;
    const method: Method = mode === 'read' ? 'GET' : 'POST';
    let at: number | null = null;
    let anyYes = false;
    for (const resource of resources) {
      const o = seen.get(keyOf(resource, method));
      if (!o) continue;
      at = Math.max(at ?? 0, o.at);
      if (!o.ok) {
        const r = explainRefusal(resource, method, granted, proven);
        return { access: { state: 'no', why: r.why, reason: r.reason }, at: o.at };
      }
      anyYes = true;
    }
    if (anyYes) return { access: { state: 'yes', why: null, reason: null }, at };
    // Nothing seen: the granted scopes alone can still say no.
    for (const resource of resources) {
      const missing = (requiredScopes(resource, method) ?? []).filter((s) => !granted.has(s));
      if (missing.length > 0) {
        const r = explainRefusal(resource, method, granted, proven);
        return { access: { state: 'no', why: r.why, reason: r.reason }, at: null };
      }
    }
    return { access: { state: 'unknown', why: null, reason: null }, at: null };
  }

  function table(): Capabilities {
    return {
      features: features.map((def): Capability => {
        const read = access(def, 'read');
        const write = def.writes.length > 0 ? access(def, 'write') : null;
        const times = [read.at, write?.at ?? null].filter((t): t is number => t !== null);
        return {
          feature: def.feature satisfies FeatureName,
          label: def.label,
          read: read.access,
          write: write?.access ?? null,
          checkedAt: times.length > 0 ? Math.max(...times) : null,
        };
      }),
      scopes: [...granted].sort(),
    };
  }

  function changed(): void {
    const next = table();
    const signature = signatureOf(next);
    if (signature === last) return;
    last = signature;
    for (const listener of listeners) listener(next);
  }

  function observeOAuth(record: CallRecord): void {
    const oauth = record.oauth;
    if (!oauth || record.outcome !== 'ok') return;
    if (oauth.grant === 'authorization_code') {
      // A new sign-in: possibly another account, so nothing seen before holds.
      seen.clear();
      proven.clear();
    }
    if (oauth.scope) granted = new Set(oauth.scope.split(/\s+/).filter(Boolean));
    changed();
  }

  last = signatureOf(table());

  return {
    call(record) {
      if (record.oauth) {
        observeOAuth(record);
        return;
      }
      const resource = resourceOf(record.path);
      if (!featureOf(resource) || resource === null) return;
      const ok = record.outcome === 'ok' && record.status !== null && record.status < 300;
      const refused = record.status === 403;
      if (!ok && !refused) return;
      seen.set(keyOf(resource, record.method), { ok, at: options.clock.now() });
      if (ok) for (const p of permissionsFor(resource)) proven.add(p);
      changed();
    },
    schemaMismatch() {
      // A record that did not fit says nothing about what the account may do.
    },
    get: table,
    explain(failure) {
      if (failure.kind !== 'http' || failure.status !== 403 || !failure.call) return null;
      return explainRefusal(resourceOf(failure.call.path), failure.call.method, granted, proven);
    },
    explainResource: (resource, method) => explainRefusal(resource, method, granted, proven),
    refusalNote: (call) => refusalNote(resourceOf(call.path), call.method, granted, proven),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Only the states, reasons and scopes count as a change, not the time of the answer. */
function signatureOf(table: Capabilities): string {
  return JSON.stringify({
    features: table.features.map((f) => [f.read, f.write]),
    scopes: table.scopes,
  });
}
