// Paths (The Racket Reference §15.1), with Unix conventions: path values,
// building, splitting and simplifying them as text (no file system access),
// extensions, current-directory and find-system-path.

import type { Machine } from '../eval/machine.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { printString } from '../printer/print.js';
import { RPath } from '../values/path.js';
import { MultipleValues, RBytes, RString, Sym, listFromArray, sym, type Value } from '../values/types.js';
import { decodeUtf8, encodeUtf8 } from '../values/utf8.js';

/** Bytes as path text: UTF-8, with invalid sequences as U+FFFD. */
const bytesText = (b: Uint8Array): string => decodeUtf8(b) ?? new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
import type { PrimTable } from './table.js';
import { checkFileAccess } from './security-guards.js';
import { compareBytes } from '../values/equal.js';

/** The text of a path or path string, or null. */
export function pathText(v: Value): string | null {
  if (v instanceof RPath) return v.path;
  if (v instanceof RString && v.s.length > 0 && !v.s.includes('\0')) return v.s;
  return null;
}

function checkPathString(who: string, v: Value, expected = 'path-string?'): string {
  const p = pathText(v);
  return p === null ? argError(who, expected, v) : p;
}

/** Path predicates take any string or path (a string that is not a path string is simply not absolute). */
function anyPathText(who: string, v: Value): string {
  if (v instanceof RPath) return v.path;
  if (v instanceof RString) return v.s.includes('\0') ? '' : v.s;
  return argError(who, '(or/c path? string? path-for-some-system?)', v);
}

const path = (p: string) => new RPath(p);

/** The elements of `p` after its root, and whether it is absolute and names a directory syntactically. */
function parts(p: string): { absolute: boolean; elems: string[]; dir: boolean } {
  const elems = p.split('/').filter((e) => e !== '');
  const last = elems[elems.length - 1];
  return { absolute: p.startsWith('/'), elems, dir: p.endsWith('/') || last === '.' || last === '..' };
}

function element(e: string): Value {
  return e === '..' ? sym('up') : e === '.' ? sym('same') : path(e);
}

/** `split-path`: the base (a path, 'relative, or #f for a root), the name, and whether it must be a directory. */
export function splitPath(p: string): [Value, Value, boolean] {
  if (/^\/+$/.test(p)) return [false, path('/'), true];
  const { dir } = parts(p);
  const trimmed = p.replace(/\/+$/, '');
  const cut = trimmed.lastIndexOf('/');
  const name = trimmed.slice(cut + 1);
  const base = cut < 0 ? sym('relative') : path(trimmed.slice(0, cut + 1).replace(/\/+$/, '/'));
  return [base, element(name), dir];
}

