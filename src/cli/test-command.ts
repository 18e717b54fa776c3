// `rkt test FILE|DIR ...`: runs modules' tests as Racket 8.7's `raco test`
// does. Each file runs its `test` submodule if it has one, else the module
// itself, with the current directory set to the file's; a directory is
// searched (in sorted order, skipping dot files) for .rkt, .ss and .scm
// files. Each file runs in a runtime of its own. Files named before any
// directory run as raco's "direct" mode does (an error is reported as "test
// raised an exception" and counts nothing); from the first directory on as
// its "process" mode ("non-zero exit", counted as one failed test). At the
// end raco's summary line: "N tests passed" or "F/T test failures". The exit
// status is 1 when a test failed or a file raised an error.

import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Host } from '../host/host.js';
import { Runtime, type RuntimeOptions } from '../runtime/runtime.js';

const TEST_SUFFIX = /\.(rkt|ss|scm)$/;

class MissingPath {
  constructor(readonly path: string) {}
}

interface Counts {
  failed: number;
  total: number;
}

/** How Racket writes a path string (`~s`). */
function written(s: string): string {
  return JSON.stringify(s);
}

export async function runTestCommand(args: string[], options: () => RuntimeOptions): Promise<number> {
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s);
  let direct = true;
  let anyFailed = false;
  // What direct-mode files logged, and what process-mode files are counted as.
  const logged: Counts = { failed: 0, total: 0 };

  const testFile = async (shown: string) => {
    const path = resolve(process.cwd(), shown);
    const dir = dirname(path);
    const base = options();
    const host: Host = Object.assign(Object.create(Object.getPrototypeOf(base.host)), base.host, { cwd: () => dir });
    const rt = new Runtime({ ...base, host, runFile: shown });
    const code = await rt.runTestFile(path, (sub) => {
      out(`raco test: ${sub ? `(submod ${written(shown)} test)` : written(shown)}\n`);
    });
    const name = basename(shown);
    const counts = rt.testLogCounts();
    if (code !== 0) {
      err(direct ? `${name}: raco test: test raised an exception\n` : `${name}: raco test: non-zero exit: ${code}\n`);
      anyFailed = true;
      if (!direct) {
        logged.failed += 1;
        logged.total += 1;
      }
      return;
    }
    if (counts.failed > 0) anyFailed = true;
    logged.failed += counts.failed;
    logged.total += counts.total;
  };

  const visit = async (shown: string, top: boolean): Promise<void> => {
    let isDir: boolean;
    try {
      isDir = statSync(resolve(process.cwd(), shown)).isDirectory();
    } catch {
      // raco stops at a path that is not there.
      if (top) throw new MissingPath(shown);
      return;
    }
    if (isDir) {
      direct = false;
      const entries = readdirSync(resolve(process.cwd(), shown)).sort();
      for (const e of entries) await visit(shown.endsWith('/') ? shown + e : `${shown}/${e}`, false);
      return;
    }
    if (!top && (!TEST_SUFFIX.test(shown) || basename(shown).startsWith('.'))) return;
    await testFile(shown);
  };

  try {
    for (const a of args) await visit(a, true);
  } catch (e) {
    if (!(e instanceof MissingPath)) throw e;
    err(`raco test: no such file or directory\n  path: ${e.path}\n`);
    return 1;
  }
  if (logged.total > 0) {
    if (logged.failed === 0) out(`${logged.total} test${logged.total === 1 ? '' : 's'} passed\n`);
    else err(`${logged.failed}/${logged.total} test failures\n`);
  }
  return anyFailed ? 1 : 0;
}
