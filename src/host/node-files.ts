// Files for the Node host: synchronous reads and writes (a Racket file port
// reads a whole file when it opens, and writes when it flushes).

import { appendFileSync, existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import type { HostError, HostFiles } from './host.js';

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
};

function hostError(e: unknown): HostError {
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

export const nodeFiles: HostFiles = {
  readBytes: (path) => attempt(() => new Uint8Array(readFileSync(path))),
  write: (path, text, append) => attempt(() => (append ? appendFileSync(path, text) : writeFileSync(path, text))),
  exists: (path) => existsSync(path) && !statSync(path).isDirectory(),
  directoryExists: (path) => existsSync(path) && statSync(path).isDirectory(),
  delete: (path) => attempt(() => unlinkSync(path)),
};
