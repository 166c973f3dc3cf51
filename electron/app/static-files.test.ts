import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from './static-files';
import { traversalAttempts } from './testing/traversal-attempts';

const root = mkdtempSync(join(tmpdir(), 'frontdesk-static-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'app.js'), '');

describe('static file resolver (browser host and app:// protocol)', () => {
  it('serves bundled files, the index for /', () => {
    const index = resolveStaticPath(root, '/');
    expect(index.ok && index.file).toBe(join(root, 'index.html'));
    const script = resolveStaticPath(root, '/assets/app.js');
    expect(script.ok && script.contentType).toMatch(/javascript/);
  });

  it.each(traversalAttempts)('refuses %s', (attempt) => {
    const result = resolveStaticPath(root, attempt);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([400, 404]).toContain(result.status);
  });

  it('refuses files of unknown types (404)', () => {
    const result = resolveStaticPath(root, '/assets/app.exe');
    expect(!result.ok && result.status).toBe(404);
  });
});
