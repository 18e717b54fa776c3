// The package as a Node developer gets it: packed with `npm pack`,
// installed into an empty folder, used from ESM and from CommonJS, and its
// `rkt` command. Needs the build (npm test builds first).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

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
  it('installs from its tarball and works from ESM, CommonJS and the command line', () => {
    const work = mkdtempSync(join(tmpdir(), 'rkt-pack-'));
    const pack = run(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], root);
    expect(pack.code, pack.err).toBe(0);
    const tarball = join(work, pack.out.trim().split('\n').pop()!);
    expect(existsSync(tarball)).toBe(true);

    const app = join(work, 'app');
    run('mkdir', [app], work);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
    const install = run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--silent', tarball], app);
    expect(install.code, install.err).toBe(0);
    expect(existsSync(join(app, 'node_modules/racket-udp/dist/types/embed/index.d.ts'))).toBe(true);

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

    const rkt = run(join(app, 'node_modules/.bin/rkt'), ['-e', '(require racket/udp) (udp? (udp-open-socket))'], app);
    expect(rkt.err).toBe('');
    expect(rkt.out).toBe('#t\n');
  }, 120_000);
});
