import type { EndpointFault } from './endpoint-faults';
import { grantedScopes, staffProfiles, type StaffPermission, type StaffProfile } from './access';
import type { FaultConfig } from './faults';
import { ApiError, type ParsedBody } from './http';
import type { CanaryPlacement, JsonRecord } from './model';
import type { SandboxClient, TokenResponse } from './oauth-state';
import { runApi } from './pipeline';
import type { QuotaUsage } from './quota';
import type { RequestLogEntry } from './request-log';
import { presentAppointment } from './routes/appointments';
import type { SandboxState } from './state';
import type { FaultKind } from './stats';
import { formatStamp } from './time';
import { viewCtx } from './view-context';

export interface SandboxCounts {
  /** Top of the current clock hour, as a practice wall-clock stamp. */
  hourStart: string;
  /** Authenticated /api calls per client_id this clock hour (the quota's count). */
  callsThisHour: Record<string, number>;
  quota: QuotaUsage[];
  requests: number;
  apiCalls: number;
  tokenRequests: number;
  codeExchanges: number;
  refreshes: number;
  failedGrants: number;
  revocations: number;
  /** 429s because the hourly quota was spent. */
  throttled429: number;
  /** 429s injected by `rateOf429`. */
  spurious429: number;
  unauthorized401: number;
  conflicts409: number;
  /** 403s for a missing scope or staff permission (not `denyScopes`). */
  forbidden403: number;
  faults: Record<FaultKind, number>;
  statuses: Record<string, number>;
}

