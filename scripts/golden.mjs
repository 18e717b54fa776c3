// Regenerates the expected outputs of test/scheme programs by running them
// under real Racket 8.7:  npm run golden [-- FILTER]
// For each test/scheme/**/NAME.rkt it writes NAME.out (stdout), and NAME.err
// (stderr, without Racket's "context...:" backtrace) and NAME.code (exit
// status) when they are not empty/zero. Programs run with test/scheme as the
// working directory, so error locations read `area/NAME.rkt:LINE:COL`.

import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeStderr, normalizePaths } from '../test/scheme/normalize.mjs';

const root = fileURLToPath(new URL('../test/scheme/', import.meta.url));
const filter = process.argv[2] ?? '';

function* programs(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* programs(p);
    else if (name.endsWith('.rkt') && !name.startsWith('_')) yield p;
  }
}

const version = spawnSync('racket', ['--version'], { encoding: 'utf8' });
if (version.status !== 0) {
  console.error('racket is not on PATH: install Racket 8.7 (apt-get install racket)');
  process.exit(1);
}
console.log(version.stdout.trim());

let n = 0;
for (const file of programs(root)) {
  const rel = relative(root, file);
  if (!rel.includes(filter)) continue;
  const r = spawnSync('racket', [rel], { cwd: root, encoding: 'utf8', timeout: 60_000, input: '' });
  const base = file.slice(0, -4);
  writeFileSync(base + '.out', normalizePaths(r.stdout, root));
  const err = normalizeStderr(normalizePaths(r.stderr, root));
  if (err) writeFileSync(base + '.err', err);
  else if (existsSync(base + '.err')) rmSync(base + '.err');
  if (r.status !== 0) writeFileSync(base + '.code', String(r.status) + '\n');
  else if (existsSync(base + '.code')) rmSync(base + '.code');
  n++;
  console.log(`${rel}: exit ${r.status}`);
}
console.log(`${n} programs`);
