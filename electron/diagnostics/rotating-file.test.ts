import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRotatingFile } from './rotating-file';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-rotating-'));
  dirs.push(dir);
  return dir;
}
const line = (n: number): string => `line ${String(n).padStart(4, '0')} ${'x'.repeat(40)}`;

describe('the rotating log file', () => {
  it('rotates by size, keeps the given number of generations, and never grows past them', () => {
    const path = join(tempDir(), 'logs', 'drchrono.log');
    const file = createRotatingFile({ path, maxBytes: 500, generations: 3 });
    for (let n = 0; n < 100; n++) file.append(line(n));
    expect(file.files()).toEqual([path, `${path}.1`, `${path}.2`]);
    for (const f of file.files()) expect(statSync(f).size).toBeLessThanOrEqual(500);
    // The newest file ends with the last line; older generations hold the lines just before.
    expect(readFileSync(path, 'utf8').trimEnd().split('\n').at(-1)).toBe(line(99));
    // 9 lines of 51 bytes fit in 500: at least two full older files, whatever the newest holds.
    const tail = file.tail(15);
    expect(tail).toEqual(Array.from({ length: 15 }, (_, i) => line(85 + i)));
    // Asked for more than is kept: everything still there, oldest first, nothing twice.
    const all = file.tail(1000);
    expect(all.at(-1)).toBe(line(99));
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeLessThan(100);
  });

  it('creates the file 0600 in a 0700 folder, and tightens a file someone loosened', () => {
    const dir = join(tempDir(), 'diagnostics');
    const path = join(dir, 'drchrono.log');
    createRotatingFile({ path, maxBytes: 10_000, generations: 2 }).append('first');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    chmodSync(path, 0o644);
    createRotatingFile({ path, maxBytes: 10_000, generations: 2 }).append('second');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe('first\nsecond\n');
  });

  it('rotated files stay 0600, and one generation means the file starts over', () => {
    const path = join(tempDir(), 'one.log');
    const file = createRotatingFile({ path, maxBytes: 100, generations: 1 });
    for (let n = 0; n < 10; n++) file.append(line(n));
    expect(file.files()).toEqual([path]);
    expect(file.tail(5)).toEqual([line(9)]);
    const two = join(tempDir(), 'two.log');
    const rotating = createRotatingFile({ path: two, maxBytes: 100, generations: 2 });
    for (let n = 0; n < 5; n++) rotating.append(line(n));
    expect(statSync(`${two}.1`).mode & 0o777).toBe(0o600);
  });

  it('drops a line it cannot write instead of throwing, and recovers', () => {
    const dir = tempDir();
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const file = createRotatingFile({
      path: join(blocker, 'x.log'),
      maxBytes: 100,
      generations: 2,
    });
    expect(() => {
      file.append('lost');
    }).not.toThrow();
    expect(file.tail(5)).toEqual([]);
  });
});
