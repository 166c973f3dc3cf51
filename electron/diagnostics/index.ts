import { join } from 'node:path';
import type { Clock } from '../../shared/time/clock';
import { createDiagnosticLog, type DiagnosticLog } from './diagnostic-log';
import { createRotatingFile } from './rotating-file';

export { createConsoleSummary, fanOut } from './console-summary';
export { createDiagnosticsHandlers } from './diagnostics-handlers';
export type { DiagnosticLog, FailedEndpoint } from './diagnostic-log';
export { pathTemplate } from './path-template';

/** 1 MB a file, the newest and two before it: days of calls at drchrono's hourly quota. */
export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_GENERATIONS = 3;

/** The diagnostic log of this data folder: `<dataDir>/diagnostics/drchrono.log` (+ `.1`, `.2`). */
export function openDiagnosticLog(dataDir: string, clock: Clock): DiagnosticLog {
  const file = createRotatingFile({
    path: join(dataDir, 'diagnostics', 'drchrono.log'),
    maxBytes: LOG_MAX_BYTES,
    generations: LOG_GENERATIONS,
  });
  return createDiagnosticLog({ file, clock });
}
