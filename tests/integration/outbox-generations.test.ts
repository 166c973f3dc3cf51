import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../shared/time/clock';
import { createSecureStore, createTestKeyWrapper } from '../../electron/store';
import type { KeyWrapper } from '../../electron/store';
import { OutboxQueue } from '../../electron/sync';
import { FakeDrchrono } from '../../electron/sync/testing/fake-drchrono';

/**
 * Issue 11, finding 5: one damaged byte in outbox.fdx used to lose every queued edit to the app.
 * Each write now keeps the generation it replaced, so a damaged outbox costs at most the change
 * written last, and the outbox says what came back.
 */

const START = Date.UTC(2026, 10, 23, 14, 0, 0);
const QUEUED = 5;
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function queueOn(dir: string, wrapper: KeyWrapper): OutboxQueue {
  const clock = new VirtualClock(START);
  return new OutboxQueue({
    store: createSecureStore({ dir, keyWrapper: wrapper, clock }),
    client: new FakeDrchrono(clock),
    clock,
    isOnline: () => false,
    zone: () => 'America/New_York',
  });
}

/** A desk that queued QUEUED edits offline, one save each, then stopped. */
async function queuedDesk(): Promise<{ dir: string; wrapper: KeyWrapper }> {
  const dir = await mkdtemp(join(tmpdir(), 'frontdesk-generations-'));
  dirs.push(dir);
  const wrapper = createTestKeyWrapper();
  const queue = queueOn(dir, wrapper);
  for (let i = 1; i <= QUEUED; i++) {
    const reply = await queue.submit({
      resource: 'patients',
      op: 'update',
      targetId: String(100 + i),
      body: { cell_phone: `(555) 010-000${String(i)}` },
      summary: `Phone of patient ${String(100 + i)}`,
    });
    expect(reply.ok && reply.value.state).toBe('queued');
  }
  await queue.idle();
  return { dir, wrapper };
}

async function flipOneByte(file: string, random: () => number): Promise<void> {
  const bytes = await readFile(file);
  const at = Math.floor(random() * bytes.length);
  bytes[at] = (bytes[at] ?? 0) ^ (1 << Math.floor(random() * 8));
  await writeFile(file, bytes);
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('the outbox keeps its previous generation', () => {
  it('one flipped bit anywhere in outbox.fdx loses at most the change written last', async () => {
    const { dir, wrapper } = await queuedDesk();
    const random = seeded(11);
    const trials = 12;
    let worst = 0;
    for (let trial = 0; trial < trials; trial++) {
      const copy = `${dir}-trial-${String(trial)}`;
      dirs.push(copy);
      await cp(dir, copy, { recursive: true });
      await flipOneByte(join(copy, 'outbox.fdx'), random);
      const again = queueOn(copy, wrapper);
      await again.init();
      const recovered = again.entries().map((e) => e.summary);
      worst = Math.max(worst, QUEUED - recovered.length);
      // Whatever came back is listed for the user, with where the damaged file went.
      const problem = again.problem() ?? '';
      expect(problem).toMatch(/damaged/);
      for (const summary of recovered) expect(problem).toContain(summary);
      expect((await readdir(copy)).some((f) => f.startsWith('outbox.quarantined-'))).toBe(true);
      // The recovered outbox goes on working: a new edit is saved and survives a restart.
      await again.submit({
        resource: 'patients',
        op: 'update',
        targetId: '999',
        body: { cell_phone: '(555) 010-0999' },
        summary: 'Phone of patient 999',
      });
      await again.idle();
      const third = queueOn(copy, wrapper);
      await third.init();
      expect(third.unsentCount()).toBe(recovered.length + 1);
      expect(third.problem()).toBeNull();
    }
    console.log(
      `[figure] edits lost after one flipped byte in the outbox: ${String(worst)} ` +
        `(worst of ${String(trials)} flips, ${String(QUEUED)} queued)`,
    );
    expect(worst).toBeLessThanOrEqual(1);
  }, 60_000);

  it('a damaged earlier copy costs nothing while the latest one reads', async () => {
    const { dir, wrapper } = await queuedDesk();
    await flipOneByte(join(dir, 'outbox.previous.fdx'), seeded(3));
    const again = queueOn(dir, wrapper);
    await again.init();
    expect(again.unsentCount()).toBe(QUEUED);
    expect(again.problem()).toBeNull();
  });
});
