import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectron } from '../../scripts/start';

/**
 * Issue 11: `npm start` where Electron cannot run (no binary, no display) says so in one line and
 * starts the browser host instead, printing its address. Run for real, as `npm start` runs it
 * after the build, with Electron's binary pointed at a folder that does not exist.
 */

const root = resolve(import.meta.dirname, '../..');
let dataDir = '';

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the start launcher', () => {
  it('finds no Electron where the binary or the display is missing, without downloading', () => {
    expect(findElectron({ ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron' })).toEqual({
      ok: false,
      reason: 'its binary is not installed (it was not downloaded)',
    });
    // A binary that is there, on Linux without a display: still the browser host.
    const fake = mkdtempSync(join(tmpdir(), 'frontdesk-fake-electron-'));
    writeFileSync(join(fake, 'electron'), '');
    expect(findElectron({ ELECTRON_OVERRIDE_DIST_PATH: fake }, 'linux')).toEqual({
      ok: false,
      reason: 'there is no display (no DISPLAY or WAYLAND_DISPLAY)',
    });
    expect(findElectron({ ELECTRON_OVERRIDE_DIST_PATH: fake, DISPLAY: ':0' }, 'linux')).toEqual({
      ok: true,
      binary: join(fake, 'electron'),
    });
  });

  it('falls back to the browser host in one line, no stack trace, and prints the address', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'frontdesk-launcher-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron',
        PORT: '0',
        FRONTDESK_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    try {
      const end = Date.now() + 60_000;
      while (!/\/\?key=\S+/.test(out)) {
        if (Date.now() > end || child.exitCode !== null) {
          throw new Error(`no address printed:\n${out}\n${err}`);
        }
        await new Promise((done) => setTimeout(done, 50));
      }
      const lines = err.split('\n').filter((line) => line.trim() !== '');
      expect(lines[0]).toBe(
        'Electron cannot start here (its binary is not installed (it was not downloaded)); starting Frontdesk in the browser instead.',
      );
      expect(`${out}\n${err}`).not.toMatch(/^\s+at\s/m);
      const address = /(http:\/\/127\.0\.0\.1:\d+\/\?key=\S+)/.exec(out)?.[1] ?? '';
      const opened = await fetch(address, { redirect: 'manual' });
      expect(opened.status).toBe(302);
      expect(opened.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 90_000);
});
