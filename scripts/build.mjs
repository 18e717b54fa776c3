// Builds dist/cli.cjs (the `rkt` command, bundled and minified by esbuild)
// and the V8 code cache bin/rkt loads with it; the embedding API as
// dist/index.mjs (ESM) and dist/index.cjs (CommonJS) with its types in
// dist/types. Everything is bundled, so the package needs no dependencies.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
});

// The embedding API, for Node applications (package.json "exports").
for (const format of ['esm', 'cjs']) {
  await build({
    entryPoints: ['src/embed/index.ts'],
    outfile: format === 'esm' ? 'dist/index.mjs' : 'dist/index.cjs',
    bundle: true,
    platform: 'node',
    format,
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  });
}

// Its type declarations.
rmSync(`${root}dist/types`, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const types = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { cwd: root, encoding: 'utf8' });
if (types.status !== 0) {
  console.error(`type declarations failed:\n${types.stdout}${types.stderr}`);
  process.exit(1);
}

// A library build for tools that drive a Runtime in-process (bench/threads/memory.mjs).
await build({
  stdin: { contents: "export { Runtime } from './src/runtime/runtime.ts'; export { nodeHost } from './src/host/node-host.ts';", resolveDir: root, loader: 'ts' },
  outfile: 'dist/lib.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
});

// Run a small program once so the code used at startup is compiled, and save V8's cache of it.
rmSync(`${root}dist/cli.cjs.cache`, { force: true });
const warm = spawnSync(process.execPath, [`${root}bin/rkt`, '-e', '(void (map add1 (list 1 2)))'], {
  env: { ...process.env, RKT_WRITE_CODE_CACHE: '1' },
  encoding: 'utf8',
});
if (warm.status !== 0) {
  console.error(`warning: could not make the code cache: ${warm.stderr}`);
}
