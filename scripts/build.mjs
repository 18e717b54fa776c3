// Builds dist/cli.cjs (the `rkt` command, bundled and minified by esbuild;
// bin/rkt loads it with a V8 code cache it makes itself, since a cache is
// tied to one Node build); the embedding API as one implementation,
// dist/index.cjs (CommonJS), which the ESM entry dist/index.mjs re-exports
// so both share one RacketError class; and its declarations bundled into
// dist/index.d.cts (dist/index.d.mts re-exports them for ESM). Everything
// is bundled, so the package needs no dependencies.
// The libraries written in Racket (src/lib/*.rkt) are bundled as their text
// with an index the project's reader makes of them (src/runtime/library-index.ts).
import { generateDtsBundle } from 'dts-bundle-generator';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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
// rkt's version, for `rkt -v` and the REPL banner (src/cli/version.ts).
const define = { RKT_VERSION: JSON.stringify(JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version) };

// What every bundle below shares: one CommonJS file for Node, with the .rkt libraries in it.
const bundled = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  plugins,
};

await build({ ...bundled, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.cjs', minify: true, define });
// Its hash on the first line names bin/rkt's code cache for this bundle (no hashing at each start).
const cli = readFileSync(`${root}dist/cli.cjs`, 'utf8');
writeFileSync(`${root}dist/cli.cjs`, `// rkt-bundle ${createHash('sha256').update(cli).digest('hex').slice(0, 16)}\n${cli}`);
rmSync(`${root}dist/cli.cjs.cache`, { force: true });

// The embedding API (package.json "exports"): one CommonJS implementation,
// and an ESM entry that re-exports its names.
await build({ ...bundled, entryPoints: ['src/embed/index.ts'], outfile: 'dist/index.cjs' });
const names = Object.keys(createRequire(import.meta.url)(`${root}dist/index.cjs`)).sort();
writeFileSync(
  `${root}dist/index.mjs`,
  `// The ESM entry: the CommonJS build's classes themselves, so instanceof holds across both.\nimport api from './index.cjs';\n\nexport const { ${names.join(', ')} } = api;\n`,
);

// Its declarations, in one file that names no internal type and imports nothing.
rmSync(`${root}dist/types`, { recursive: true, force: true });
const [dts] = generateDtsBundle([{ filePath: `${root}src/embed/index.ts`, output: { noBanner: true, exportReferencedTypes: false } }], {
  preferredConfigPath: `${root}tsconfig.types.json`,
});
if (/^\s*import\b|^\s*\/\/\/\s*<reference|\bimport\(/m.test(dts)) {
  console.error(`the declaration bundle refers to other files:\n${dts}`);
  process.exit(1);
}
writeFileSync(`${root}dist/index.d.cts`, dts);
writeFileSync(
  `${root}dist/index.d.mts`,
  "// The ESM entry's declarations: those of the CommonJS build it re-exports.\nexport * from './index.cjs';\n",
);

// A library build for tools that drive a Runtime in-process (bench/threads/memory.mjs).
await build({
  ...bundled,
  stdin: {
    contents:
      "export { Runtime } from './src/runtime/runtime.ts'; export { nodeHost } from './src/host/node-host.ts'; export { libraryCoverage } from './src/runtime/coverage.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  outfile: 'dist/lib.cjs',
});
