// The conformance run: every test/scheme program under rkt, compared with
// Racket 8.7 — run live when `racket` is on PATH, otherwise with the golden
// outputs Racket produced (test/scheme/**/NAME.out/.err/.code).
//   npm run conformance [-- FILTER]
// Prints each difference and `N passed, N failed`; exits 1 if any failed.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeStderr, normalizePaths } from '../test/scheme/normalize.mjs';

const root = fileURLToPath(new URL('../test/scheme/', import.meta.url));
const rkt = fileURLToPath(new URL('../bin/rkt', import.meta.url));
const filter = process.argv[2] ?? '';
const live = spawnSync('racket', ['--version']).status === 0;

function* programs(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* programs(p);
    else if (name.endsWith('.rkt') && !name.startsWith('_')) yield p;
  }
}

/** Runs a program with test/scheme as the working directory; normalized stdout, stderr and exit code. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ out: normalizePaths(out, root), err: normalizeStderr(normalizePaths(err, root)), code: code ?? -1 });
    });
  });
}

function golden(file) {
  const base = file.slice(0, -4);
  const read = (ext, dflt) => (existsSync(base + ext) ? readFileSync(base + ext, 'utf8') : dflt);
  return { out: read('.out', ''), err: read('.err', ''), code: Number(read('.code', '0')) };
}

const files = [...programs(root)].filter((f) => relative(root, f).includes(filter));
console.log(`${files.length} programs, rkt against ${live ? 'Racket 8.7 run now' : 'the golden outputs from Racket 8.7'}`);
let passed = 0;
const failed = [];
for (const file of files) {
  const rel = relative(root, file);
  const [ours, theirs] = await Promise.all([
    run(process.execPath, [rkt, rel]),
    live ? run('racket', [rel]) : Promise.resolve(golden(file)),
  ]);
  const diffs = ['out', 'err', 'code'].filter((k) => ours[k] !== theirs[k]);
  if (diffs.length === 0) passed++;
  else {
    failed.push(rel);
    console.log(`FAIL ${rel}: ${diffs.join(', ')} differ`);
    for (const k of diffs)
      console.log(`  ${k} racket: ${JSON.stringify(theirs[k]).slice(0, 300)}\n  ${k} rkt:    ${JSON.stringify(ours[k]).slice(0, 300)}`);
  }
}
console.log(`${passed} passed, ${failed.length} failed`);
process.exit(failed.length === 0 ? 0 : 1);
