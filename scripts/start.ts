import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * `npm start`: the desktop app when Electron can run here, otherwise the same app in the browser
 * host. On a headless server, or where Electron's binary was never downloaded, it says so in one
 * line (no stack trace) and starts the browser host, which prints its address.
 */

const root = resolve(import.meta.dirname, '..');
/** A start that fails within this long is "cannot start here", not a crash of a running app. */
const startupWindowMs = 20_000;

export type ElectronCheck = { ok: true; binary: string } | { ok: false; reason: string };

/** Where Electron's binary is, found the way its package does, but never downloading it. */
export function findElectron(env: NodeJS.ProcessEnv, platform = process.platform): ElectronCheck {
  let packageDir: string;
  try {
    packageDir = dirname(
      createRequire(join(root, 'package.json')).resolve('electron/package.json'),
    );
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? join(override, executable || 'electron')
    : executable
      ? join(packageDir, 'dist', executable)
      : '';
  if (binary === '' || !existsSync(binary)) {
    return { ok: false, reason: 'its binary is not installed (it was not downloaded)' };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'there is no display (no DISPLAY or WAYLAND_DISPLAY)' };
  }
  return { ok: true, binary };
}

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

function forwardSignals(child: ChildProcess): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      child.kill(signal);
    });
  }
}

function startBrowserHost(reason: string): void {
  say(`Electron cannot start here (${reason}); starting Frontdesk in the browser instead.`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web-host-cli.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  forwardSignals(child);
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}

function startElectron(binary: string): void {
  const started = Date.now();
  const child = spawn(binary, ['.'], { cwd: root, stdio: ['inherit', 'inherit', 'pipe'] });
  // Held back while Electron starts: if it cannot, its error becomes one line, not a trace.
  let early: Buffer[] | null = [];
  const flush = setTimeout(() => {
    for (const chunk of early ?? []) process.stderr.write(chunk);
    early = null;
  }, startupWindowMs);
  child.stderr.on('data', (chunk: Buffer) => {
    if (early) early.push(chunk);
    else process.stderr.write(chunk);
  });
  forwardSignals(child);
  child.on('error', (error: NodeJS.ErrnoException) => {
    clearTimeout(flush);
    startBrowserHost(`it could not be run: ${error.code ?? error.name}`);
  });
  child.on('exit', (code, signal) => {
    clearTimeout(flush);
    if (code !== 0 && code !== null && early && Date.now() - started < startupWindowMs) {
      const first = Buffer.concat(early)
        .toString('utf8')
        .split('\n')
        .map((line) => line.trim())
        .find((line) => line !== '');
      startBrowserHost(
        `it exited with code ${String(code)}${first ? `: ${first.slice(0, 160)}` : ''}`,
      );
      return;
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const check = findElectron(process.env);
  if (check.ok) startElectron(check.binary);
  else startBrowserHost(check.reason);
}
