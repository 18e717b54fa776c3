// Runs every test/scheme program under this runtime and compares stdout,
// stderr and the exit code with the outputs Racket 8.7 produced
// (regenerate them with `npm run golden`).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../support/run.js';
// @ts-expect-error: a plain .mjs helper shared with scripts/golden.mjs
import { normalizePaths, normalizeStderr } from './normalize.mjs';

const root = fileURLToPath(new URL('./', import.meta.url));

function* programs(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* programs(p);
    else if (name.endsWith('.rkt') && !name.startsWith('_')) yield p;
  }
}

function read(path: string, dflt: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : dflt;
}

const files = [...programs(root)];

async function check(file: string, jitAfter?: number): Promise<void> {
  const base = file.slice(0, -4);
  const r = await runCaptured(relative(root, file), root, [], { jitAfter });
  expect(r.jitFailures).toEqual([]);
  expect(normalizePaths(r.stdout, root)).toBe(read(base + '.out', ''));
  expect(normalizeStderr(normalizePaths(r.stderr, root))).toBe(read(base + '.err', ''));
  expect(r.code).toBe(Number(read(base + '.code', '0')));
}

describe('test/scheme programs match Racket 8.7', () => {
  it('has programs with golden outputs', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(existsSync(f.slice(0, -4) + '.out'), `${f} has no .out`).toBe(true);
  });
  for (const file of files) {
    it(relative(root, file), () => check(file));
  }
});

// Again with every lambda compiled to JS at its first direct call, so the
// generated code meets every situation the programs create.
describe('test/scheme programs match Racket 8.7 with the JIT compiling at once', () => {
  for (const file of files) {
    it(relative(root, file), () => check(file, 1));
  }
});
