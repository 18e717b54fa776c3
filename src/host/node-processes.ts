// Child processes for the Node host. Racket runs a program by fork and exec:
// the program is named by its path (PATH is not searched), and when exec
// fails the forked child writes `exec failed (TEXT; errno=N)` to its standard
// error and exits with status 1. Node reports such a failure without making
// a process, so a program that cannot be executed is found first and a small
// shell script stands in for the failed child, making the same report.

import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import type { HostChildProcess, HostProcesses, HostSpawnOptions } from './host.js';
import { hostError } from './node-files.js';

/** Why exec(2) would fail for `command`, as `exec failed (...)` text, or null when it can run. */
function execFailure(command: string): string | null {
  try {
    if (statSync(command).isDirectory()) return 'Permission denied; errno=13';
    accessSync(command, constants.X_OK);
    return null;
  } catch (e) {
    const err = hostError(e);
    return `${err.text}; errno=${err.errno}`;
  }
}

/** `sh -c SCRIPT` with the child's standard error joined to its standard output when asked. */
function shell(script: string, joined: boolean): [string, string[]] {
  return ['/bin/sh', ['-c', joined ? `exec 2>&1; ${script}` : script]];
}

function exitStatus(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal === null ? 0 : (osConstants.signals[signal] ?? 0));
}

const copy = (chunk: Uint8Array): Uint8Array => new Uint8Array(chunk);

function spawnChild(o: HostSpawnOptions): ChildProcess {
  const failure = execFailure(o.command);
  let file = o.command;
  let args = o.args;
  if (failure !== null) {
    [file, args] = shell('printf "exec failed (%s)\\n" "$0" >&2; exit 1', o.stderrToStdout);
    args = [...args, failure];
  } else if (o.stderrToStdout) {
    [file, args] = shell('exec "$0" "$@"', true);
    args = [...args, o.command, ...o.args];
  }
  const child = spawn(file, args, { cwd: o.cwd, env: o.env, detached: o.newGroup, stdio: 'pipe', argv0: o.command });
  child.on('error', () => {});
  if (child.pid === undefined) throw { code: 'EAGAIN', errno: 11, text: 'Resource temporarily unavailable' };
  return child;
}

export const nodeProcesses: HostProcesses = {
  spawn(o: HostSpawnOptions): HostChildProcess {
    const child = spawnChild(o);
    const { stdin, stdout, stderr } = child;
    stdout?.on('data', (chunk: Uint8Array) => o.onStdout(copy(chunk)));
    stdout?.on('end', () => o.onStdoutEnd());
    stderr?.on('data', (chunk: Uint8Array) => o.onStderr(copy(chunk)));
    stderr?.on('end', () => o.onStderrEnd());
    // A child that exits without reading its input makes writes fail with EPIPE, as a pipe's writer sees.
    stdin?.on('error', () => {});
    child.on('exit', (code, signal) => o.onExit(exitStatus(code, signal)));
    const pid = child.pid as number;
    return {
      pid,
      writeStdin(data) {
        if (stdin !== null && !stdin.destroyed) stdin.write(data);
      },
      endStdin() {
        if (stdin !== null && !stdin.destroyed) stdin.end();
      },
      kill(force, group) {
        const signal = force ? 'SIGKILL' : 'SIGINT';
        try {
          if (group) process.kill(-pid, signal);
          else child.kill(signal);
        } catch {
          // The process (group) is gone already.
        }
      },
      detach() {
        child.unref();
        for (const s of [stdin, stdout, stderr]) s?.destroy();
      },
    };
  },
};
