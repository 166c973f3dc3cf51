import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname } from 'node:path';

/**
 * An append-only text file rotated by size: `name` is the newest, `name.1` the one before, up to
 * `name.<generations - 1>`; the oldest is dropped. Files are 0600 in a 0700 folder. Writes are
 * synchronous (a line is ~150 bytes, a few per second at most) so lines keep their order and a
 * crash loses none that were written; a write that fails is dropped, never thrown: the log must
 * not take down what it watches.
 */
export interface RotatingFileOptions {
  path: string;
  /** The newest file is rotated before a line would take it past this size. */
  maxBytes: number;
  /** Files kept, the newest included (≥ 1). */
  generations: number;
}

export interface RotatingFile {
  append(line: string): void;
  /** The last `count` lines across the generations, oldest first. */
  tail(count: number): string[];
  /** The files that exist now, newest first. */
  files(): string[];
}

export function createRotatingFile(options: RotatingFileOptions): RotatingFile {
  const { path, maxBytes } = options;
  const generations = Math.max(1, Math.floor(options.generations));
  const nameOf = (generation: number): string =>
    generation === 0 ? path : `${path}.${String(generation)}`;
  let size: number | null = null;

  function open(): number {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (!existsSync(path)) return 0;
    // Someone may have loosened it; the log is ours to keep private.
    chmodSync(path, 0o600);
    return statSync(path).size;
  }

  function rotate(): void {
    rmSync(nameOf(generations - 1), { force: true });
    for (let g = generations - 2; g >= 0; g--) {
      if (existsSync(nameOf(g))) renameSync(nameOf(g), nameOf(g + 1));
    }
    size = 0;
  }

  return {
    append(line) {
      const text = `${line}\n`;
      const bytes = Buffer.byteLength(text);
      try {
        size ??= open();
        if (size > 0 && size + bytes > maxBytes) {
          if (generations > 1) rotate();
          else {
            rmSync(path, { force: true });
            size = 0;
          }
        }
        appendFileSync(path, text, { mode: 0o600 });
        size += bytes;
      } catch {
        // A full disk or a vanished folder: this line is lost, the app goes on. The next write
        // looks at the file afresh.
        size = null;
      }
    },
    tail(count) {
      const out: string[] = [];
      for (let g = 0; g < generations && out.length < count; g++) {
        let text: string;
        try {
          text = readFileSync(nameOf(g), 'utf8');
        } catch {
          continue;
        }
        const lines = text.split('\n').filter((l) => l !== '');
        out.unshift(...lines.slice(Math.max(0, lines.length - (count - out.length))));
      }
      return out;
    },
    files() {
      const out: string[] = [];
      for (let g = 0; g < generations; g++) if (existsSync(nameOf(g))) out.push(nameOf(g));
      return out;
    },
  };
}
