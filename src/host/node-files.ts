// Files for the Node host: synchronous reads and writes (a Racket file port
// reads a whole file when it opens, and writes when it flushes).

import {
  accessSync,
  appendFileSync,
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  fstatSync,
  type BigIntStats,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  watch,
  writeFileSync,
} from 'node:fs';
import type { HostError, HostFiles, HostStat } from './host.js';

/** errno numbers and texts (Linux values, as Racket shows them) of the errors file operations meet. */
const ERRORS: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EPERM: [1, 'Operation not permitted'],
  EEXIST: [17, 'File exists'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EMFILE: [24, 'Too many open files'],
  ENOSPC: [28, 'No space left on device'],
  EROFS: [30, 'Read-only file system'],
  ENAMETOOLONG: [36, 'File name too long'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENOTEMPTY: [39, 'Directory not empty'],
  EXDEV: [18, 'Invalid cross-device link'],
  EBUSY: [16, 'Device or resource busy'],
  EINVAL: [22, 'Invalid argument'],
  ENXIO: [6, 'No such device or address'],
};

export function hostError(e: unknown): HostError {
  const code = (e as { code?: string }).code ?? 'EIO';
  const [errno, text] = ERRORS[code] ?? [5, 'Input/output error'];
  return { code, errno, text };
}

function attempt<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw hostError(e);
  }
}

const basicFiles = {
  readBytes: (path: string) => attempt(() => new Uint8Array(readFileSync(path))),
  write: (path: string, text: string, append: boolean) => attempt(() => (append ? appendFileSync(path, text) : writeFileSync(path, text))),
  exists: (path: string) => existsSync(path) && !statSync(path).isDirectory(),
  directoryExists: (path: string) => existsSync(path) && statSync(path).isDirectory(),
  delete: (path: string) => attempt(() => unlinkSync(path)),
};

function statOf(path: string, follow: boolean): HostStat {
  return hostStat(follow ? statSync(path, { bigint: true }) : lstatSync(path, { bigint: true }));
}

/** fstat(2) of a descriptor the process has open. */
export function statDescriptor(fd: number): HostStat {
  return attempt(() => hostStat(fstatSync(fd, { bigint: true })));
}

function hostStat(s: BigIntStats): HostStat {
  const kind = s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'other';
  return {
    kind,
    dev: s.dev,
    ino: s.ino,
    mode: Number(s.mode),
    nlink: Number(s.nlink),
    uid: Number(s.uid),
    gid: Number(s.gid),
    rdev: s.rdev,
    size: s.size,
    blksize: Number(s.blksize),
    blocks: s.blocks,
    atimeNs: s.atimeNs,
    mtimeNs: s.mtimeNs,
    ctimeNs: s.ctimeNs,
  };
}

export const nodeFiles: HostFiles = {
  ...basicFiles,
  list: (path) => attempt(() => readdirSync(path)),
  makeDirectory: (path, mode) => attempt(() => void mkdirSync(path, { mode })),
  deleteDirectory: (path) => attempt(() => rmdirSync(path)),
  stat: (path, follow) => attempt(() => statOf(path, follow)),
  setTimes: (path, a, m) => attempt(() => utimesSync(path, a, m)),
  chmod: (path, mode) => attempt(() => chmodSync(path, mode)),
  copy: (from, to, exclusive) => attempt(() => copyFileSync(from, to, exclusive ? constants.COPYFILE_EXCL : 0)),
  rename: (from, to) => attempt(() => renameSync(from, to)),
  symlink: (target, path) => attempt(() => symlinkSync(target, path)),
  readLink: (path) => attempt(() => readlinkSync(path)),
  access(path) {
    attempt(() => accessSync(path));
    const can = (mode: number) => {
      try {
        accessSync(path, mode);
        return true;
      } catch {
        return false;
      }
    };
    return { read: can(constants.R_OK), write: can(constants.W_OK), execute: can(constants.X_OK) };
  },
  watch(path, onChange) {
    const w = attempt(() => watch(path, { persistent: true }));
    let done = false;
    const stop = () => {
      if (done) return;
      done = true;
      w.close();
    };
    w.on('change', () => {
      stop();
      onChange();
    });
    w.on('error', () => {
      stop();
      onChange();
    });
    return stop;
  },
};
