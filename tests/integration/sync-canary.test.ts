import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonFileStore, createSecureStore, createTestKeyWrapper } from '../../electron/store';
import { filesUnder } from '../support/files-under';
import { createWorld, TUESDAY_0830 } from './sync-harness';

/**
 * Canaries (reliability C17/C20): unique strings planted in sandbox patients (address, email,
 * emergency contact, a visit's notes). After the desk has synced the practice, the roster, the
 * cache window, searched, looked at a patient's visits and queued edits that carry a canary, no
 * file in the data folder contains one: not the settings, not the call counter, and not the
 * encrypted stores either (they hold ciphertext only).
 */

const canaries = ['CANARY-QX7TZK41', 'CANARY-MV39PLR8', 'CANARY-HN52WQE6'];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('canaries', () => {
  it('are found in no file of the data folder after a day of syncing and queued edits', async () => {
    const world = createWorld({ start: TUESDAY_0830, canaries });
    const dir = await mkdtemp(join(tmpdir(), 'frontdesk-canary-'));
    dirs.push(dir);
    const settings = createJsonFileStore(join(dir, 'settings.json'));
    settings.set('lastView', { view: 'rooms', date: 'today' });
    const ws = world.workstation('desk', {
      secure: createSecureStore({
        dir: join(dir, 'secure'),
        keyWrapper: createTestKeyWrapper(),
        clock: world.clock,
      }),
    });
    const s = ws.services;
    s.sync.start();
    s.sync.activity();
    await world.advance(10_000);
    await world.drive(s.sync.syncNow());

    const planted = world.sandbox.control.canaries();
    expect(planted.length).toBe(canaries.length);
    for (const { patient } of planted) {
      await world.drive(s.book.forPatient(patient));
      const brief = s.roster.briefs([patient])[String(patient)];
      expect(brief).toBeDefined();
      // The roster keeps the email the card shows, so this canary is in the (encrypted) cache.
      expect(brief?.email).toMatch(/^CANARY-/);
      await world.drive(
        s.roster.search({ text: `${brief?.last_name ?? ''}, ${brief?.first_name ?? ''}` }),
      );
    }
    const today = s.practice.cached()?.today ?? '';
    const visit = s.book.cachedDay(today)?.find((a) => a.patient !== null);
    if (!visit) throw new Error('no visit');
    ws.setNetwork(false);
    for (let i = 0; i < 3; i++) {
      s.connectivity.reportFailure({ kind: 'network', committed: 'no', message: 'down' });
    }
    await world.drive(
      s.book.update(
        visit.id,
        { notes: `call back ${canaries[0] ?? ''}` },
        { notes: visit.notes ?? '' },
      ),
    );
    await world.advance(60_000);
    await world.drive(s.sync.stop());
    await world.drive(s.sync.idle());

    const files = await filesUnder(dir);
    expect(files.length).toBeGreaterThan(3);
    let hits = 0;
    let bytes = 0;
    for (const file of files) {
      const content = await readFile(file);
      bytes += (await stat(file)).size;
      for (const canary of canaries) {
        for (const form of [canary, Buffer.from(canary).toString('base64'), canary.toLowerCase()]) {
          if (content.includes(Buffer.from(form))) hits += 1;
        }
      }
    }
    console.log(
      `[figure] canaries: ${String(canaries.length)} planted, ${String(files.length)} files (${String(bytes)} bytes) scanned, found ${String(hits)}`,
    );
    expect(hits).toBe(0);
    expect(s.edits.unsentCount()).toBe(1);
  });
});
