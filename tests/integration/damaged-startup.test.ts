import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { createMemoryLogger } from '../../electron/app/log';
import { startWebHost, type WebHost } from '../../electron/web-host';
import { consent } from './auth-helpers';

/**
 * Issue 11, finding 4: one flipped bit in a store file used to stop the host from starting.
 * A desk is used for real (signed in, a PIN, a saved connection, preferences, an edit), then
 * started once per file it left on disk, with one bit of that file flipped: every start-up must
 * come up, say in one sentence what it reset, or (a damaged data key) offer to start fresh.
 */

const staticDir = mkdtempSync(join(tmpdir(), 'frontdesk-damaged-static-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Frontdesk</title>');
const dirs: string[] = [];
let used = '';

async function start(dataDir: string): Promise<WebHost> {
  return startWebHost({
    port: 0,
    staticDir,
    logger: createMemoryLogger(),
    console: () => undefined,
    env: { FRONTDESK_DATA_DIR: dataDir },
  });
}

async function call<T>(host: WebHost, channel: string, body: unknown = {}): Promise<Result<T>> {
  const response = await fetch(`${host.url}/ipc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: host.url,
      Cookie: `${host.cookie.name}=${host.cookie.value}`,
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Result<T>;
}

async function value<T>(reply: Promise<Result<T>>): Promise<T> {
  const settled = await reply;
  if (!settled.ok) throw new Error(`${settled.error.code}: ${settled.error.message}`);
  return settled.value;
}

beforeAll(async () => {
  used = await mkdtemp(join(tmpdir(), 'frontdesk-damaged-'));
  dirs.push(used);
  const host = await start(used);
  try {
    const started = await value(call<{ authorizeUrl: string }>(host, 'auth:signIn', {}));
    const back = await consent(started.authorizeUrl, 'authorize');
    await fetch(back, { redirect: 'manual' });
    await value(call(host, 'lock:setPin', { pin: '2468' }));
    await value(call(host, 'prefs:set', { lock: { idleMinutes: 7 } }));
    await value(call(host, 'practice:get', {}));
    const sandbox = host.runtime.demoSandbox?.url ?? '';
    await value(
      call(host, 'settings:saveConnection', {
        clientId: 'frontdesk-demo',
        clientSecret: 'frontdesk-demo-secret',
        redirectUri: `${host.url}/oauth/callback`,
        baseUrl: sandbox,
      }),
    );
    await host.runtime.services.edits.submit({
      resource: 'patients',
      op: 'update',
      targetId: '1',
      body: { cell_phone: '(555) 010-0001' },
      summary: 'Phone of patient 1',
    });
  } finally {
    await host.close();
  }
}, 60_000);

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function storeFiles(): Promise<string[]> {
  const top = (await readdir(used)).filter((f) => f === 'settings.json' || f === 'keyfile');
  const secure = (await readdir(join(used, 'secure')))
    .filter((f) => !f.startsWith('.'))
    .map((f) => `secure/${f}`);
  return [...top, ...secure].sort();
}

async function flipOneBit(file: string, first: boolean): Promise<void> {
  const bytes = await readFile(file);
  const at = first ? 0 : Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x04;
  await writeFile(file, bytes);
}

describe('start-up with one damaged store file', () => {
  it('never exits: it resets what it must, says so, or offers to start fresh', async () => {
    const files = await storeFiles();
    // The files a used desk leaves behind, each of which gets its own damaged start-up.
    for (const expected of [
      'keyfile',
      'secure/connection.fdx',
      'secure/data-key.wrapped',
      'secure/lock-pin.fdx',
      'secure/outbox.fdx',
      'secure/tokens.fdx',
      'settings.json',
    ]) {
      expect(files).toContain(expected);
    }
    const exits: string[] = [];
    const told: Record<string, string> = {};
    for (const file of files) {
      const copy = await mkdtemp(join(tmpdir(), 'frontdesk-damaged-copy-'));
      dirs.push(copy);
      await cp(used, copy, { recursive: true });
      await flipOneBit(join(copy, file), file === 'settings.json');
      let host: WebHost;
      try {
        host = await start(copy);
      } catch (error) {
        exits.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      try {
        const info = await value(call<AppInfo>(host, 'app:info'));
        told[file] = info.keyProblem ?? (info.notices ?? []).join(' ');
      } finally {
        await host.close();
      }
    }
    console.log(
      `[figure] damaged-file start-ups that exit: ${String(exits.length)} of ${String(files.length)}`,
    );
    expect(exits).toEqual([]);
    expect(told['settings.json']).toMatch(/preferences were reset to their defaults/);
    expect(told['secure/connection.fdx']).toMatch(/connection to drchrono was damaged/);
    expect(told['secure/lock-pin.fdx']).toMatch(/PIN was removed/);
    expect(told['secure/data-key.wrapped']).toMatch(/data key/);
    expect(told.keyfile).toMatch(/data key/);
    expect(told['secure/outbox.fdx']).toBe('');
  }, 180_000);

  it('a damaged data key: start fresh keeps the old data aside and comes back without the problem', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'frontdesk-damaged-key-'));
    dirs.push(copy);
    await cp(used, copy, { recursive: true });
    await flipOneBit(join(copy, 'keyfile'), false);
    const host = await start(copy);
    try {
      const before = await value(call<AppInfo>(host, 'app:info'));
      expect(before.keyProblem).toBeTruthy();
      expect(before.storage.phiOnDisk).toBe(false);
      // Nothing else is read while the problem stands.
      const practice = await call(host, 'practice:get');
      expect(practice.ok).toBe(false);
      expect(await value(call(host, 'app:startFresh'))).toEqual({ restarting: true });
      const end = Date.now() + 30_000;
      let after: AppInfo | null = null;
      while (Date.now() < end) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const reply = await call<AppInfo>(host, 'app:info');
        if (reply.ok && !reply.value.keyProblem) {
          after = reply.value;
          break;
        }
      }
      expect(after?.storage.phiOnDisk).toBe(true);
      const entries = await readdir(copy);
      const aside = entries.find((f) => f.startsWith('secure.damaged-'));
      expect(aside).toBeDefined();
      // The unsent edits are in the data set aside, untouched.
      expect(await readdir(join(copy, aside!))).toContain('outbox.fdx');
      expect(entries.some((f) => f.startsWith('keyfile.damaged-'))).toBe(true);
    } finally {
      await host.close();
    }
  }, 60_000);
});
