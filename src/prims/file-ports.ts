// File ports: open-input-file, open-output-file and open-input-output-file
// over descriptors (io/file-port.ts), file-truncate and port-file-identity.
// The keyword front ends and the call-with- and with- forms are written in
// Racket (lib/ports.rkt). A file port belongs to the current custodian (a
// shutdown closes it, unflushed) and to the current plumber (a flush of it
// flushes the port); what a port on the original plumber holds is written
// when the run ends, however it ends.

import type { Host, HostFiles, HostOpenMode, HostStat } from '../host/host.js';
import { genericFail } from '../errors/messages.js';
import { exnFailUnsupportedT } from '../errors/exn.js';
import { printString } from '../printer/print.js';
import { normBig } from '../values/numbers.js';
import { anyPort, newPort } from './ports.js';
import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { OutputPort } from '../io/output-port.js';
import { type Value, MultipleValues, Sym, VOID } from '../values/types.js';
import type { PrimTable } from './table.js';
import { RacketThrow, makeExn } from '../errors/exn.js';
import { InputPort } from '../io/input-port.js';
import { complete, pathString, files, systemError, directoryError, existsError, operand } from './filesystem.js';
import type { FileMode } from './security-guards.js';
import { FileDescriptor, FileInputPort, FileOutputPort, portSystemError } from '../io/file-port.js';
import { currentCustodian, type Custodian } from '../thread/custodian.js';
import { currentPlumber, FlushHandle, type Plumber } from './plumbers.js';
import { Primitive } from '../eval/procedures.js';

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

/** How each exists mode opens the file (read is added for open-input-output-file). */
const OPEN_MODES: Record<string, Omit<HostOpenMode, 'read'>> = {
  error: { write: true, create: true, exclusive: true, truncate: false, append: false },
  append: { write: true, create: true, exclusive: false, truncate: false, append: true },
  update: { write: true, create: false, exclusive: false, truncate: false, append: false },
  'can-update': { write: true, create: true, exclusive: false, truncate: false, append: false },
  replace: { write: true, create: true, exclusive: false, truncate: true, append: false },
  truncate: { write: true, create: true, exclusive: false, truncate: true, append: false },
  'must-truncate': { write: true, create: false, exclusive: false, truncate: true, append: false },
  'truncate/replace': { write: true, create: true, exclusive: false, truncate: true, append: false },
};

/** A file's identity as file-or-directory-identity and port-file-identity give it. */
function identity(s: HostStat): bigint {
  return (s.ino << 64n) | s.dev;
}

/** The identity of standard input, output or error, asked of the host when wanted; null when the host cannot tell. */
export function stdioIdentity(host: Host, fd: 0 | 1 | 2): (() => bigint) | null {
  const statStdio = host.statStdio?.bind(host);
  if (statStdio === undefined) return null;
  return () => identity(statStdio(fd));
}

/** Opens `path` for an output port (and an input port when `read`) as exists mode `mode` says; returns the descriptor. */
function openForOutput(who: string, fs: HostFiles, path: string, shown: string, mode: string, permissions: number, read: boolean): number {
  const how: HostOpenMode = { read, ...OPEN_MODES[mode] };
  try {
    if (mode === 'replace' && fs.exists(path)) fs.delete(path);
    if (mode !== 'truncate/replace') return fs.openDescriptor(path, how, permissions);
    try {
      return fs.openDescriptor(path, how, permissions);
    } catch {
      // The file cannot be truncated (its permissions): make a new one in its place.
      if (fs.exists(path)) fs.delete(path);
      return fs.openDescriptor(path, how, permissions);
    }
  } catch (e) {
    // A directory is refused by open(2) (EISDIR, or EEXIST for 'error); Racket reports it as itself.
    if (fs.directoryExists(path)) return directoryError(who, 'path is a directory', `  path: ${shown}`);
    if ((e as { code?: string }).code === 'EEXIST' && mode === 'error') return existsError(who, 'file exists', `  path: ${shown}`);
    return systemError(who, 'error opening file', shown, e);
  }
}

/** Racket refuses to open a file under a custodian that has been shut down (after asking the security guard). */
function checkCustodian(m: Machine, who: string): void {
  if ((m.paramValue(currentCustodian) as Custodian).shutDown) genericFail(`${who}: the current custodian has been shut down`);
}

/** Makes a file port the current custodian's and the current plumber's, and has its output written when the run ends. */
function manage(m: Machine, port: FileInputPort | FileOutputPort): void {
  const custodian = m.paramValue(currentCustodian) as Custodian;
  custodian.resources.add(port);
  let handle: FlushHandle | null = null;
  let atEnd: { closed: boolean; close(): void } | null = null;
  if (port instanceof FileOutputPort) {
    const plumber = m.paramValue(currentPlumber) as Plumber;
    handle = new FlushHandle(
      plumber,
      new Primitive('flush-file-port', 1, 1, () => {
        if (!port.closed) port.flush();
        return VOID;
      }),
    );
    plumber.add(handle, false);
    if (plumber === m.rt.originalPlumber) {
      const entry = {
        closed: false,
        close(): void {
          try {
            port.flush();
          } catch {
            // The run is over: there is no one left to tell.
          }
        },
      };
      m.rt.resources.add(entry);
      atEnd = entry;
    }
  }
  port.onClose = () => {
    custodian.resources.delete(port);
    if (handle !== null) handle.plumber.remove(handle);
    if (atEnd !== null) m.rt.resources.delete(atEnd);
  };
}