/** `simplify-path` without consulting the file system: `.` dropped, `..` applied where it can be. */
export function simplifyText(p: string): string {
  const { absolute, elems, dir } = parts(p);
  const out: string[] = [];
  for (const e of elems) {
    if (e === '.') continue;
    if (e === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(e);
  }
  if (out.length === 0) return absolute ? '/' : './';
  const text = (absolute ? '/' : '') + out.join('/');
  return dir ? `${text}/` : text;
}

function joinPaths(a: string, b: string): string {
  return a.endsWith('/') ? a + b : `${a}/${b}`;
}

/** The name part of `p` and the directory text before it. */
function lastElement(p: string): [string, string] {
  const cut = p.lastIndexOf('/');
  return [p.slice(0, cut + 1), p.slice(cut + 1)];
}

function extensionText(who: string, v: Value): string {
  if (v instanceof RString) return v.s;
  if (v instanceof RBytes) return bytesText(v.bytes);
  return argError(who, '(or/c string? bytes?)', v);
}

/** `current-directory`: a complete directory path (per runtime: the runtime sets its starting value). */
export const currentDirectory = new Parameter(
  new RPath('/'),
  new Primitive('current-directory', 1, 1, function (this: Machine | undefined, v: Value) {
    const p = checkPathString('current-directory', v);
    if (this !== undefined) checkFileAccess(this, 'current-directory', completeText(this, p), ['exists']);
    return path(p.endsWith('/') ? p : `${p}/`);
  }),
  'current-directory',
);

/** The text of `p` made complete against the current directory. */
export function completeText(m: Machine, p: string): string {
  if (p.startsWith('/')) return p;
  return joinPaths((m.paramValue(currentDirectory) as RPath).path, p);
}

export function installPaths(t: PrimTable): void {
  t.fn('path?', 1, 1, (v) => v instanceof RPath);
  t.fn('path-string?', 1, 1, (v) => pathText(v) !== null);
  t.fn('path-for-some-system?', 1, 1, (v) => v instanceof RPath);
  t.fn('string->path', 1, 1, (v: Value) => {
    if (!(v instanceof RString)) return argError('string->path', 'string?', v);
    if (v.s.length === 0) throw new RacketThrow(makeExn(exnFailContractT, 'string->path: path string is empty'));
    return path(v.s);
  });
  t.fn('path->string', 1, 1, (v: Value) => (v instanceof RPath ? new RString(v.path, false) : argError('path->string', 'path?', v)));
  t.fn('bytes->path', 1, 2, (v: Value) => {
    if (!(v instanceof RBytes)) return argError('bytes->path', 'bytes?', v);
    if (v.bytes.length === 0) throw new RacketThrow(makeExn(exnFailContractT, 'bytes->path: path string is empty'));
    return path(bytesText(v.bytes));
  });
  t.fn('path->bytes', 1, 1, (v: Value) =>
    v instanceof RPath ? new RBytes(encodeUtf8(v.path), false) : argError('path->bytes', 'path?', v),
  );
  const checkElement = (who: string, text: string, shown: Value): string => {
    if (text.includes('/') || text === '.' || text === '..' || text.length === 0) {
      const msg = `${who}: cannot be converted to a path element\n  path: ${printString(shown)}\n  explanation: path can be split, is not relative, or names a special element`;
      throw new RacketThrow(makeExn(exnFailContractT, msg));
    }
    return text;
  };
  t.fn('string->path-element', 1, 2, (v: Value) => {
    if (!(v instanceof RString)) return argError('string->path-element', 'string?', v);
    return path(checkElement('string->path-element', v.s, v));
  });
  // (bytes->path-element bytes [type false-on-non-element?]): #f instead of an error for `.`, `..` or a splittable path when asked.
  t.fn('bytes->path-element', 1, 3, (v: Value, type?: Value, falseOnNonElement?: Value) => {
    const who = 'bytes->path-element';
    if (!(v instanceof RBytes)) return argError(who, 'bytes?', v);
    if (type !== undefined && !(type instanceof Sym && (type.name === 'unix' || type.name === 'windows'))) {
      return argError(who, "(or/c 'windows 'unix)", type);
    }
    if (v.bytes.length === 0) throw new RacketThrow(makeExn(exnFailContractT, `${who}: byte string is empty`));
    if (v.bytes.includes(0)) {
      throw new RacketThrow(makeExn(exnFailContractT, `${who}: byte string contains a nul character\n  byte string: ${printString(v)}`));
    }
    const text = bytesText(v.bytes);
    if (falseOnNonElement !== undefined && falseOnNonElement !== false && (text.includes('/') || text === '.' || text === '..'))
      return false;
    return path(checkElement(who, text, v));
  });
  t.fn('path-element->string', 1, 1, (v: Value) => {
    if (!(v instanceof RPath)) return argError('path-element->string', 'path-element?', v);
    return new RString(checkElement('path-element->string', v.path, v), false);
  });
  t.fn('path-element->bytes', 1, 1, (v: Value) => {
    if (!(v instanceof RPath)) return argError('path-element->bytes', 'path-element?', v);
    return new RBytes(encodeUtf8(checkElement('path-element->bytes', v.path, v)), false);
  });
  t.fn('path-element?', 1, 1, (v) => v instanceof RPath && !v.path.includes('/') && v.path !== '.' && v.path !== '..');

  t.fn('build-path', 1, -1, (...args: Value[]) => {
    const texts = args.map((a, i) => {
      if (a instanceof Sym && (a.name === 'up' || a.name === 'same')) return a.name === 'up' ? '..' : '.';
      const p = pathText(a);
      if (p === null) return argError('build-path', "(or/c path-string? path-for-some-system? 'up 'same)", a);
      if (i > 0 && p.startsWith('/')) {
        throw new RacketThrow(
          makeExn(exnFailContractT, `build-path: absolute path cannot be added to a path\n  absolute path: ${printString(a)}`),
        );
      }
      return p;
    });
    return path(texts.reduce(joinPaths));
  });
  t.valuesFn('split-path', 1, 1, (v: Value) => {
    const p = checkPathString('split-path', v, '(or/c path-string? path-for-some-system?)');
    return new MultipleValues(splitPath(p));
  });
  t.fn('explode-path', 1, 1, (v: Value) => {
    const p = checkPathString('explode-path', v, '(or/c path-string? path-for-some-system?)');
    const { absolute, elems } = parts(p);
    return listFromArray([...(absolute ? [path('/')] : []), ...elems.map(element)]);
  });
  t.fn('path->directory-path', 1, 1, (v: Value) => {
    const p = checkPathString('path->directory-path', v, '(or/c path-string? path-for-some-system?)');
    return path(p.endsWith('/') ? p : `${p}/`);
  });
  t.fn('absolute-path?', 1, 1, (v: Value) => anyPathText('absolute-path?', v).startsWith('/'));
  t.fn('complete-path?', 1, 1, (v: Value) => anyPathText('complete-path?', v).startsWith('/'));
  t.fn('relative-path?', 1, 1, (v: Value) => {
    const p = anyPathText('relative-path?', v);
    return p.length > 0 && !p.startsWith('/');
  });
  t.fn('path->complete-path', 1, 2, function (this: Machine, v: Value, base?: Value) {
    const p = checkPathString('path->complete-path', v, '(or/c path-string? path-for-some-system?)');
    if (p.startsWith('/')) return v instanceof RPath ? v : path(p);
    if (base === undefined) return path(completeText(this, p));
    const b = pathText(base);
    if (b === null || !b.startsWith('/')) {
      return argError('path->complete-path', '(and/c (or/c path-string? path-for-some-system?) complete-path?)', base);
    }
    return path(joinPaths(b, p));
  });
  // With the file system (the default), a relative path is made complete first.
  t.fn('simplify-path', 1, 2, function (this: Machine, v: Value, useFilesystem: Value = true) {
    const p = checkPathString('simplify-path', v, '(or/c path-string? path-for-some-system?)');
    return path(simplifyText(useFilesystem === false ? p : completeText(this, p)));
  });
  t.fn('cleanse-path', 1, 1, (v: Value) =>
    path(checkPathString('cleanse-path', v, '(or/c path-string? path-for-some-system?)').replace(/\/{2,}/g, '/')),
  );
  t.fn('normal-case-path', 1, 1, (v: Value) => path(checkPathString('normal-case-path', v, '(or/c path-string? path-for-some-system?)')));
  t.fn('path-convention-type', 1, 1, (v: Value) =>
    v instanceof RPath ? sym('unix') : argError('path-convention-type', 'path-for-some-system?', v),
  );
  t.fn('system-path-convention-type', 0, 0, () => sym('unix'));
  t.fn('path<?', 1, -1, (...ps: Value[]) => {
    const texts = ps.map((p) => (p instanceof RPath ? p.path : argError('path<?', 'path?', p)));
    for (let i = 1; i < texts.length; i++) if (!(compareBytes(encodeUtf8(texts[i - 1]), encodeUtf8(texts[i])) < 0)) return false;
    return true;
  });
  const withExtension = (who: string, add: boolean) => (v: Value, ext: Value, sep?: Value) => {
    const args = sep === undefined ? [v, ext] : [v, ext, sep];
    const given = pathText(v);
    if (given === null) return argError(who, '(or/c path-for-some-system? path-string?)', v, 0, args);
    if (!(ext instanceof RString || ext instanceof RBytes)) return argError(who, '(or/c string? bytes?)', ext, 1, args);
    // A directory path's name is its last element (the result drops the slash).
    const p = /^\/+$/.test(given) ? given : given.replace(/\/+$/, '');
    const e = extensionText(who, ext);
    let between = '_';
    if (sep !== undefined) {
      if (sep instanceof RString) between = sep.s;
      else if (sep instanceof RBytes) between = bytesText(sep.bytes);
      else argError(who, '(or/c string? bytes?)', sep, 2, [v, ext, sep]);
    }
    const [dir, name] = lastElement(p);
    const dot = name.lastIndexOf('.');
    if (dot <= 0) return path(dir + name + e);
    return path(dir + (add ? `${name.slice(0, dot)}${between}${name.slice(dot + 1)}` : name.slice(0, dot)) + e);
  };
  t.fn('path-add-extension', 2, 3, withExtension('path-add-extension', true));
  t.fn('path-replace-extension', 2, 2, withExtension('path-replace-extension', false));
  t.fn('path-add-suffix', 2, 2, withExtension('path-add-suffix', true));
  t.fn('path-replace-suffix', 2, 2, withExtension('path-replace-suffix', false));

  t.value('current-directory', currentDirectory);
  t.value('current-directory-for-user', currentDirectory);
  t.fn('expand-user-path', 1, 1, function (this: Machine, v: Value) {
    const p = checkPathString('expand-user-path', v);
    if (!p.startsWith('~')) return v instanceof RPath ? v : path(p);
    const home = this.rt.host.getenv?.('HOME') ?? '/';
    return path(p === '~' || p.startsWith('~/') ? joinPaths(home, p.slice(2)) : p);
  });
  t.fn('find-system-path', 1, 1, function (this: Machine, kind: Value) {
    const host = this.rt.host;
    const dirOf = (p: string) => (p.endsWith('/') ? p : `${p}/`);
    const home = dirOf(host.getenv?.('HOME') ?? '/');
    const config = dirOf(host.getenv?.('XDG_CONFIG_HOME') ?? `${home}.config`);
    const data = dirOf(host.getenv?.('XDG_DATA_HOME') ?? `${home}.local/share`);
    const cache = dirOf(host.getenv?.('XDG_CACHE_HOME') ?? `${home}.cache`);
    const tmp = host.getenv?.('TMPDIR');
    const k = kind instanceof Sym ? kind.name : '';
    const paths: Record<string, string> = {
      'home-dir': home,
      'pref-dir': `${config}racket/`,
      'pref-file': `${config}racket/racket-prefs.rktd`,
      'temp-dir': dirOf(tmp !== undefined && tmp !== '' ? tmp : '/var/tmp'),
      'init-dir': `${config}racket/`,
      'init-file': `${config}racket/racketrc.rktl`,
      'addon-dir': `${data}racket/`,
      'cache-dir': `${cache}racket/`,
      'doc-dir': home,
      'desk-dir': home,
      'sys-dir': '/',
      'exec-file': 'rkt',
      'run-file': this.rt.runFilePath,
      'orig-dir': (this.paramValue(currentDirectory) as RPath).path,
      // Where a Unix installation of Racket keeps them (rkt has no collections of its own there).
      'collects-dir': '/usr/share/racket/collects/',
      'host-collects-dir': '/usr/share/racket/collects/',
      'config-dir': '/etc/racket/',
      'host-config-dir': '/etc/racket/',
    };
    const p = paths[k];
    if (p === undefined) {
      return argError(
        'find-system-path',
        "(or/c 'home-dir 'pref-dir 'pref-file 'temp-dir\n                  'init-dir 'init-file 'addon-dir 'cache-dir\n                  'doc-dir 'desk-dir 'sys-dir 'exec-file 'run-file\n                  'collects-dir 'config-dir 'orig-dir\n                  'host-collects-dir 'host-config-dir)",
        kind,
      );
    }
    return path(p);
  });

  installSystemPaths(t);
}

/** The roots, the drive, the library subpath and the path conventions of a Unix system. */
function installSystemPaths(t: PrimTable): void {
  t.fn('filesystem-root-list', 0, 0, () => listFromArray([path('/')]));
  t.fn('current-drive', 0, 0, () => path('/'));
  t.fn('system-library-subpath', 0, 1, (mode: Value = sym('cs')) => {
    const name = mode instanceof Sym ? mode.name : null;
    if (mode !== false && name !== '3m' && name !== 'cgc' && name !== 'cs') {
      return argError('system-library-subpath', "(or/c '3m 'cgc 'cs #f)", mode);
    }
    return path(mode === false || name === 'cgc' ? 'x86_64-linux' : `x86_64-linux/${name}`);
  });
  t.value(
    'current-force-delete-permissions',
    new Parameter(
      true,
      new Primitive('current-force-delete-permissions', 1, 1, (v: Value) => v !== false),
      'current-force-delete-permissions',
    ),
  );
  const buildPath = t.defs.find((d) => d.name === 'build-path')?.value as Primitive;
  t.fn('build-path/convention-type', 2, -1, function (this: Machine, kind: Value, ...parts: Value[]) {
    const who = 'build-path/convention-type';
    for (const p of parts) {
      if (!(p instanceof Sym && (p.name === 'up' || p.name === 'same')) && pathText(p) === null && !(p instanceof RPath)) {
        return argError(who, "(or/c path-string? path-for-some-system? 'up 'same)", p);
      }
    }
    if (kind !== sym('unix')) {
      // Only Unix paths exist here: a string element is incompatible with any other convention.
      const first = parts.find((p) => p instanceof RString || p instanceof RPath) ?? parts[0];
      const what = first instanceof RPath ? 'given path element' : 'string path element';
      throw new RacketThrow(
        makeExn(
          exnFailContractT,
          `${who}: specified convention incompatible with ${what}\n  path element: ${printString(first)}\n  convention: ${printString(kind)}`,
        ),
      );
    }
    return buildPath.fn.call(this, ...parts);
  });
}
