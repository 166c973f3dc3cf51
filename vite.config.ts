import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

// One config, three builds, chosen by --mode: the renderer (browser code), the main process
// (ESM, Node) and the preload (CommonJS, because sandboxed preloads cannot be ES modules).
const root = import.meta.dirname;
const nodeExternals = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

function rendererConfig(): UserConfig {
  return {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'dist/renderer'),
      emptyOutDir: true,
      sourcemap: true,
      target: 'chrome130',
    },
  };
}

function nodeBundle(
  entry: string,
  outDir: string,
  format: 'es' | 'cjs',
  fileName: string,
): UserConfig {
  return {
    build: {
      ssr: resolve(root, entry),
      outDir: resolve(root, outDir),
      emptyOutDir: true,
      target: 'node20',
      sourcemap: true,
      rollupOptions: {
        external: nodeExternals,
        output: { format, entryFileNames: fileName },
      },
    },
    ssr: { noExternal: format === 'cjs' ? true : [] },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'main') return nodeBundle('electron/main.ts', 'dist/main', 'es', 'main.js');
  if (mode === 'preload')
    return nodeBundle('electron/preload.ts', 'dist/preload', 'cjs', 'preload.cjs');
  return {
    ...rendererConfig(),
    test: {
      root,
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            root,
            environment: 'node',
            include: [
              'electron/**/*.test.ts',
              'shared/**/*.test.ts',
              'tests/integration/**/*.test.ts',
            ],
          },
        },
        {
          extends: true,
          test: {
            name: 'jsdom',
            root,
            environment: 'jsdom',
            include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
            setupFiles: [resolve(root, 'renderer/test-setup.ts')],
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            root,
            environment: 'node',
            include: ['tests/e2e/**/*.test.ts'],
            testTimeout: 120_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
