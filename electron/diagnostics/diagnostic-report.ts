import type { AppInfo, Capabilities, SyncStatus } from '../../shared/contract';
import type { FailedEndpoint } from './diagnostic-log';

/**
 * "Copy diagnostic report": what a practice pastes into a support request. Versions, mode and
 * connection state, the calls drchrono refused or answered oddly, and the last lines of the
 * diagnostic log. Built from redacted parts only; never the data folder's path (it names the
 * computer's user), the practice, the signed-in user or anything of a patient.
 */
export interface ReportInput {
  generatedAt: number;
  app: AppInfo;
  /** `process.versions` as far as known: electron and chrome only in the desktop app. */
  versions: {
    electron?: string | undefined;
    chrome?: string | undefined;
    node?: string | undefined;
  };
  platform: string;
  /** The drchrono server's origin (https://drchrono.com, or the demo sandbox). */
  server: string;
  scopesRequested: string;
  sync: Pick<
    SyncStatus,
    'connection' | 'callsThisHour' | 'hourlyCap' | 'pendingEdits' | 'conflicts' | 'needsAttention'
  >;
  failures: FailedEndpoint[];
  /** What this account may do, as seen so far (absent in reports built without it). */
  capabilities?: Capabilities;
  logLines: string[];
}

function accessWords(access: Capabilities['features'][number]['read'] | null): string {
  if (access === null) return '—';
  if (access.state === 'yes') return 'yes';
  if (access.state === 'unknown') return 'not yet seen';
  return `no (${access.why ?? 'refused'}: ${access.reason ?? 'refused'})`;
}

/** One line a feature: `  Appointment templates: read no (permission: it lacks …); write …`. */
export function capabilityLines(capabilities: Capabilities | undefined): string[] {
  if (!capabilities) return ['  not known'];
  return [
    `  Scopes granted: ${capabilities.scopes.join(' ') || 'none'}`,
    ...capabilities.features.map(
      (f) => `  ${f.label}: read ${accessWords(f.read)}; write ${accessWords(f.write)}`,
    ),
  ];
}

export const REPORT_LOG_LINES = 200;

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(not a URL)';
  }
}

export function buildReport(input: ReportInput): string {
  const { app, versions, sync } = input;
  const known = [
    versions.electron ? `Electron ${versions.electron}` : null,
    versions.chrome ? `Chrome ${versions.chrome}` : null,
    versions.node ? `Node ${versions.node}` : null,
  ].filter((v): v is string => v !== null);
  const failures =
    input.failures.length === 0
      ? ['  none since Frontdesk started']
      : input.failures.map(
          (f) =>
            `  ${f.method} ${f.path} → ${f.outcome} ×${String(f.count)}, last ${f.lastAt}${
              f.refusal
                ? ` (${f.refusal})`
                : f.needs === 'none'
                  ? ' (needs no scope: a staff permission)'
                  : f.needs
                    ? ` (needs scope ${f.needs})`
                    : ''
            }`,
        );
  return [
    'Frontdesk diagnostic report (no patient data: paths are templates, values are never logged)',
    `Generated: ${new Date(input.generatedAt).toISOString()}`,
    `Frontdesk ${app.version}, ${app.host === 'electron' ? 'desktop app' : 'browser host'}, ${
      app.mode === 'demo' ? 'demo practice' : 'drchrono account'
    }`,
    `Versions: ${known.length > 0 ? known.join(', ') : 'unknown'}; ${input.platform}`,
    `drchrono server: ${originOf(input.server)}`,
    `Storage: key ${app.storage.keyProtection}, patient data on disk: ${app.storage.phiOnDisk ? 'yes (encrypted)' : 'no'}`,
    `Scopes asked at sign-in: ${input.scopesRequested}`,
    `Connection: ${sync.connection}; calls this hour ${String(sync.callsThisHour)} of ${String(sync.hourlyCap)}; outbox ${String(sync.pendingEdits)} pending, ${String(sync.conflicts)} conflicts, ${String(sync.needsAttention)} need attention`,
    '',
    'Calls that failed since Frontdesk started (endpoint → status or kind):',
    ...failures,
    '',
    'What this drchrono account may do (from the answers seen so far):',
    ...capabilityLines(input.capabilities),
    '',
    `Diagnostic log, last ${String(input.logLines.length)} lines (diagnostics/drchrono.log in the data folder):`,
    ...input.logLines,
    '',
  ].join('\n');
}
