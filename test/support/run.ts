// Runs Racket programs in this process with a host that captures output.

import { resolve } from 'node:path';
import { nodeHost } from '../../src/host/node-host.js';
import { Runtime } from '../../src/runtime/runtime.js';

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs `start` on a fresh runtime whose output is captured; `cwd` is where error locations are relative to. */
async function captured(cwd: string, args: string[], start: (rt: Runtime) => Promise<number>): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const host = {
    ...nodeHost(),
    cwd: () => cwd,
    writeStdout: (s: string) => void (stdout += s),
    writeStderr: (s: string) => void (stderr += s),
  };
  const code = await start(new Runtime({ host, args }));
  return { stdout, stderr, code };
}

/** Runs FILE (relative to `cwd`) as `rkt FILE` would. */
export function runCaptured(file: string, cwd: string, args: string[] = []): Promise<RunResult> {
  return captured(cwd, args, (rt) => rt.runFile(resolve(cwd, file)));
}

/** Evaluates top-level forms as `rkt -e` would. */
export function evalCaptured(text: string, cwd = process.cwd()): Promise<RunResult> {
  return captured(cwd, [], (rt) => rt.runTopLevel(text));
}
