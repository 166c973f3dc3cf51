import { systemClock, type Clock } from '../../shared/time/clock';
import type { FaultConfig } from './faults';
import type { SandboxClient } from './oauth-state';
import { practiceDate } from './time';

export const demoClient = {
  clientId: 'frontdesk-demo',
  clientSecret: 'frontdesk-demo-secret',
  name: 'Frontdesk (demo)',
} as const;

export interface SandboxOptions {
  /** Every notion of time: token and code expiry, the quota hour, stamps, latency. */
  clock?: Clock;
  /** ISO date the seed centres on; default: today in the practice zone by the clock. */
  today?: string;
  /** IANA zone of every doctor (one with DST). Default America/New_York. */
  timezone?: string;
  /** PRNG seed for the data and the fault decisions. Default 20140224. */
  seed?: number;
  /** Calls per client_id per clock hour; Infinity or 0 disables. Default 500. */
  hourlyQuota?: number;
  /** Default 172800 (48 hours). */
  accessTokenTtlSeconds?: number;
  /** Default 60. */
  codeTtlSeconds?: number;
  /** Registered API applications; default one demo client (see `demoClient`). */
  clients?: SandboxClient[];
  /** Redirect URIs registered for the default demo client. */
  redirectUris?: string[];
  /** Unique strings planted into some patients (see `control.canaries()`). */
  canaries?: string[];
  /** Default 300. */
  patientCount?: number;
  /** Weeks of appointments before and after `today`. Default 3 and 4. */
  weeksBefore?: number;
  weeksAfter?: number;
  /**
   * Also staff a Saturday/Sunday walk-in clinic (Main Street, three rooms, 09:00–15:00). The app's
   * embedded demo turns it on so the desk never opens onto an empty weekend book; tests that want
   * a free weekend day leave it off. Default false.
   */
  weekendClinic?: boolean;
  /** Origin for absolute URLs (`next`, `Location`); default: the request's own origin. */
  publicBaseUrl?: string;
  /** Mount `/__sandbox/*` (the control surface over HTTP). Default false. */
  controlRoutes?: boolean;
  /** Initial fault switches. */
  faults?: Partial<FaultConfig>;
  /** Default true; false makes task writes answer 405. */
  tasksWritable?: boolean;
  /** Username the consent page authorizes as. Default "frontdesk" (a staff user). */
  oauthUser?: string;
  /** How many requests `control.requests()` keeps. Default 20000. */
  requestLogLimit?: number;
}

export interface ResolvedOptions {
  clock: Clock;
  today: string;
  timezone: string;
  seed: number;
  hourlyQuota: number;
  accessTokenTtlSeconds: number;
  codeTtlSeconds: number;
  clients: SandboxClient[];
  canaries: string[];
  patientCount: number;
  weeksBefore: number;
  weeksAfter: number;
  weekendClinic: boolean;
  publicBaseUrl: string | undefined;
  controlRoutes: boolean;
  faults: Partial<FaultConfig>;
  tasksWritable: boolean;
  oauthUser: string;
  requestLogLimit: number;
}

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const clock = options.clock ?? systemClock;
  const timezone = options.timezone ?? 'America/New_York';
  return {
    clock,
    timezone,
    today: options.today ?? practiceDate(clock.now(), timezone),
    seed: options.seed ?? 20140224,
    hourlyQuota: options.hourlyQuota ?? 500,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 172_800,
    codeTtlSeconds: options.codeTtlSeconds ?? 60,
    clients: options.clients ?? [
      { ...demoClient, redirectUris: [...(options.redirectUris ?? [])] },
    ],
    canaries: [...(options.canaries ?? [])],
    patientCount: options.patientCount ?? 300,
    weeksBefore: options.weeksBefore ?? 3,
    weeksAfter: options.weeksAfter ?? 4,
    weekendClinic: options.weekendClinic ?? false,
    publicBaseUrl: options.publicBaseUrl?.replace(/\/+$/, ''),
    controlRoutes: options.controlRoutes ?? false,
    faults: options.faults ?? {},
    tasksWritable: options.tasksWritable ?? true,
    oauthUser: options.oauthUser ?? 'frontdesk',
    requestLogLimit: options.requestLogLimit ?? 20_000,
  };
}
