// File ports: open-input-file and open-output-file (the keyword front ends,
// call-with- and with- forms and racket/file are written in Racket). Reads
// take the whole file when the port opens; writes go to the file when the
// port flushes.

import type { Host, HostFiles, HostStat } from '../host/host.js';
import { genericFail } from '../errors/messages.js';
import { exnFailUnsupportedT } from '../errors/exn.js';
import { printString } from '../printer/print.js';
import { normBig } from '../values/numbers.js';
import { anyPort } from './ports.js';
import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { OutputPort } from '../io/output-port.js';
import { type Value, Sym } from '../values/types.js';
import type { PrimTable } from './table.js';
import { RacketThrow, makeExn, exnFailFilesystemExistsT } from '../errors/exn.js';
import { InputPort } from '../io/input-port.js';
import { complete, pathString, files, systemError } from './filesystem.js';
import type { FileMode } from './security-guards.js';

const EXISTS_MODES = ['error', 'append', 'update', 'can-update', 'replace', 'truncate', 'must-truncate', 'truncate/replace'];

/** The access each exists mode asks the security guard for, as Racket asks it. */
const GUARD_MODES: Record<string, FileMode[]> = {
  error: ['write'],
  append: ['write', 'read'],
  update: ['write', 'read'],
  'can-update': ['write'],
  replace: ['write', 'delete'],
  truncate: ['write'],
  'must-truncate': ['write'],
  'truncate/replace': ['write', 'delete'],
};

/** A file's identity as file-or-directory-identity and port-file-identity give it. */
function identity(s: HostStat): bigint {
  return (s.ino << 64n) | s.dev;
}

/** The identity of a port opened on `path`, taken as it opens (null when the file cannot be looked at). */
function openedIdentity(fs: HostFiles, path: string): (() => bigint) | null {
  try {
    const id = identity(fs.stat(path, true));
    return () => id;
  } catch {
    return null;
  }
}

/** The identity of standard input, output or error, asked of the host when wanted; null when the host cannot tell. */
export function stdioIdentity(host: Host, fd: 0 | 1 | 2): (() => bigint) | null {
  const statStdio = host.statStdio?.bind(host);
  if (statStdio === undefined) return null;
  return () => identity(statStdio(fd));
}

export function installFilePorts(t: PrimTable): void {
  t.fn('port-file-identity', 1, 1, (p: Value) => {
    const who = 'port-file-identity';
    const port = anyPort(p);
    if (port === null || !port.fileStream) return argError(who, 'file-stream-port?', p);
    if (port.closed) {
      const kind = port instanceof InputPort ? 'input' : 'output';
      genericFail(`${who}: ${kind} port is closed\n  ${kind} port: ${printString(port)}`);
    }
    if (port.fileIdentity === null) {
      throw new RacketThrow(
        makeExn(
          exnFailUnsupportedT,
          `${who}: unsupported for this port\n  reason: rkt's ports on a subprocess's pipes have no descriptor to ask\n  port: ${printString(port)}`,
        ),
      );
    }
    try {
      return normBig(port.fileIdentity());
    } catch (e) {
      return systemError(who, 'error obtaining identity', port.name, e);
    }
  });
  // (open-input-file path): the whole file, read now.
  t.internalFn('open-input-file', 1, 1, function (this: Machine, p: Value) {
    const path = complete(this, pathString('open-input-file', p));
    const fs = files(this, 'open-input-file', path, ['read']);
    try {
      const port = new InputPort(fs.readBytes(path), path);
      port.fileStream = true;
      port.fileIdentity = openedIdentity(fs, path);
      return port;
    } catch (e) {
      return systemError('open-input-file', 'cannot open input file', path, e);
    }
  });
  // (open-output-file path exists-mode)
  t.internalFn('open-output-file', 2, 2, function (this: Machine, p: Value, exists: Value) {
    const path = complete(this, pathString('open-output-file', p));
    const mode = exists instanceof Sym ? exists.name : '';
    if (!EXISTS_MODES.includes(mode)) return argError('open-output-file', `(or/c ${EXISTS_MODES.map((x) => `'${x}`).join(' ')})`, exists);
    const fs = files(this, 'open-output-file', path, GUARD_MODES[mode]);
    const there = fs.exists(path);
    if (there && mode === 'error') {
      throw new RacketThrow(makeExn(exnFailFilesystemExistsT, `open-output-file: file exists\n  path: ${path}`));
    }
    if (!there && (mode === 'update' || mode === 'must-truncate')) {
      return systemError('open-output-file', 'error opening file', path, { code: 'ENOENT', errno: 2, text: 'No such file or directory' });
    }
    // Every mode but append starts the file afresh ('update writes over it from the start).
    try {
      fs.write(path, '', !!(mode === 'append' || mode === 'can-update'));
    } catch (e) {
      return systemError('open-output-file', 'error opening file', path, e);
    }
    const port = new OutputPort(path, (text) => {
      try {
        fs.write(path, text, true);
      } catch (e) {
        systemError('write-string', 'error writing to file', path, e);
      }
    });
    port.fileStream = true;
    port.fileIdentity = openedIdentity(fs, path);
    return port;
  });
}
