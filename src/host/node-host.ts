// The Node.js host.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Host } from './host.js';
import { nodeUdp } from './node-udp.js';
import { nodeTcp } from './node-tcp.js';
import { nodeFiles, statDescriptor } from './node-files.js';
import { nodeProcesses } from './node-processes.js';

/** node:crypto, loaded on first use: importing it up front costs several milliseconds of every start. */
function crypto(): typeof import('node:crypto') {
  const builtin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (builtin !== undefined) return builtin('node:crypto') as typeof import('node:crypto');
  return require('node:crypto');
}

const writeStdout = (text: string): void => void process.stdout.write(text);
const writeStderr = (text: string): void => void process.stderr.write(text);

export function nodeHost(): Host {
  return {
    now: () => performance.now(),
    setTimer(ms, f) {
      // Node's timers have millisecond granularity and may fire a fraction early.
      // Past 2^31-1 ms Node fires at once; the scheduler sets the timer again when it wakes early.
      const t = setTimeout(f, Math.min(Math.ceil(ms), 2147483647));
      return () => clearTimeout(t);
    },
    later: (f) => void setImmediate(f),
    readStdin(onData, onEnd) {
      process.stdin.on('data', (chunk: Buffer) => onData(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
      process.stdin.on('end', onEnd);
      process.stdin.on('error', onEnd);
    },
    writeStdout,
    writeStderr,
    // Raw bytes only while the text writers are these: a host made by spreading this one with its own writeStdout gets text.
    writeStdoutBytes(this: Host, data) {
      if (this.writeStdout !== writeStdout) return false;
      process.stdout.write(data);
      return true;
    },
    writeStderrBytes(this: Host, data) {
      if (this.writeStderr !== writeStderr) return false;
      process.stderr.write(data);
      return true;
    },
    statStdio: (fd) => statDescriptor(fd),
    isTerminal: (fd) => (fd === 0 ? process.stdin : fd === 1 ? process.stdout : process.stderr).isTTY === true,
    readFile: (path) => readFileSync(path, 'utf8'),
    resolvePath: (base, rel) => resolve(dirname(base), rel),
    cwd: () => process.cwd(),
    cpuMs: () => process.cpuUsage().user / 1000,
    getenv: (name) => process.env[name],
    putenv(name, value) {
      process.env[name] = value;
      return true;
    },
    unsetenv(name) {
      delete process.env[name];
      return true;
    },
    envNames: () => Object.keys(process.env),
    memoryUse: () => process.memoryUsage().heapUsed,
    processorCount: () => availableParallelism(),
    digest: (algorithm, data) => new Uint8Array(crypto().createHash(algorithm).update(data).digest()),
    udp: nodeUdp,
    tcp: nodeTcp,
    files: nodeFiles,
    processes: nodeProcesses,
  };
}
