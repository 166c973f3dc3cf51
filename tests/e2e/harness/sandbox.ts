import {
  startSandboxServer,
  type SandboxServer,
  type SandboxServerOptions,
} from '../../../electron/sandbox';

export type { SandboxServer };

/** The sandbox on 127.0.0.1, a free port, with its control routes (`/__sandbox/*`) mounted. */
export function startSandbox(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  return startSandboxServer({ controlRoutes: true, ...options, port: 0 });
}