export interface AsOtherResult {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** The sandbox's switches and probes, in-process (also over HTTP at `/__sandbox/*`). */
export interface SandboxControl {
  readonly today: string;
  readonly timezone: string;
  setFaults(faults: Partial<FaultConfig>): FaultConfig;
  faults(): FaultConfig;
  clearFaults(): void;
  setOffline(offline: boolean): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  counts(): SandboxCounts;
  quotaUsage(): QuotaUsage[];
  setHourlyQuota(limit: number): void;
  /** Makes every live access token expired (refresh tokens still work). */
  expireAccessTokens(): number;
  revokeAllTokens(): void;
  setTasksWritable(writable: boolean): void;
  /** Base scopes (e.g. "billing") or path prefixes ("/api/line_items") answered 403. Replaces the list. */
  denyScopes(scopesOrPaths: string[]): void;
  /** One endpoint answers 403, 404 or an unreadable body (replaces an earlier rule for it). */
  setEndpointFault(fault: EndpointFault): EndpointFault[];
  clearEndpointFaults(): void;
  endpointFaults(): EndpointFault[];
  /** Makes `path` answer 302 to `location` (any host) for `method` or '*'. */
  addRedirect(method: string, path: string, location: string): void;
  clearRedirects(): void;
  registerRedirectUri(clientId: string, uri: string): void;
  addClient(client: SandboxClient): void;
  /** Tokens without the browser step, for tests (counts as a code exchange). */
  issueTokens(opts?: { clientId?: string; scope?: string; username?: string }): TokenResponse;
  /** Reseeds the data and clears faults, switches, logs, counters and quota; tokens survive. */
  reset(opts?: { seed?: number; today?: string }): void;
  /** An edit by another workstation: merges `patch` unvalidated and bumps updated_at. */
  touchAppointment(id: string, patch?: JsonRecord): JsonRecord;
  touchPatient(id: number, patch?: JsonRecord): JsonRecord;
  /** Any API request as another workstation's user: no auth, quota, faults or log. */
  asOtherWorkstation(method: string, path: string, body?: unknown): Promise<AsOtherResult>;
  canaries(): CanaryPlacement[];
  /**
   * Gives a staff user one of the permission profiles; without `username`, the user of the latest
   * sign-in (else the consent page's default user). Applies to tokens already issued.
   */
  setStaffProfile(profile: StaffProfile, username?: string): StaffProfileResult;
  /** False: `since` lists leave deleted records out even with `show_archived` (a drchrono that never reports them). */
  setSinceReportsDeletions(reported: boolean): void;
  /** False: a patient's `patient_flags` name only their `flag_type` (the other reading). */
  setPatientFlagsNamed(named: boolean): void;
  /** Writes `next`/`previous` on this origin (a proxy's inner `http://…`); null: the request's. */
  setPageLinkOrigin(origin: string | null): void;
  /** 403 (the REST framework's answer without a WWW-Authenticate) or 401 for a rejected token. */
  setAuthRejectedStatus(status: 401 | 403): void;
}

export interface StaffProfileResult {
  username: string;
  profile: StaffProfile;
  permissions: Record<StaffPermission, boolean>;
}

const otherWorkstationUser = 'mgutierrez';

export function createControl(state: SandboxState): SandboxControl {
  const { clock } = state.options;
  const now = () => clock.now();
  return {
    get today() {
      return state.today;
    },
    timezone: state.options.timezone,
    setFaults: (faults) => state.faults.set(faults),
    faults: () => ({ ...state.faults.config }),
    clearFaults: () => state.faults.set({ ...state.faults.config, ...zeroFaults }),
    setOffline: (offline) => state.faults.set({ offline }),
    requests: () => state.log.list(),
    clearRequests: () => {
      state.log.clear();
    },
    counts: () => counts(state),
    quotaUsage: () => state.quota.usage(now()),
    setHourlyQuota: (limit) => {
      state.quota.limit = limit;
    },
    expireAccessTokens: () => state.oauth.expireAccessTokens(now()),
    revokeAllTokens: () => {
      state.oauth.revokeAll();
    },
    setTasksWritable: (writable) => {
      state.switches.tasksWritable = writable;
    },
    denyScopes: (list) => {
      state.deny = [...list];
    },
    setEndpointFault: (fault) => {
      const rule = { ...fault, method: fault.method.toUpperCase() };
      state.endpointFaults = [
        ...state.endpointFaults.filter((f) => f.path !== rule.path || f.method !== rule.method),
        rule,
      ];
      return [...state.endpointFaults];
    },
    clearEndpointFaults: () => {
      state.endpointFaults = [];
    },
    endpointFaults: () => [...state.endpointFaults],
    addRedirect: (method, path, location) => {
      state.redirects.push({ method: method.toUpperCase(), path, location });
    },
    clearRedirects: () => {
      state.redirects = [];
    },
    registerRedirectUri: (clientId, uri) => {
      state.oauth.registerRedirectUri(clientId, uri);
    },
    addClient: (client) => {
      state.oauth.clients.set(client.clientId, {
        ...client,
        redirectUris: [...client.redirectUris],
      });
    },
    issueTokens: (opts = {}) => {
      const clientId = opts.clientId ?? state.options.clients[0]?.clientId ?? '';
      if (!state.oauth.clients.has(clientId)) throw new Error(`unknown client ${clientId}`);
      const username = opts.username ?? state.options.oauthUser;
      const user = state.db.users.all().find((u) => u.data.username === username);
      if (!user) throw new Error(`unknown user ${username}`);
      state.stats.codeExchanges++;
      state.lastSignIn = user.id;
      return state.oauth.issueTokens(
        clientId,
        user.id,
        grantedScopes(opts.scope ?? '').join(' '),
        now(),
      );
    },
    reset: (opts = {}) => {
      if (opts.seed !== undefined) state.seed = opts.seed;
      if (opts.today !== undefined) state.today = opts.today;
      state.reseed();
      state.faults.reset();
      state.faults.set(state.options.faults);
      state.log.clear();
      state.stats.reset();
      state.quota.clear();
      state.quota.limit = state.options.hourlyQuota;
      state.switches.tasksWritable = state.options.tasksWritable;
      state.switches.sinceReportsDeletions = true;
      state.switches.patientFlagsNamed = true;
      state.switches.pageLinkOrigin = null;
      state.switches.authRejectedStatus = 401;
      state.deny = [];
      state.redirects = [];
      state.endpointFaults = [];
    },
    touchAppointment: (id, patch = {}) => {
      const a = state.db.appointments.get(id);
      if (!a) throw new Error(`no appointment ${id}`);
      for (const [k, v] of Object.entries(patch)) {
        if (k === 'id' || k === 'extra' || k === 'createdMs' || k === 'updatedMs') continue;
        if (k in a) (a as unknown as JsonRecord)[k] = v;
        else a.extra[k] = v;
      }
      a.updatedMs = now();
      return structuredClone(presentAppointment(viewCtx(state), a, true));
    },
    touchPatient: (id, patch = {}) => {
      const p = state.db.patients.get(id);
      if (!p) throw new Error(`no patient ${String(id)}`);
      Object.assign(p.data, patch);
      p.updatedMs = now();
      return {
        id: p.id,
        ...structuredClone(p.data),
        updated_at: formatStamp(p.updatedMs, state.options.timezone),
      };
    },
    asOtherWorkstation: async (method, path, body) => {
      const base = state.options.publicBaseUrl ?? 'http://127.0.0.1';
      const url = new URL(path, base);
      const user =
        state.db.users.all().find((u) => u.data.username === otherWorkstationUser) ??
        state.db.users.all()[0];
      const parsed: ParsedBody =
        body === undefined ? { kind: 'none', value: undefined } : { kind: 'json', value: body };
      let response: Response;
      try {
        response = await runApi(state, new Request(url, { method }), url, parsed, {
          userId: user?.id ?? 0,
          clientId: 'other-workstation',
          scopes: 'all',
          now: now(),
        });
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        return { status: err.status, body: err.body, headers: err.headers };
      }
      const text = await response.text();
      const headers: Record<string, string> = {};
      response.headers.forEach((v, k) => (headers[k] = v));
      return {
        status: response.status,
        body: text ? (JSON.parse(text) as unknown) : null,
        headers,
      };
    },
    canaries: () => structuredClone(state.db.canaries),
    setStaffProfile: (profile, username) => {
      const users = state.db.users.all();
      const user =
        username === undefined
          ? (users.find((u) => u.id === state.lastSignIn) ??
            users.find((u) => u.data.username === state.options.oauthUser))
          : users.find((u) => u.data.username === username);
      if (!user) throw new Error(`unknown user ${username ?? state.options.oauthUser}`);
      const permissions = { ...staffProfiles[profile] };
      user.data.permissions = permissions;
      user.updatedMs = now();
      return { username: String(user.data.username), profile, permissions };
    },
    setSinceReportsDeletions: (reported) => {
      state.switches.sinceReportsDeletions = reported;
    },
    setPatientFlagsNamed: (named) => {
      state.switches.patientFlagsNamed = named;
    },
    setPageLinkOrigin: (origin) => {
      state.switches.pageLinkOrigin = origin;
    },
    setAuthRejectedStatus: (status) => {
      state.switches.authRejectedStatus = status;
    },
  };
}

const zeroFaults = {
  latencyMs: 0,
  latencyJitterMs: 0,
  errorRate: 0,
  dropBeforeRate: 0,
  dropAfterRate: 0,
  rateOf429: 0,
  offline: false,
};

function counts(state: SandboxState): SandboxCounts {
  const t = state.options.clock.now();
  const usage = state.quota.usage(t);
  const s = state.stats;
  return {
    hourStart: formatStamp(Math.floor(t / 3_600_000) * 3_600_000, state.options.timezone),
    callsThisHour: Object.fromEntries(usage.map((u) => [u.clientId, u.used])),
    quota: usage,
    requests: s.requests,
    apiCalls: s.apiCalls,
    tokenRequests: s.tokenRequests,
    codeExchanges: s.codeExchanges,
    refreshes: s.refreshes,
    failedGrants: s.failedGrants,
    revocations: s.revocations,
    throttled429: s.throttled,
    spurious429: s.faults['spurious-429'],
    unauthorized401: s.unauthorized,
    conflicts409: s.conflicts,
    forbidden403: s.forbidden,
    faults: { ...s.faults },
    statuses: { ...s.statuses },
  };
}
