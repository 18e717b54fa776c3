// Files for the Node host: synchronous operations on paths, and on the
// descriptors that file ports hold (Node has no lseek, so reads and writes
// on a descriptor name their offset).

import {
  accessSync,
  appendFileSync,
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  type BigIntStats,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
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
  writeSync,
} from 'node:fs';
import type { HostError, HostFiles, HostOpenMode, HostStat } from './host.js';

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

/** open(2)'s flags for `how`. */
function openFlags(how: HostOpenMode): number {
  const c = constants;
  let flags = how.read && how.write ? c.O_RDWR : how.write ? c.O_WRONLY : c.O_RDONLY;
  if (how.create) flags |= c.O_CREAT;
  if (how.exclusive) flags |= c.O_EXCL;
  if (how.truncate) flags |= c.O_TRUNC;
  if (how.append) flags |= c.O_APPEND;
  return flags;
}

/** Writes all of `data`, looping over short writes; `position` null writes at the descriptor's own offset. */
function writeAll(fd: number, data: Uint8Array, position: number | null): void {
  let done = 0;
  while (done < data.length) {
    const n = writeSync(fd, data, done, data.length - done, position === null ? null : position + done);
    if (n <= 0) throw hostError({ code: 'EIO' });
    done += n;
  }
}

/**
 * open(2) as `how` says. A truncating open is closed at once and the file
 * opened again: ext4 (auto_da_alloc) forces out the data of a file that was
 * truncated and then written when it is closed, which makes rewriting a small
 * file a hundred times slower; a close between the truncation and the writes
 * leaves them to be written back as usual.
 */
function openDescriptor(path: string, how: HostOpenMode, permissions: number): number {
  const fd = openSync(path, openFlags(how), permissions);
  if (!how.truncate) return fd;
  closeSync(fd);
  return openSync(path, openFlags({ ...how, create: false, exclusive: false, truncate: false }));
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
  openDescriptor: (path, how, permissions) => attempt(() => openDescriptor(path, how, permissions)),
  readDescriptor: (fd, into, start, length, position) => attempt(() => readSync(fd, into, start, length, position)),
  writeDescriptor: (fd, data, position) => attempt(() => writeAll(fd, data, position)),
  truncateDescriptor: (fd, size) => attempt(() => ftruncateSync(fd, size)),
  statDescriptor: (fd) => statDescriptor(fd),
  closeDescriptor: (fd) => attempt(() => closeSync(fd)),
};
