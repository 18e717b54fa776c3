// racket/local's `local` and racket/shared's `shared`.

import { type Builder, jsMacro } from '../expand/build.js';
import type { Expander, Meaning } from '../expand/expander.js';
import { syntaxList } from '../expand/scopes.js';
import type { Syntax } from '../values/syntax.js';
import { items, pairClauses } from './forms.js';

/** `(local [definition ...] body ...)`: the definitions are local to the body. */
const local = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const defs = syntaxList(p[1]) ?? ex.badSyntax(stx);
  return b.list('let', b.list(), ...defs, ...p.slice(2));
};

/**
 * `(shared ([id expr] ...) body ...)`: the exprs may refer to every id, so
 * the values can be cyclic. Each id stands for a placeholder while the
 * exprs run; make-reader-graph then replaces the placeholders in the pairs,
 * vectors, boxes, hash tables and prefab structs they built.
 */
const shared = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const binds = pairClauses(stx, p[1], ex);
  const holes = binds.map(() => b.temp('placeholder'));
  const resolved = b.temp('values');
  return b.list(
    'let',
    b.list(...holes.map((h) => b.list(h, b.list('make-placeholder', b.datum(false))))),
    b.list(
      'let',
      b.list(...binds.map(([id], i) => b.list(id, holes[i]))),
      ...binds.map(([, e], i) => b.list('placeholder-set!', holes[i], e)),
    ),
    b.list(
      'let',
      b.list(b.list(resolved, b.list('make-reader-graph', b.list('list', ...holes)))),
      b.list('let-values', b.list(b.list(b.list(...binds.map(([id]) => id)), b.list('apply', 'values', resolved))), ...p.slice(2)),
    ),
  );
};

export function installLocalAndShared(define: (library: string, name: string, m: Meaning) => void): void {
  define('racket/local', 'local', jsMacro('local', local));
  define('racket/shared', 'shared', jsMacro('shared', shared));
}
