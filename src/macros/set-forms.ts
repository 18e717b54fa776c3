// racket/set's define-custom-set-types: seven definitions named after the
// given name, made by one call of make-custom-set-types (lib/sets.rkt).

import type { Expander, Meaning } from '../expand/expander.js';
import { type Builder, jsMacro } from '../expand/build.js';
import { datumToSyntax, idSym, isIdentifier, syntaxE } from '../expand/scopes.js';
import type { Syntax } from '../values/syntax.js';
import { Keyword, sym } from '../values/types.js';
import { items } from './forms.js';

const defineCustomSetTypes = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const name = p[1];
  const rest = p.slice(2);
  const withElem = syntaxE(rest[0]) instanceof Keyword && (syntaxE(rest[0]) as Keyword).name === 'elem?';
  const procs = withElem ? rest.slice(2) : rest;
  if ((withElem && rest.length < 2) || procs.length < 1 || procs.length > 3 || procs.some((s) => syntaxE(s) instanceof Keyword))
    return ex.badSyntax(stx);
  if (!isIdentifier(name)) return ex.syntaxError('define-custom-set-types', 'expected an identifier', stx, name);
  const base = idSym(name).name;
  // In make-custom-set-types' order of results.
  const ids = ['~a?', 'weak-~a?', 'mutable-~a?', 'immutable-~a?', 'make-weak-~a', 'make-mutable-~a', 'make-immutable-~a'].map((f) =>
    datumToSyntax(name, sym(f.replace('~a', base))),
  );
  return b.list(
    'define-values',
    b.list(...ids),
    b.list(
      '%make-custom-set-types',
      b.keyword('for'),
      b.quote(sym('define-custom-set-types')),
      b.keyword('name'),
      b.quote(sym(base)),
      ...(withElem ? [b.keyword('elem?'), rest[1]] : []),
      ...procs,
    ),
  );
};

export function installSetForms(define: (name: string, m: Meaning) => void): void {
  define('define-custom-set-types', jsMacro('define-custom-set-types', defineCustomSetTypes));
}
