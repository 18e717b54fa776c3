// Directories (The Racket Reference §15.2.3): listing, making and deleting
// them, through the host's file capability. directory-list's keyword front
// end and in-directory are in lib/filesystem.rkt.

import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { RPath } from '../values/path.js';
import { VOID, type Value, listFromArray } from '../values/types.js';
import { compareBytes } from '../values/equal.js';
import { encodeUtf8 } from '../values/utf8.js';
import type { PrimTable } from './table.js';
import { currentDirectory } from './paths.js';
import { errnoError, existsError, files, onPath, operand } from './filesystem.js';
import type { HostError } from '../host/host.js';

/** Names sorted as path<? sorts them: by their bytes. */
function sortedNames(names: string[]): string[] {
  const keyed = names.map((n) => [encodeUtf8(n), n] as const);
  keyed.sort((a, b) => compareBytes(a[0], b[0]));
  return keyed.map((k) => k[1]);
}

export function installDirectories(t: PrimTable): void {
  // (%directory-list dir): the names in dir (the current directory when #f), sorted.
  t.internalFn('directory-list', 1, 1, function (this: Machine, dir: Value) {
    const path = dir === false ? (this.paramValue(currentDirectory) as RPath).path : operand(this, 'directory-list', dir);
    const fs = files(this, 'directory-list', path, ['read']);
    const names = onPath('directory-list', 'could not open directory', path, () => fs.list(path));
    return listFromArray(sortedNames(names).map((n) => new RPath(n)));
  });
  t.fn('make-directory', 1, 2, function (this: Machine, p: Value, perms: Value = 0o777) {
    const path = operand(this, 'make-directory', p);
    if (typeof perms !== 'number' || !Number.isInteger(perms) || perms < 0 || perms > 65535) {
      return argError('make-directory', '(integer-in 0 65535)', perms);
    }
    const fs = files(this, 'make-directory', path, ['write']);
    try {
      fs.makeDirectory(path, perms);
    } catch (e) {
      if ((e as HostError).code === 'EEXIST')
        existsError('make-directory', 'cannot make directory;\n the path already exists', `  path: ${path}`);
      errnoError('make-directory', 'cannot make directory', `  path: ${path}`, e);
    }
    return VOID;
  });
  t.fn('delete-directory', 1, 1, function (this: Machine, p: Value) {
    const path = operand(this, 'delete-directory', p);
    const fs = files(this, 'delete-directory', path, ['delete']);
    onPath('delete-directory', 'cannot delete directory', path, () => fs.deleteDirectory(path));
    return VOID;
  });
}
