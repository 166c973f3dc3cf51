import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run bench`: runs every benchmark module in tests/bench (each exports a `run…Bench()`
 * function that prints its own `[figure]` lines or returns them as `{ lines }`) one after another,
 * and says which ran. Figures, not assertions: a slow run prints a slow number, it does not fail.
 * `npm run bench -- day` runs only the modules whose file name contains "day".
 */
const here = import.meta.dirname;
const only = process.argv.slice(2);

// Only modules that export a bench are imported: helpers and CLIs (which run on import) are not.
const exportsBench = /export\s+(async\s+)?function\s+run\w*Bench\b/;
const modules = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'run.ts')
  .filter((file) => exportsBench.test(readFileSync(join(here, file), 'utf8')))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

let failed = 0;
for (const file of modules) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as Record<string, unknown>;
  const benches = Object.entries(module).filter(
    (entry): entry is [string, () => unknown] =>
      /^run\w*Bench$/.test(entry[0]) && typeof entry[1] === 'function',
  );
  for (const [name, bench] of benches) {
    const started = performance.now();
    process.stdout.write(`\n▶ ${basename(file)} · ${name}\n`);
    try {
      const result = await bench();
      // A bench may print its own figures, or return them as `lines` for the runner to print.
      for (const line of figureLines(result)) process.stdout.write(`[figure] ${line}\n`);
      process.stdout.write(`  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    } catch (error) {
      failed += 1;
      process.stdout.write(`  failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
}
if (modules.length === 0) process.stdout.write('No benchmarks found in tests/bench.\n');
process.stdout.write(`\n${modules.length} benchmark module(s) run, ${failed} failed.\n`);
process.exitCode = failed > 0 ? 1 : 0;

function figureLines(result: unknown): string[] {
  if (result === null || typeof result !== 'object' || !('lines' in result)) return [];
  const { lines } = result;
  return Array.isArray(lines) ? lines.filter((l): l is string => typeof l === 'string') : [];
}
