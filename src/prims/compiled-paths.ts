// The parameters that steer where Racket looks for compiled files and
// collection links (The Racket Reference §18.2 and §14.2). rkt compiles from
// source and has its libraries built in, so nothing reads them here: they
// hold Racket's defaults and check their values as Racket does, for
// programs that set or consult them.

import { Parameter, Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { RPath } from '../values/path.js';
import { NULL, Pair, type Value, listFromArray, listToArray, sym } from '../values/types.js';
import type { PrimTable } from './table.js';
import { pathText } from './paths.js';

const WRITE_RELATIVE =
  '(or/c (and/c path-string? complete-path?)\n                  (cons/c (and/c path-string? complete-path?)\n                          (and/c path-string? complete-path?))      #f)';

function asPath(v: Value): RPath {
  return v instanceof RPath ? v : new RPath(pathText(v) as string);
}

/** The elements of `v` when it is a list whose elements all pass `ok`, else null. */
function listOf(v: Value, ok: (x: Value) => boolean): Value[] | null {
  if (v !== NULL && !(v instanceof Pair && v.isList)) return null;
  const xs = listToArray(v);
  return xs.every(ok) ? xs : null;
}

function parameter(t: PrimTable, name: string, initial: Value, guard: (v: Value) => Value): void {
  t.value(name, new Parameter(initial, new Primitive(name, 1, 1, guard), name));
}

export function installCompiledPaths(t: PrimTable): void {
  const relative = (x: Value) => {
    const p = pathText(x);
    return p !== null && !p.startsWith('/');
  };
  const complete = (x: Value) => pathText(x)?.startsWith('/') === true;
  parameter(t, 'use-compiled-file-paths', listFromArray([new RPath('compiled')]), (v) => {
    const xs = listOf(v, relative) ?? argError('use-compiled-file-paths', '(listof (and/c path-string? relative-path?))', v);
    return listFromArray(xs.map(asPath));
  });
  parameter(t, 'current-compiled-file-roots', listFromArray([sym('same')]), (v) => {
    const xs =
      listOf(v, (x) => x === sym('same') || pathText(x) !== null) ??
      argError('current-compiled-file-roots', "(listof (or/c path-string? 'same))", v);
    return listFromArray(xs.map((x) => (x === sym('same') ? x : asPath(x))));
  });
  parameter(t, 'use-compiled-file-check', sym('modify-seconds'), (v) =>
    v === sym('modify-seconds') || v === sym('exists') ? v : argError('use-compiled-file-check', "(or/c 'modify-seconds 'exists)", v),
  );
  parameter(t, 'current-write-relative-directory', false, (v) => {
    if (v === false) return v;
    if (complete(v)) return asPath(v);
    if (v instanceof Pair && complete(v.car) && complete(v.cdr)) return new Pair(asPath(v.car), asPath(v.cdr));
    return argError('current-write-relative-directory', WRITE_RELATIVE, v);
  });
  parameter(t, 'use-user-specific-search-paths', true, (v) => v !== false);
  parameter(t, 'use-collection-link-paths', true, (v) => v !== false);
}
