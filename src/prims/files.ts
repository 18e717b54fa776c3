// File ports and the filesystem operations programs use: open-input-file,
// open-output-file (the keyword front ends, call-with- and with- forms and
// racket/file are in the prelude), close-input-port, close-output-port,
// file-exists?, directory-exists?, delete-file. Reads take the whole file
// when the port opens; writes go to the file when the port flushes.

import type { Machine } from '../eval/machine.js';
import type { HostError, HostFiles } from '../host/host.js';
import { argError } from '../errors/messages.js';
import { RacketThrow, exnFailFilesystemErrnoT, exnFailFilesystemExistsT, exnFailFilesystemT, makeExn } from '../errors/exn.js';
import { InputPort } from '../io/input-port.js';
import { OutputPort } from '../io/output-port.js';
import { Pair, RString, Sym, VOID, sym, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

function files(m: Machine, who: string): HostFiles {
  const f = m.rt.host.files;
  if (f === undefined) throw new RacketThrow(makeExn(exnFailFilesystemT, `${who}: file access is not available in this runtime`));
  return f;
}

function pathString(who: string, v: Value): string {
  if (v instanceof RString && v.s.length > 0 && !v.s.includes('\0')) return v.s;
  return argError(who, 'path-string?', v);
}

/** The complete path of `p`, relative to the current directory. */
function complete(m: Machine, p: string): string {
  return m.rt.host.resolvePath(`${m.rt.host.cwd()}/.`, p);
}

function systemError(who: string, what: string, path: string, e: unknown): never {
  const err = e as HostError;
  throw new RacketThrow(
    makeExn(exnFailFilesystemErrnoT, `${who}: ${what}\n  path: ${path}\n  system error: ${err.text}; errno=${err.errno}`, new Pair(err.errno, sym('posix'))),
  );
}

const EXISTS_MODES = ['error', 'append', 'update', 'can-update', 'replace', 'truncate', 'must-truncate', 'truncate/replace'];

export function installFiles(t: PrimTable): void {
  // (open-input-file path): the whole file, read now.
  t.internalFn('open-input-file', 1, 1, function (this: Machine, p: Value) {
    const path = complete(this, pathString('open-input-file', p));
    const fs = files(this, 'open-input-file');
    try {
      return new InputPort(fs.readBytes(path), path);
    } catch (e) {
      return systemError('open-input-file', 'cannot open input file', path, e);
    }
  });
  // (open-output-file path exists-mode)
  t.internalFn('open-output-file', 2, 2, function (this: Machine, p: Value, exists: Value) {
    const path = complete(this, pathString('open-output-file', p));
    const mode = exists instanceof Sym ? exists.name : '';
    if (!EXISTS_MODES.includes(mode)) return argError('open-output-file', `(or/c ${EXISTS_MODES.map((x) => `'${x}`).join(' ')})`, exists);
    const fs = files(this, 'open-output-file');
    const there = fs.exists(path);
    if (there && mode === 'error') {
      throw new RacketThrow(makeExn(exnFailFilesystemExistsT, `open-output-file: file exists\n  path: ${path}`));
    }
    if (!there && (mode === 'update' || mode === 'must-truncate')) {
      return systemError('open-output-file', 'error opening file', path, { code: 'ENOENT', errno: 2, text: 'No such file or directory' });
    }
    // Every mode but append starts the file afresh ('update writes over it from the start).
    try {
      fs.write(path, '', mode === 'append' || mode === 'can-update' ? true : false);
    } catch (e) {
      return systemError('open-output-file', 'error opening file', path, e);
    }
    return new OutputPort(path, (text) => {
      try {
        fs.write(path, text, true);
      } catch (e) {
        systemError('write-string', 'error writing to file', path, e);
      }
    });
  });
  t.fn('close-input-port', 1, 1, (p: Value) => {
    if (!(p instanceof InputPort)) return argError('close-input-port', 'input-port?', p);
    p.close();
    return VOID;
  });
  t.fn('close-output-port', 1, 1, (p: Value) => {
    if (!(p instanceof OutputPort)) return argError('close-output-port', 'output-port?', p);
    p.flush();
    p.closed = true;
    return VOID;
  });
  t.fn('file-exists?', 1, 1, function (this: Machine, p: Value) {
    return files(this, 'file-exists?').exists(complete(this, pathString('file-exists?', p)));
  });
  t.fn('directory-exists?', 1, 1, function (this: Machine, p: Value) {
    return files(this, 'directory-exists?').directoryExists(complete(this, pathString('directory-exists?', p)));
  });
  t.fn('delete-file', 1, 1, function (this: Machine, p: Value) {
    const path = complete(this, pathString('delete-file', p));
    try {
      files(this, 'delete-file').delete(path);
    } catch (e) {
      if (e instanceof RacketThrow) throw e;
      systemError('delete-file', 'cannot delete file', path, e);
    }
    return VOID;
  });
}
