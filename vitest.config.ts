import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import { libraryModule } from './src/runtime/library-index.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The libraries written in Racket (src/lib/*.rkt) load as in the esbuild bundles: text, path and index. */
const rktLibraries: Plugin = {
  name: 'rkt-libraries',
  enforce: 'pre',
  load(id) {
    if (!id.endsWith('.rkt')) return null;
    return libraryModule(relative(root, id).split(sep).join('/'), readFileSync(id, 'utf8'));
  },
};

export default defineConfig({
  plugins: [rktLibraries],
  test: {
    include: ['test/**/*.test.ts'],
    // A timeout is there to catch a hang, not to measure speed: the heaviest
    // tests (a million-deep recursion, printing million-element lists) take
    // a few seconds on an idle machine and several times that on a busy CI
    // machine whose cores are shared.
    testTimeout: 120_000,
    pool: 'threads',
  },
});
