// Runs a Racket program in this process with a host that captures output.

import { resolve } from 'node:path';
import { nodeHost } from '../../src/host/node-host.js';
import { Runtime } from '../../src/runtime/runtime.js';

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs FILE (relative to `cwd`) as `rkt FILE` would. */
export async function runCaptured(file: string, cwd: string, args: string[] = []): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const host = {
    ...nodeHost(),
    cwd: () => cwd,
    writeStdout: (s: string) => void (stdout += s),
    writeStderr: (s: string) => void (stderr += s),
  };
  const rt = new Runtime({ host, args });
  const code = await rt.runFile(resolve(cwd, file));
  return { stdout, stderr, code };
}

/** Evaluates top-level forms as `rkt -e` would. */
export async function evalCaptured(text: string, cwd = process.cwd()): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const host = {
    ...nodeHost(),
    cwd: () => cwd,
    writeStdout: (s: string) => void (stdout += s),
    writeStderr: (s: string) => void (stderr += s),
  };
  const rt = new Runtime({ host });
  const code = await rt.runTopLevel(text);
  return { stdout, stderr, code };
}
