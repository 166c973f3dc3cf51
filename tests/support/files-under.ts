import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file below `dir`, for tests that scan a data folder for what must not be there. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}
