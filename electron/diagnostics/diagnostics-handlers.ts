import type { AppInfo, Capabilities, SyncStatus } from '../../shared/contract';
import type { diagnosticsChannels } from '../../shared/contract/diagnostics-channels';
import { ok } from '../../shared/result';
import type { Clock } from '../../shared/time/clock';
import { frontdeskScope } from '../auth/scopes';
import type { HandlerGroup } from '../handlers/types';
import type { DiagnosticLog } from './diagnostic-log';
import { buildReport, REPORT_LOG_LINES } from './diagnostic-report';

export interface DiagnosticsHandlerDeps {
  log: DiagnosticLog;
  clock: Clock;
  app: () => AppInfo;
  sync: () => SyncStatus;
  capabilities?: () => Capabilities;
  /** The drchrono server in use (only its origin is reported). */
  server: () => Promise<string>;
}

/** `diagnostics:report`: given only what it reads (not the whole services bag). */
export function createDiagnosticsHandlers(
  deps: DiagnosticsHandlerDeps,
): HandlerGroup<keyof typeof diagnosticsChannels> {
  return {
    'diagnostics:report': async () => {
      const logLines = deps.log.tail(REPORT_LOG_LINES);
      const text = buildReport({
        generatedAt: deps.clock.now(),
        app: deps.app(),
        versions: process.versions,
        platform: `${process.platform} ${process.arch}`,
        server: await deps.server(),
        scopesRequested: frontdeskScope,
        sync: deps.sync(),
        failures: deps.log.failures(),
        ...(deps.capabilities ? { capabilities: deps.capabilities() } : {}),
        logLines,
      });
      return ok({ text, logLines: logLines.length });
    },
  };
}
