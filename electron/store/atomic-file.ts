import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { chmod, link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Durable replacement of a file: a temp file in the same folder (so rename stays on one file
 * system and is atomic), written and fsynced, renamed over the target, then the folder fsynced so
 * the rename itself survives a power cut. A reader sees the old bytes or the new, never a mix.
 */

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
export const TEMP_SUFFIX = '.tmp';

function tempPathFor(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`,
  );
}

/** Creates the folder if needed and tightens it to 0700 (mkdir's mode is subject to the umask). */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  await chmod(dir, DIR_MODE);
}

export function ensurePrivateDirSync(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodSync(dir, DIR_MODE);
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * With `previous`, the file being replaced is first linked there (link, then rename: the target
 * never goes missing, and `previous` is always a complete earlier generation).
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array,
  options: { previous?: string } = {},
): Promise<void> {
  const temp = tempPathFor(target);
  // 'wx': never follow or reuse an existing path; the mode is set at creation, not after.
  const handle = await open(temp, 'wx', FILE_MODE);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.previous !== undefined) await keepAsPrevious(target, options.previous);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDir(dirname(target));
}

async function keepAsPrevious(target: string, previous: string): Promise<void> {
  const staging = tempPathFor(previous);
  try {
    await link(target, staging);
  } catch (error) {
    // Nothing written yet: there is no earlier generation to keep.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    await rename(staging, previous);
  } catch (error) {
    await unlink(staging).catch(() => undefined);
    throw error;
  }
}

export function writeFileAtomicSync(target: string, data: Uint8Array): void {
  const temp = tempPathFor(target);
  const fd = openSync(temp, 'wx', FILE_MODE);
  try {
    try {
      let offset = 0;
      while (offset < data.length) offset += writeSync(fd, data, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
  const dirFd = openSync(dirname(target), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