/** The permissions argument (range-checked by the Racket front end). */
function permissionsArg(who: string, v: Value): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 65535 ? v : argError(who, '(integer-in 0 65535)', v);
}

function existsArg(who: string, v: Value): string {
  const mode = v instanceof Sym ? v.name : '';
  return EXISTS_MODES.includes(mode) ? mode : argError(who, `(or/c ${EXISTS_MODES.map((x) => `'${x}`).join(' ')})`, v);
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
    if (port instanceof FileInputPort || port instanceof FileOutputPort) {
      const d = port.descriptor;
      try {
        return normBig(identity(d.files.statDescriptor(d.fd)));
      } catch (e) {
        return portSystemError(who, 'error obtaining identity', e);
      }
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
  // (%open-input-file path)
  t.internalFn('open-input-file', 1, 1, function (this: Machine, p: Value) {
    const who = 'open-input-file';
    const path = complete(this, pathString(who, p));
    const shown = operand(this, who, p);
    const fs = files(this, who, shown, ['read']);
    checkCustodian(this, who);
    let fd: number;
    try {
      fd = fs.openDescriptor(path, { read: true, write: false, create: false, exclusive: false, truncate: false, append: false }, 0);
    } catch (e) {
      return systemError(who, 'cannot open input file', shown, e);
    }
    const desc = new FileDescriptor(fs, fd, false, 1);
    let port: FileInputPort;
    try {
      const kind = fs.statDescriptor(fd).kind;
      if (kind === 'directory') return directoryError(who, 'cannot open input file', `  path: ${shown}`);
      port = new FileInputPort(desc, shown, kind !== 'file');
    } catch (e) {
      desc.release();
      if (e instanceof RacketThrow) throw e;
      return systemError(who, 'cannot open input file', shown, e);
    }
    manage(this, port);
    return newPort(this, port);
  });
  // (%open-output-file path exists-mode permissions)
  t.internalFn('open-output-file', 3, 3, function (this: Machine, p: Value, exists: Value, perms: Value) {
    const who = 'open-output-file';
    const path = complete(this, pathString(who, p));
    const shown = operand(this, who, p);
    const mode = existsArg(who, exists);
    const fs = files(this, who, shown, GUARD_MODES[mode]);
    checkCustodian(this, who);
    const desc = new FileDescriptor(fs, openForOutput(who, fs, path, shown, mode, permissionsArg(who, perms), false), mode === 'append', 1);
    const port = new FileOutputPort(desc, shown);
    manage(this, port);
    return newPort(this, port);
  });
  // (%open-input-output-file path exists-mode permissions): two ports on one descriptor.
  t.internalFn('open-input-output-file', 3, 3, function (this: Machine, p: Value, exists: Value, perms: Value) {
    const who = 'open-input-output-file';
    const path = complete(this, pathString(who, p));
    const shown = operand(this, who, p);
    const mode = existsArg(who, exists);
    const fs = files(this, who, shown, GUARD_MODES[mode]);
    checkCustodian(this, who);
    const desc = new FileDescriptor(fs, openForOutput(who, fs, path, shown, mode, permissionsArg(who, perms), true), mode === 'append', 2);
    let input: FileInputPort;
    try {
      input = new FileInputPort(desc, shown, fs.statDescriptor(desc.fd).kind !== 'file');
    } catch (e) {
      desc.release();
      desc.release();
      return systemError(who, 'error opening file', shown, e);
    }
    const output = new FileOutputPort(desc, shown);
    manage(this, input);
    manage(this, output);
    return new MultipleValues([newPort(this, input), newPort(this, output)]);
  });
  t.fn('file-truncate', 2, 2, (p: Value, size: Value) => {
    const who = 'file-truncate';
    if (!(p instanceof OutputPort && p.fileStream)) return argError(who, '(and/c output-port? file-stream-port?)', p);
    if (!((typeof size === 'number' && Number.isInteger(size) && size >= 0) || (typeof size === 'bigint' && size > 0n))) {
      return argError(who, 'exact-nonnegative-integer?', size);
    }
    if (p.closed) genericFail(`${who}: output port is closed\n  output port: ${printString(p)}`);
    if (!(p instanceof FileOutputPort)) {
      // Standard output and error and a subprocess's pipes: rkt holds no descriptor of a file for them.
      return portSystemError(who, 'error setting file size', { code: 'EINVAL', errno: 22, text: 'Invalid argument' });
    }
    try {
      p.truncate(typeof size === 'bigint' ? Number.MAX_SAFE_INTEGER + 1 : size);
    } catch (e) {
      if (e instanceof RacketThrow) throw e;
      return portSystemError(who, 'error setting file size', e);
    }
    return VOID;
  });
}
