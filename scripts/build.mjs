// Builds dist/cli.cjs (the `rkt` command, bundled and minified by esbuild)
// and the V8 code cache bin/rkt loads with it; the embedding API as
// dist/index.mjs (ESM) and dist/index.cjs (CommonJS) with its types in
// dist/types. Everything is bundled, so the package needs no dependencies.
// The libraries written in Racket (src/lib/*.rkt) are bundled as their text
// with an index the project's reader makes of them (src/runtime/library-index.ts).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// The .rkt loader, with the indexer bundled first so that this script can run it.
const indexer = await build({
  entryPoints: ['src/runtime/library-index.ts'],
  bundle: true,
  write: false,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
  absWorkingDir: root,
});
const { libraryModule } = await import(`data:text/javascript;base64,${Buffer.from(indexer.outputFiles[0].text).toString('base64')}`);
const rktLibraries = {
  name: 'rkt-libraries',
  setup(b) {
    b.onLoad({ filter: /\.rkt$/ }, (args) => {
      const source = relative(root, args.path).split(sep).join('/');
      try {
        return { contents: libraryModule(source, readFileSync(args.path, 'utf8')), loader: 'js' };
      } catch (e) {
        return { errors: [{ text: e.message }] };
      }
    });
  },
};
const plugins = [rktLibraries];
// The package's version, for the REPL's banner (src/cli/repl.ts).
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  define: { RKT_VERSION: JSON.stringify(version) },
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  plugins,
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
    plugins,
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
  stdin: {
    contents:
      "export { Runtime } from './src/runtime/runtime.ts'; export { nodeHost } from './src/host/node-host.ts'; export { libraryCoverage } from './src/runtime/coverage.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  outfile: 'dist/lib.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  plugins,
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
