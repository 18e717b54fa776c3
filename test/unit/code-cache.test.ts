// bin/rkt's V8 code cache on Nodes without module.enableCompileCache (< 22.1):
// made at the end of the first run in the cache directory, used afterwards,
// remade when V8 rejects it. Needs the build (npm test builds first).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasCompileCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

function rkt(dir: string, expr: string) {
  const r = spawnSync(join(root, 'bin/rkt'), ['-e', expr], {
    encoding: 'utf8',
    env: { ...process.env, RKT_CODE_CACHE_DIR: dir },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(hasCompileCache)('the rkt code cache (Node < 22.1)', () => {
  it('is made by the first run, named by Node version and bundle hash, and reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rkt-cache-'));
    const hash = /^\/\/ rkt-bundle ([0-9a-f]+)\n/.exec(readFileSync(join(root, 'dist/cli.cjs'), 'utf8'))?.[1];
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    const name = `cli-${process.version}-${process.arch}-${hash}.cache`;
    // A cache of an earlier bundle for this Node goes when the new one is written.
    writeFileSync(join(dir, `cli-${process.version}-${process.arch}-0000000000000000.cache`), 'old');

    expect(rkt(dir, '(display 1)')).toEqual({ code: 0, out: '1', err: '' });
    expect(readdirSync(dir)).toEqual([name]);
    const made = statSync(join(dir, name));
    expect(made.size).toBeGreaterThan(100_000);

    expect(rkt(dir, '(display (+ 1 1))')).toEqual({ code: 0, out: '2', err: '' });
    // An accepted cache is not written again.
    expect(statSync(join(dir, name)).mtimeMs).toBe(made.mtimeMs);
  });

  it('is remade when V8 rejects it, and the run is unaffected', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rkt-cache-'));
    expect(rkt(dir, '(display 1)').code).toBe(0);
    const [name] = readdirSync(dir);
    writeFileSync(join(dir, name), 'not a code cache');
    expect(rkt(dir, '(display "again")')).toEqual({ code: 0, out: 'again', err: '' });
    expect(statSync(join(dir, name)).size).toBeGreaterThan(100_000);
  });

  it('a cache directory that cannot be made costs nothing but the cache', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rkt-cache-')), 'a-file');
    writeFileSync(file, '');
    expect(rkt(join(file, 'sub'), '(display 3)')).toEqual({ code: 0, out: '3', err: '' });
  });
});
