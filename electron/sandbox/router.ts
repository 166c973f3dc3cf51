import { accessFor, type EndpointAccess } from './access';
import type { Db } from './db';
import { methodNotAllowed, notFound, type ParsedBody } from './http';
import type { Doc } from './model';
import type { Clock } from '../../shared/time/clock';
import type { Stats } from './stats';

export const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof methods)[number];

/** Runtime switches the control surface flips. */
export interface Switches {
  tasksWritable: boolean;
  /** False: `since` lists leave deleted and archived records out even with `show_archived`. */
  sinceReportsDeletions: boolean;
  /**
   * False: a patient's `patient_flags` carry only `flag_type` (the reference links their format
   * away): the flag's name and colour are then only in `/api/patient_flag_types`.
   */
  patientFlagsNamed: boolean;
  /**
   * The origin `next`/`previous` links are written with; null: the request's own. The reference
   * says `next` is the requested URL with the page incremented, but a server behind a proxy may
   * write it with its inner scheme or host.
   */
  pageLinkOrigin: string | null;
  /**
   * What a missing, expired or revoked token is answered with: 401 (an authenticator that says
   * how to authenticate), or the REST framework's 403 when its first authenticator does not.
   */
  authRejectedStatus: 401 | 403;
}

/** What handlers may use: the tables, the clock and the practice's zone. */
export interface Env {
  db: Db;
  clock: Clock;
  timezone: string;
  switches: Switches;
  stats: Stats;
}

export interface Ctx {
  env: Env;
  method: Method;
  url: URL;
  /** Origin for absolute URLs in `next`, `previous` and `Location`. */
  baseUrl: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: ParsedBody;
  /** The authorizing user (from the bearer token). */
  user: Doc;
  clientId: string;
  now: number;
}

export type Handler = (ctx: Ctx) => Response | Promise<Response>;

export interface Route {
  pattern: string;
  segments: string[];
  /** Scopes and staff permissions, from the reference (see `access.ts`). */
  access: EndpointAccess;
  handlers: Partial<Record<Method, Handler>>;
}

export function route(pattern: string, handlers: Partial<Record<Method, Handler>>): Route {
  return {
    pattern,
    segments: pattern.split('/').filter(Boolean),
    access: accessFor(pattern),
    handlers,
  };
}

/** drchrono answers with or without the trailing slash on API paths. */
export function normalizePath(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

export function match(
  routes: readonly Route[],
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const parts = normalizePath(path).split('/').filter(Boolean);
  for (const r of routes) {
    if (r.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const seg = r.segments[i] ?? '';
      const part = parts[i] ?? '';
      if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(part);
      else ok = seg === part;
    }
    if (ok) return { route: r, params };
  }
  return undefined;
}

export function handlerFor(r: Route, method: string): Handler {
  const handler = (r.handlers as Record<string, Handler | undefined>)[method];
  if (!handler) throw methodNotAllowed(method, Object.keys(r.handlers));
  return handler;
}

export function asMethod(method: string): Method | undefined {
  return (methods as readonly string[]).includes(method) ? (method as Method) : undefined;
}

export { notFound };
