// The package as a Node developer gets it: packed with `npm pack`,
// installed into an empty folder, used from ESM and from CommonJS, and its
// `rkt` command; its declarations checked by a TypeScript consumer under
// `tsc --strict` and by arethetypeswrong. Needs the build (npm test builds first).

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const resolveDev = createRequire(join(root, 'package.json')).resolve;

// A Racket UDP exchange run through the API: an echo thread and a client.
const program = `#lang racket/base
(require racket/udp)
(provide exchange)
(define (exchange text)
  (define server (udp-open-socket "127.0.0.1"))
  (udp-bind! server "127.0.0.1" 0)
  (define-values (_a port _b _c) (udp-addresses server #t))
  (thread (lambda ()
            (define buf (make-bytes 100))
            (define-values (n host from) (udp-receive! server buf))
            (udp-send-to server host from (bytes-append #"echo:" (subbytes buf 0 n)))))
  (define client (udp-open-socket "127.0.0.1"))
  (udp-send-to client "127.0.0.1" port (string->bytes/utf-8 text))
  (define buf (make-bytes 100))
  (define-values (n _h _p) (udp-receive! client buf))
  (bytes->string/utf-8 (subbytes buf 0 n)))
`;

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr + (r.error ? String(r.error) : '') };
}

describe('the packed package', () => {
  let work = '';
  let tarball = '';
  let app = '';
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'rkt-pack-'));
    const pack = run(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], root);
    expect(pack.code, pack.err).toBe(0);
    tarball = join(work, pack.out.trim().split('\n').pop()!);
    expect(existsSync(tarball)).toBe(true);
    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
    const install = run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--silent', tarball], app);
    expect(install.code, install.err).toBe(0);
  }, 120_000);

  it('ships one declaration bundle, the builds, and no code cache', () => {
    const installed = join(app, 'node_modules/racket-udp');
    expect(readdirSync(join(installed, 'dist')).sort()).toEqual(['cli.cjs', 'index.cjs', 'index.d.cts', 'index.d.mts', 'index.mjs']);
    for (const file of ['LICENSE', 'CHANGELOG.md', 'README.md']) expect(existsSync(join(installed, file)), file).toBe(true);
    const dts = readFileSync(join(installed, 'dist/index.d.cts'), 'utf8');
    // Self-contained: no import (chevrotain, the runtime's modules ...), no internal type.
    expect(dts).not.toMatch(/\bimport\b|<reference|chevrotain/);
    const declarations = dts.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(declarations).not.toMatch(/\b(Runtime|StructInstance|Machine|Value|Caller|FunctionWrapper|Custodian|Host)\b/);
    expect(dts).toMatch(/readonly kind: RacketErrorKind;/);
  });

  it('types a TypeScript consumer under tsc --strict, from ESM and CommonJS', () => {
    const fixtures = join(root, 'test/fixtures/consumer');
    for (const file of readdirSync(fixtures)) copyFileSync(join(fixtures, file), join(app, file));
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'ESNext.Disposable'],
          types: ['node'],
          typeRoots: [join(root, 'node_modules/@types')],
          strict: true,
          skipLibCheck: false,
          noEmit: true,
        },
        files: ['esm.mts', 'cjs.cts'],
      }),
    );
    const tsc = run(process.execPath, [resolveDev('typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
    expect(tsc.out + tsc.err).toBe('');
    expect(tsc.code).toBe(0);
  }, 60_000);

  it('has types arethetypeswrong finds no problem with, for ESM and CommonJS', () => {
    const attw = run(
      process.execPath,
      [join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--format', 'json', '--no-definitely-typed'],
      work,
    );
    expect(attw.code, attw.out + attw.err).toBe(0);
    const report = JSON.parse(attw.out) as {
      analysis: { problems: unknown[]; entrypoints: Record<string, { resolutions: Record<string, unknown> }> };
    };
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints['.'].resolutions).sort()).toEqual(['bundler', 'node10', 'node16-cjs', 'node16-esm']);
  }, 60_000);

  it('works from ESM, CommonJS and the command line', () => {
    writeFileSync(join(app, 'echo.rkt'), program);
    // ESM: the process must exit by itself after close() (no handle left open).
    writeFileSync(
      join(app, 'esm.mjs'),
      `import { Racket } from 'racket-udp';
const racket = new Racket();
const m = await racket.runFile('echo.rkt');
console.log(await m.exports.exchange('from esm'));
console.log(await racket.eval('(+ 1 2)'));
// A sleeping thread and an open socket that close() must end.
await racket.eval('(void (thread (lambda () (sleep 1000)))) (define s (udp-open-socket)) (udp-bind! s "127.0.0.1" 0)');
await racket.close();
`,
    );
    const esm = run(process.execPath, ['esm.mjs'], app);
    expect(esm.err).toBe('');
    expect(esm.out).toBe('echo:from esm\n3\n');
    expect(esm.code).toBe(0);

    writeFileSync(
      join(app, 'cjs.cjs'),
      `const { Racket, RacketError } = require('racket-udp');
(async () => {
  const racket = new Racket();
  const m = await racket.runFile('echo.rkt');
  console.log(await m.exports.exchange('from cjs'));
  try { await racket.eval('(car 1)'); } catch (e) { console.log(e instanceof RacketError, e.kind); }
  await racket.close();
})();
`,
    );
    const cjs = run(process.execPath, ['cjs.cjs'], app);
    expect(cjs.err).toBe('');
    expect(cjs.out).toBe('echo:from cjs\ntrue exn:fail:contract\n');
    expect(cjs.code).toBe(0);

    // One implementation behind both entries: an error made by the ESM
    // entry's Racket is an instance of the CommonJS entry's RacketError.
    writeFileSync(
      join(app, 'both.mjs'),
      `import { createRequire } from 'node:module';
import * as esm from 'racket-udp';
const cjs = createRequire(import.meta.url)('racket-udp');
const racket = new esm.Racket();
try { await racket.eval('(raise 42)'); } catch (e) { console.log(e instanceof cjs.RacketError, e instanceof esm.RacketError, e.kind, e.value); }
console.log(esm.Racket === cjs.Racket, esm.RacketValue === cjs.RacketValue, String(await racket.eval('(integer->char 97)')));
await racket[Symbol.asyncDispose]();
console.log((await racket.eval('1').catch((e) => e)).kind);
`,
    );
    const both = run(process.execPath, ['both.mjs'], app);
    expect(both.err).toBe('');
    expect(both.out).toBe('true true raise 42\ntrue true #\\a\nclosed\n');

    const rkt = run(join(app, 'node_modules/.bin/rkt'), ['-e', '(require racket/udp) (udp? (udp-open-socket))'], app);
    expect(rkt.err).toBe('');
    expect(rkt.out).toBe('#t\n');
  }, 120_000);
});
