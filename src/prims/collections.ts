// Collections (The Racket Reference §18.2): where collection-based module
// paths are found. rkt's libraries are built in; they appear as the
// collections of the installation directory that find-system-path calls
// 'collects-dir, so a collection exists there when a built-in library lives
// in it (racket/list puts list.rkt in "racket"). Other directories of
// current-library-collection-paths, and collection-name hashes of
// current-library-collection-links, are looked up in the file system as
// Racket does. collection-path and collection-file-path are src/lib/collections.rkt.

import type { Machine } from '../eval/machine.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { RHash, makeHash } from '../values/hash.js';
import { RPath } from '../values/path.js';
import { NULL, Pair, RString, Sym, type Value, listFromArray, listToArray, str, sym } from '../values/types.js';
import { pathText } from './paths.js';
import type { PrimTable } from './table.js';
import type { Host } from '../host/host.js';

/** The installation's collection directory (find-system-path's 'collects-dir) and its share directory. */
const COLLECTS_DIR = '/usr/share/racket/collects/';
const SHARE_DIR = '/usr/share/racket/';
const VERSION = '8.7';

function userDataDir(host: Host): string {
  const addon = host.getenv?.('PLTADDONDIR');
  if (addon !== undefined && addon !== '') return addon.endsWith('/') ? addon : `${addon}/`;
  const home = host.getenv?.('HOME') ?? '/';
  const data = host.getenv?.('XDG_DATA_HOME') ?? `${home.endsWith('/') ? home : `${home}/`}.local/share`;
  return `${data.endsWith('/') ? data : `${data}/`}racket/`;
}

function isList(v: Value): boolean {
  return v === NULL || (v instanceof Pair && v.isList);
}

const completePath = (v: Value) => pathText(v)?.startsWith('/') === true;
const asPath = (v: Value) => (v instanceof RPath ? v : new RPath(pathText(v) as string));

const PATHS_CONTRACT = '(listof (and/c path-string? complete-path?))';
const LINKS_CONTRACT =
  '(listof (or/c #f\n                          (and/c path-string? complete-path?)\n                          (hash/c (or/c (and/c symbol? module-path?) #f)\n                                  (listof (and/c path-string? complete-path?)))))';

export const currentLibraryCollectionPaths = new Parameter(
  NULL,
  new Primitive('current-library-collection-paths', 1, 1, (v: Value) => {
    if (!isList(v) || !listToArray(v).every(completePath)) return argError('current-library-collection-paths', PATHS_CONTRACT, v);
    return listFromArray(listToArray(v).map(asPath));
  }),
  'current-library-collection-paths',
);

function isLinkEntry(v: Value): boolean {
  if (v === false || completePath(v)) return true;
  if (!(v instanceof RHash)) return false;
  for (const [k, dirs] of v.entries()) {
    if (k !== false && !(k instanceof Sym)) return false;
    if (!isList(dirs) || !listToArray(dirs).every(completePath)) return false;
  }
  return true;
}

export const currentLibraryCollectionLinks = new Parameter(
  NULL,
  new Primitive('current-library-collection-links', 1, 1, (v: Value) => {
    if (!isList(v) || !listToArray(v).every(isLinkEntry)) return argError('current-library-collection-links', LINKS_CONTRACT, v);
    return listFromArray(listToArray(v).map((x) => (x === false || x instanceof RHash ? x : asPath(x))));
  }),
  'current-library-collection-links',
);

/** find-library-collection-paths: the user's collection directory, `pre`, the installation's, then `post`. */
export function defaultCollectionPaths(host: Host, pre: Value[] = [], post: Value[] = []): Value {
  return listFromArray([
    new RPath(`${userDataDir(host)}${VERSION}/collects`),
    ...pre.map(asPath),
    new RPath(COLLECTS_DIR),
    ...post.map(asPath),
  ]);
}

export function defaultCollectionLinks(host: Host): Value {
  return listFromArray([false, new RPath(`${userDataDir(host)}${VERSION}/links.rktd`), new RPath(`${SHARE_DIR}links.rktd`)]);
}

/** Whether a built-in library lives in collection `coll` ("a/b"). */
function builtInCollection(m: Machine, coll: string): boolean {
  for (const name of m.rt.libraryNames()) if (name === coll || name.startsWith(`${coll}/`)) return true;
  return false;
}

