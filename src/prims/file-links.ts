// Copying, renaming and linking files (The Racket Reference §15.2.2), and
// resolving links, through the host's file capability.

import { checkLinkAccess } from './security-guards.js';
import type { Machine } from '../eval/machine.js';
import { RPath } from '../values/path.js';
import { VOID, type Value } from '../values/types.js';
import type { HostError, HostFiles } from '../host/host.js';
import type { PrimTable } from './table.js';
import { RacketThrow } from '../errors/exn.js';
import { directoryError, errnoError, existsError, files, onPath, operand, pathString } from './filesystem.js';

/** Whether anything, even a dangling link, is at `path`. */
function present(fs: HostFiles, path: string): boolean {
  try {
    fs.stat(path, false);
    return true;
  } catch {
    return false;
  }
}

export function installFileLinks(t: PrimTable): void {
  t.fn('copy-file', 2, 3, function (this: Machine, s: Value, d: Value, existsOk: Value = false) {
    const who = 'copy-file';
    const from = operand(this, who, s);
    const to = operand(this, who, d);
    const fields = `  source path: ${from}\n  destination path: ${to}`;
    files(this, who, from, ['read']);
    const fs = files(this, who, to, ['write', 'delete']);
    let kind: string;
    try {
      kind = fs.stat(from, true).kind;
    } catch (e) {
      return errnoError(who, 'cannot open source file', fields, e);
    }
    if (kind === 'directory') directoryError(who, 'cannot open source file', fields);
    if (existsOk === false && present(fs, to)) existsError(who, 'destination exists', fields);
    try {
      fs.copy(from, to, false);
    } catch (e) {
      if ((e as HostError).code === 'EISDIR') directoryError(who, 'cannot open destination file', fields);
      errnoError(who, 'cannot open destination file', fields, e);
    }
    return VOID;
  });

  t.fn('rename-file-or-directory', 2, 3, function (this: Machine, s: Value, d: Value, existsOk: Value = false) {
    const who = 'rename-file-or-directory';
    const from = operand(this, who, s);
    const to = operand(this, who, d);
    const fields = `  source path: ${from}\n  dest path: ${to}`;
    files(this, who, from, ['read']);
    const fs = files(this, who, to, ['write']);
    if (existsOk === false && present(fs, to)) {
      existsError(who, 'cannot rename file or directory;\n the destination path already exists', fields);
    }
    try {
      fs.rename(from, to);
    } catch (e) {
      errnoError(who, 'cannot rename file or directory', fields, e);
    }
    return VOID;
  });

  t.fn('link-exists?', 1, 1, function (this: Machine, p: Value) {
    const path = operand(this, 'link-exists?', p);
    try {
      return files(this, 'link-exists?', path, ['exists']).stat(path, false).kind === 'link';
    } catch (e) {
      if (e instanceof RacketThrow) throw e;
      return false;
    }
  });

  t.fn('make-file-or-directory-link', 2, 2, function (this: Machine, target: Value, p: Value) {
    const who = 'make-file-or-directory-link';
    // The link holds the target as written, relative or not.
    const text = pathString(who, target);
    const path = operand(this, who, p);
    const fs = files(this, who, path, ['write']);
    checkLinkAccess(this, who, path, text);
    try {
      fs.symlink(text, path);
    } catch (e) {
      if ((e as HostError).code === 'EEXIST') existsError(who, 'cannot make link;\n the path already exists', `  path: ${path}`);
      errnoError(who, 'cannot make link', `  path: ${path}`, e);
    }
    return VOID;
  });

  t.fn('resolve-path', 1, 1, function (this: Machine, p: Value) {
    const path = operand(this, 'resolve-path', p);
    const fs = files(this, 'resolve-path', path, ['exists']);
    const given = p instanceof RPath ? p : new RPath(pathString('resolve-path', p));
    try {
      if (fs.stat(path, false).kind !== 'link') return given;
      return new RPath(onPath('resolve-path', 'cannot resolve link', path, () => fs.readLink(path)));
    } catch (e) {
      if (e instanceof RacketThrow) throw e;
      return given;
    }
  });
}
