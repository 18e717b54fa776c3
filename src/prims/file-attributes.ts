// What the file system says of a file (The Racket Reference §15.2.2): size,
// modification time, permissions, type, the stat record and identity,
// through the host's file capability.

import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { makeHash } from '../values/hash.js';
import { normBig } from '../values/numbers.js';
import { VOID, type Value, listFromArray, sym } from '../values/types.js';
import type { HostError, HostFiles, HostStat } from '../host/host.js';
import type { PrimTable } from './table.js';
import { directoryError, errnoError, files, onPath, operand } from './filesystem.js';

const PERMISSION_MODES = "(or/c #f 'bits (integer-in 0 65535))";
const NS_PER_S = 1000000000n;

function stat(fs: HostFiles, who: string, what: string, path: string, follow: boolean): HostStat {
  return onPath(who, what, path, () => fs.stat(path, follow));
}

function isMissing(e: unknown): boolean {
  const code = (e as HostError).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export function installFileAttributes(t: PrimTable): void {
  t.fn('file-size', 1, 1, function (this: Machine, p: Value) {
    const path = operand(this, 'file-size', p);
    const s = stat(files(this, 'file-size', path, ['read']), 'file-size', 'cannot get size', path, true);
    if (s.kind === 'directory') directoryError('file-size', 'cannot get size', `  path: ${path}`);
    return normBig(s.size);
  });

  // (%file-or-directory-modify-seconds path secs-or-#f fail?): the time, or #t once set;
  // #f when it fails and `fail?` (the front end in lib/filesystem.rkt then calls the thunk).
  t.internalFn('file-or-directory-modify-seconds', 3, 3, function (this: Machine, p: Value, secs: Value, fail: Value) {
    const who = 'file-or-directory-modify-seconds';
    const path = operand(this, who, p);
    if (secs !== false && typeof secs !== 'number' && typeof secs !== 'bigint') return argError(who, 'exact-integer?', secs);
    if (typeof secs === 'bigint' || (typeof secs === 'number' && !Number.isInteger(secs))) {
      if (typeof secs === 'number') return argError(who, 'exact-integer?', secs);
      throw new RacketThrow(makeExn(exnFailContractT, `${who}: integer value is out-of-range\n  value: ${secs}`));
    }
    const fs = files(this, who, path, [secs === false ? 'read' : 'write']);
    const what = secs === false ? 'error getting file/directory time' : 'error setting file/directory time';
    try {
      if (secs === false) return normBig(fs.stat(path, true).mtimeNs / NS_PER_S);
      fs.setTimes(path, secs, secs);
      return true;
    } catch (e) {
      if (fail !== false && !(e instanceof RacketThrow)) return false;
      return errnoError(who, what, `  path: ${path}`, e);
    }
  });

  t.fn('file-or-directory-permissions', 1, 2, function (this: Machine, p: Value, mode: Value = false) {
    const who = 'file-or-directory-permissions';
    const path = operand(this, who, p);
    const bits = mode === sym('bits');
    if (mode !== false && !bits && (typeof mode !== 'number' || !Number.isInteger(mode) || mode < 0 || mode > 65535)) {
      return argError(who, PERMISSION_MODES, mode);
    }
    const fs = files(this, who, path, [typeof mode === 'number' ? 'write' : 'read']);
    if (typeof mode === 'number') {
      onPath(who, 'update failed', path, () => fs.chmod(path, mode));
      return VOID;
    }
    if (bits) return stat(fs, who, 'access failed', path, true).mode & 0o7777;
    const can = onPath(who, 'access failed', path, () => fs.access(path));
    const out: Value[] = [];
    if (can.execute) out.push(sym('execute'));
    if (can.write) out.push(sym('write'));
    if (can.read) out.push(sym('read'));
    return listFromArray(out);
  });

  t.fn('file-or-directory-type', 1, 2, function (this: Machine, p: Value, mustExist: Value = false) {
    const who = 'file-or-directory-type';
    const path = operand(this, who, p);
    const fs = files(this, who, path, ['exists']);
    try {
      const kind = fs.stat(path, false).kind;
      return sym(kind === 'other' ? 'file' : kind);
    } catch (e) {
      if (e instanceof RacketThrow) throw e;
      if (!isMissing(e) || mustExist !== false) return errnoError(who, 'access failed', `  path: ${path}`, e);
      return false;
    }
  });

  t.fn('file-or-directory-stat', 1, 2, function (this: Machine, p: Value, asLink: Value = false) {
    const who = 'file-or-directory-stat';
    const path = operand(this, who, p);
    const s = stat(files(this, who, path, ['exists']), who, 'cannot get stat result', path, asLink === false);
    const entries: [string, Value][] = [
      ['device-id', normBig(s.dev)],
      ['inode', normBig(s.ino)],
      ['mode', s.mode],
      ['hardlink-count', s.nlink],
      ['user-id', s.uid],
      ['group-id', s.gid],
      ['device-id-for-special-file', normBig(s.rdev)],
      ['size', normBig(s.size)],
      ['block-size', s.blksize],
      ['block-count', normBig(s.blocks)],
      ['access-time-seconds', normBig(s.atimeNs / NS_PER_S)],
      ['access-time-nanoseconds', normBig(s.atimeNs)],
      ['modify-time-seconds', normBig(s.mtimeNs / NS_PER_S)],
      ['modify-time-nanoseconds', normBig(s.mtimeNs)],
      ['change-time-seconds', normBig(s.ctimeNs / NS_PER_S)],
      ['change-time-nanoseconds', normBig(s.ctimeNs)],
      // Racket on Linux does not ask for the birth time.
      ['creation-time-seconds', 0],
      ['creation-time-nanoseconds', 0],
    ];
    return makeHash(
      'eq',
      false,
      entries.map(([k, v]) => [sym(k), v]),
    );
  });

  t.fn('file-or-directory-identity', 1, 2, function (this: Machine, p: Value, asLink: Value = false) {
    const who = 'file-or-directory-identity';
    const path = operand(this, who, p);
    const s = stat(files(this, who, path, ['exists']), who, 'error obtaining identity for path', path, asLink === false);
    return normBig((s.ino << 64n) | s.dev);
  });
}