function join(dir: string, rel: string): string {
  return dir.endsWith('/') ? dir + rel : `${dir}/${rel}`;
}

/** The directory of collection `coll` in `dir`, or null. */
function inDirectory(m: Machine, dir: string, coll: string): string | null {
  if (dir === COLLECTS_DIR) return builtInCollection(m, coll) ? join(dir, coll) : null;
  const files = m.rt.host.files;
  const there = join(dir, coll);
  return files?.directoryExists(there) ? there : null;
}

/** Where collection `coll` is: the links first (#f standing for the collection paths), in order. */
function findCollection(m: Machine, coll: string): string | null {
  const paths = listToArray(m.paramValue(currentLibraryCollectionPaths)).map((p) => (p as RPath).path);
  const links = listToArray(m.paramValue(currentLibraryCollectionLinks));
  const top = coll.split('/')[0];
  for (const entry of links.length === 0 ? [false as Value] : links) {
    if (entry === false) {
      for (const dir of paths) {
        const found = inDirectory(m, dir, coll);
        if (found !== null) return found;
      }
    } else if (entry instanceof RHash) {
      for (const [k, dirs] of entry.entries()) {
        const prefix = k === false ? null : (k as Sym).name;
        for (const d of listToArray(dirs)) {
          const dir = pathText(d) as string;
          const found =
            prefix === null ? inDirectory(m, dir, coll) : prefix === top ? inDirectory(m, dir, coll.slice(top.length + 1) || '.') : null;
          if (found !== null) return found;
        }
      }
    }
  }
  return null;
}

function notFound(m: Machine, coll: string): RString {
  const dirs = listToArray(m.paramValue(currentLibraryCollectionPaths)).map((p) => `\n   ${(p as RPath).path}`);
  return str(`collection not found\n  collection: ${JSON.stringify(coll)}\n  in collection directories:${dirs.join('')}`);
}

function relativePathString(v: Value): string | null {
  const p = pathText(v);
  return p === null || p.startsWith('/') ? null : p;
}

export function installCollections(t: PrimTable): void {
  t.value('current-library-collection-paths', currentLibraryCollectionPaths);
  t.value('current-library-collection-links', currentLibraryCollectionLinks);
  // (%find-collection who file-or-#f collection-list): the path, or the failure message (a string) for the #:fail procedure.
  t.internalFn('find-collection', 3, 3, function (this: Machine, who: Value, file: Value, colls: Value) {
    const name = (who as Sym).name;
    if (file !== false && relativePathString(file) === null) return argError(name, '(and/c path-string? relative-path?)', file);
    const parts = listToArray(colls);
    for (const c of parts) if (relativePathString(c) === null) return argError(name, '(and/c path-string? relative-path?)', c);
    const coll = parts.map((c) => pathText(c) as string).join('/');
    const dir = findCollection(this, coll);
    if (dir === null) return notFound(this, coll);
    return new RPath(file === false ? dir : join(dir, pathText(file) as string));
  });
  t.fn('find-library-collection-paths', 0, 4, function (this: Machine, pre: Value = NULL, post: Value = NULL) {
    for (const v of [pre, post]) {
      if (!isList(v) || !listToArray(v).every((x) => pathText(x) !== null))
        return argError('find-library-collection-paths', '(listof path-string?)', v);
    }
    return defaultCollectionPaths(this.rt.host, listToArray(pre), listToArray(post));
  });
  t.fn('find-library-collection-links', 0, 2, function (this: Machine) {
    return defaultCollectionLinks(this.rt.host);
  });
  // rkt has no installation configuration file (config.rktd): the table is empty.
  t.fn('read-installation-configuration-table', 0, 0, () => makeHash('equal', false));
  t.fn('find-compiled-file-roots', 0, 1, (table: Value = false) => {
    if (table !== false && !(table instanceof RHash)) return argError('find-compiled-file-roots', 'hash?', table);
    const roots = table instanceof RHash ? table.get(sym('compiled-file-roots')) : undefined;
    if (roots !== undefined && isList(roots)) {
      return listFromArray(listToArray(roots).map((r) => (r instanceof RString ? new RPath(r.s) : r)));
    }
    return listFromArray([sym('same')]);
  });
}
