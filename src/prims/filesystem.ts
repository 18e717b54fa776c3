// The filesystem, through the host's file capability (which an embedding
// may withhold): file-exists?, directory-exists?, delete-file, and the path
// and error helpers file ports share.

import { checkFileAccess, type FileMode } from './security-guards.js';
import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { VOID, type Value, sym, Pair } from '../values/types.js';
import type { PrimTable } from './table.js';
import type { RPath } from '../values/path.js';
import { completeText, currentDirectory, pathText } from './paths.js';
import { RacketThrow, makeExn, exnFailFilesystemErrnoT, exnFailFilesystemExistsT, exnFailFilesystemT } from '../errors/exn.js';
import type { HostError, HostFiles } from '../host/host.js';

/**
 * The host's files, for `who` to use on the complete path `path` (null: none
 * in particular) for `modes`: the one point where file access passes the
 * current security guard, which is asked first.
 */
export function files(m: Machine, who: string, path: string | null = null, modes: readonly FileMode[] = []): HostFiles {
  const f = m.rt.host.files;
  if (f === undefined) throw new RacketThrow(makeExn(exnFailFilesystemT, `${who}: file access is not available in this runtime`));
  if (modes.length > 0) checkFileAccess(m, who, path, modes);
  return f;
}

export function pathString(who: string, v: Value): string {
  return pathText(v) ?? argError(who, 'path-string?', v);
}

/** The complete path of `p`, relative to the current directory. */
export function complete(m: Machine, p: string): string {
  return m.rt.host.resolvePath(`${(m.paramValue(currentDirectory) as RPath).path}.`, p);
}

export function systemError(who: string, what: string, path: string, e: unknown): never {
  const err = e as HostError;
  throw new RacketThrow(
    makeExn(
      exnFailFilesystemErrnoT,
      `${who}: ${what}\n  path: ${path}\n  system error: ${err.text}; errno=${err.errno}`,
      new Pair(err.errno, sym('posix')),
    ),
  );
}

/** The path of an operation, complete against the current directory, as Racket shows it in messages. */
export function operand(m: Machine, who: string, v: Value): string {
  return completeText(m, pathString(who, v));
}

/** A failure reported with rktio's own code (no errno): `path refers to a directory; rkt_err=9`. */
export function directoryError(who: string, what: string, fields: string): never {
  throw new RacketThrow(makeExn(exnFailFilesystemT, `${who}: ${what}\n${fields}\n  system error: path refers to a directory; rkt_err=9`));
}

/** An error that `path` (or the named paths) already exists. */
export function existsError(who: string, what: string, fields: string): never {
  throw new RacketThrow(makeExn(exnFailFilesystemExistsT, `${who}: ${what}\n${fields}`));
}

/** Raises a host failure as exn:fail:filesystem:errno with the given fields (`  path: ...` lines). */
export function errnoError(who: string, what: string, fields: string, e: unknown): never {
  if (e instanceof RacketThrow) throw e;
  const err = e as HostError;
  throw new RacketThrow(
    makeExn(
      exnFailFilesystemErrnoT,
      `${who}: ${what}\n${fields}\n  system error: ${err.text}; errno=${err.errno}`,
      new Pair(err.errno, sym('posix')),
    ),
  );
}

/** Runs a host file operation on `path`, raising its failure as Racket does. */
export function onPath<T>(who: string, what: string, path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    return errnoError(who, what, `  path: ${path}`, e);
  }
}

export function installFilesystem(t: PrimTable): void {
  t.fn('file-exists?', 1, 1, function (this: Machine, p: Value) {
    const path = complete(this, pathString('file-exists?', p));
    return files(this, 'file-exists?', path, ['exists']).exists(path);
  });
  t.fn('directory-exists?', 1, 1, function (this: Machine, p: Value) {
    const path = complete(this, pathString('directory-exists?', p));
    return files(this, 'directory-exists?', path, ['exists']).directoryExists(path);
  });
  t.fn('delete-file', 1, 1, function (this: Machine, p: Value) {
    const path = complete(this, pathString('delete-file', p));
    try {
      files(this, 'delete-file', path, ['delete']).delete(path);
    } catch (e) {
      if (e instanceof RacketThrow) throw e;
      systemError('delete-file', 'cannot delete file', path, e);
    }
    return VOID;
  });
}
