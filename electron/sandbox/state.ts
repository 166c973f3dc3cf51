import { Db } from './db';
import type { EndpointFault } from './endpoint-faults';
import { Faults } from './faults';
import { OAuthState } from './oauth-state';
import type { ResolvedOptions } from './options';
import { Quota } from './quota';
import { RequestLog } from './request-log';
import type { Env, Switches } from './router';
import { seedDatabase } from './seed';
import { Stats } from './stats';

export interface RedirectRule {
  method: string;
  path: string;
  location: string;
}

/** Everything one sandbox instance holds; the pipeline and the control surface share it. */
export class SandboxState {
  readonly db = new Db();
  readonly oauth: OAuthState;
  readonly quota: Quota;
  readonly faults: Faults;
  readonly stats = new Stats();
  readonly log: RequestLog;
  readonly switches: Switches;
  readonly env: Env;
  deny: string[] = [];
  redirects: RedirectRule[] = [];
  /** Endpoints answering 403, 404 or an unreadable body on purpose (see endpoint-faults.ts). */
  endpointFaults: EndpointFault[] = [];
  seed: number;
  today: string;
  /** The user of the latest sign-in (code exchange or `issueTokens`), for `setStaffProfile`. */
  lastSignIn: number | null = null;

  constructor(readonly options: ResolvedOptions) {
    this.seed = options.seed;
    this.today = options.today;
    this.oauth = new OAuthState(options.clients, {
      accessSeconds: options.accessTokenTtlSeconds,
      codeSeconds: options.codeTtlSeconds,
    });
    this.quota = new Quota(options.hourlyQuota);
    this.faults = new Faults(options.seed);
    this.faults.set(options.faults);
    this.log = new RequestLog(options.requestLogLimit);
    this.switches = {
      tasksWritable: options.tasksWritable,
      sinceReportsDeletions: true,
      patientFlagsNamed: true,
      pageLinkOrigin: null,
      authRejectedStatus: 401,
    };
    this.env = {
      db: this.db,
      clock: options.clock,
      timezone: options.timezone,
      switches: this.switches,
      stats: this.stats,
    };
    this.reseed();
  }

  reseed(): void {
    seedDatabase(this.db, {
      seed: this.seed,
      today: this.today,
      timezone: this.options.timezone,
      patientCount: this.options.patientCount,
      weeksBefore: this.options.weeksBefore,
      weeksAfter: this.options.weeksAfter,
      weekendClinic: this.options.weekendClinic,
      canaries: this.options.canaries,
    });
  }
}
