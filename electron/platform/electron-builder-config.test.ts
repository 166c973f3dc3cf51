import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml arrives with electron-builder (its own config reader), so the test parses the file the
// way the packager will.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load: (text: string) => unknown };
const root = resolve(import.meta.dirname, '../..');
const config = yaml.load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as Record<
  string,
  unknown
>;

describe('electron-builder.yml', () => {
  it('names the app and its licence', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Frontdesk');
    expect(pkg.license).toBe('GPL-3.0-or-later');
    expect(String(config.copyright)).toContain('GPL-3.0-or-later');
  });

  it('packages only the built bundles, in an asar', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
    expect(
      (config.files as string[]).some((f) => /^(electron|renderer|shared|tests)\//.test(f)),
    ).toBe(false);
    expect((config.extraMetadata as { main: string }).main).toBe(pkg.main);
  });

  it('switches the security fuses the right way', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
  });
});

describe('electron-builder accepts the file', () => {
  it('passes electron-builder’s own schema validation (offline)', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, electronFuses: { runAsNod: false } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow();
  });
});
