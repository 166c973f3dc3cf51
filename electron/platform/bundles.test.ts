import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

/**
 * The Electron bundles cannot be run here, but they must build, and the preload must stay thin:
 * a sandboxed preload may require nothing but `electron`.
 */
const root = resolve(import.meta.dirname, '../..');

async function bundle(mode: 'main' | 'preload'): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `frontdesk-${mode}-`));
  await build({
    configFile: join(root, 'vite.config.ts'),
    mode,
    logLevel: 'silent',
    build: { outDir, sourcemap: false },
  });
  return readFileSync(join(outDir, mode === 'main' ? 'main.js' : 'preload.cjs'), 'utf8');
}

describe('Electron bundles', () => {
  it('the preload builds as CommonJS requiring only electron, and exposes only frontdesk', async () => {
    const code = await bundle('preload');
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect([...code.matchAll(/exposeInMainWorld\(/g)]).toHaveLength(1);
    expect(code).toContain('"frontdesk"');
  }, 60_000);

  it('the main process builds as an ES module', async () => {
    const code = await bundle('main');
    expect(code).toMatch(/from ["']electron["']/);
    expect(code).toContain('registerSchemesAsPrivileged');
    expect(code).not.toMatch(/require\(["']electron["']\)/);
  }, 60_000);
});
