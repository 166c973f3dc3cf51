import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../../shared/time/clock';
import { createFreshStart } from './fresh-start';

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

describe('starting afresh after a damaged data key', () => {
  it('refuses when the saved data opens normally, and sets nothing aside', async () => {
    dir = await mkdtemp(join(tmpdir(), 'fd-fresh-'));
    await mkdir(join(dir, 'secure'));
    const restart = vi.fn(() => Promise.resolve());
    const start = createFreshStart({
      keyProblem: null,
      secureDir: join(dir, 'secure'),
      clock: new VirtualClock(5),
      restart,
    });
    expect(await start()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await readdir(dir)).toEqual(['secure']);
    expect(restart).not.toHaveBeenCalled();
  });

  it('says so where the host cannot restart itself', async () => {
    const start = createFreshStart({
      keyProblem: 'damaged',
      secureDir: '/nonexistent',
      clock: new VirtualClock(5),
      restart: undefined,
    });
    expect(await start()).toMatchObject({
      ok: false,
      error: { message: 'This host cannot start afresh by itself: restart Frontdesk.' },
    });
  });

  it('keeps the damaged data beside the new folder, then restarts once the answer is out', async () => {
    dir = await mkdtemp(join(tmpdir(), 'fd-fresh-'));
    await mkdir(join(dir, 'secure'));
    const restart = vi.fn(() => Promise.resolve());
    const start = createFreshStart({
      keyProblem: 'damaged',
      secureDir: join(dir, 'secure'),
      clock: new VirtualClock(1234),
      restart,
    });
    expect(await start()).toEqual({ ok: true, value: { restarting: true } });
    // Not before the answer is out (checked before any other await lets the timer run).
    expect(restart).not.toHaveBeenCalled();
    expect(await readdir(dir)).toEqual(['secure.damaged-1234']);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(restart).toHaveBeenCalledTimes(1);
  });
});
