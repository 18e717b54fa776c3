// Runs Racket programs in this process with a host that captures output.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeHost } from '../../src/host/node-host.js';
import { nodePlaces } from '../../src/host/node-places.js';
import { Runtime } from '../../src/runtime/runtime.js';

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
  /** Errors the JIT hit (should be none). */
  jitFailures: unknown[];
}

export interface RunOptions {
  /** Calls before a lambda is compiled to JS (see RuntimeOptions.jitAfter). */
  jitAfter?: number;
  /** The program as the command line names it (`(find-system-path 'run-file)`). */
  runFile?: string;
}

/** Runs `start` on a fresh runtime whose output is captured; `cwd` is where error locations are relative to. */
async function captured(
  cwd: string,
  args: string[],
  start: (rt: Runtime) => Promise<number>,
  options: RunOptions = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const host = {
    ...nodeHost(),
    cwd: () => cwd,
    writeStdout: (s: string) => void (stdout += s),
    writeStderr: (s: string) => void (stderr += s),
    // A place runs the built rkt bundle (npm test builds it first).
    places: nodePlaces(fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url))),
  };
  const rt = new Runtime({ host, args, jitAfter: options.jitAfter, runFile: options.runFile });
  const code = await start(rt);
  return { stdout, stderr, code, jitFailures: rt.jitFailures };
}

/** Runs FILE (relative to `cwd`) as `rkt FILE` would. */
export function runCaptured(file: string, cwd: string, args: string[] = [], options: RunOptions = {}): Promise<RunResult> {
  // As `racket FILE` run from `cwd`: the run file is FILE as given.
  return captured(cwd, args, (rt) => rt.runFile(resolve(cwd, file)), { runFile: file, ...options });
}

/** Evaluates top-level forms as `rkt -e` would. */
export function evalCaptured(text: string, cwd = process.cwd()): Promise<RunResult> {
  return captured(cwd, [], (rt) => rt.runTopLevel(text));
}
