// racket/dict's define-custom-hash-types: seven definitions named after the
// given name, made by one call of make-custom-hash-types (lib/dicts.rkt).

import type { Expander, Meaning } from '../expand/expander.js';
import { type Builder, jsMacro } from '../expand/build.js';
import { datumToSyntax, idSym, isIdentifier, syntaxE } from '../expand/scopes.js';
import type { Syntax } from '../values/syntax.js';
import { Keyword, sym } from '../values/types.js';
import { items } from './forms.js';

const defineCustomHashTypes = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const name = p[1];
  const rest = p.slice(2);
  const keyed = syntaxE(rest[0]) instanceof Keyword && (syntaxE(rest[0]) as Keyword).name === 'key?';
  const procs = keyed ? rest.slice(2) : rest;
  if ((keyed && rest.length < 2) || procs.length < 1 || procs.length > 3 || procs.some((s) => syntaxE(s) instanceof Keyword))
    return ex.badSyntax(stx);
  if (!isIdentifier(name)) return ex.syntaxError('define-custom-hash-types', 'expected an identifier', stx, name);
  const base = idSym(name).name;
  const ids = ['~a?', 'immutable-~a?', 'mutable-~a?', 'weak-~a?', 'make-immutable-~a', 'make-mutable-~a', 'make-weak-~a'].map((f) =>
    datumToSyntax(name, sym(f.replace('~a', base))),
  );
  return b.list(
    'define-values',
    b.list(...ids),
    b.list(
      '%make-custom-hash-types',
      b.keyword('for'),
      b.quote(sym('define-custom-hash-types')),
      b.keyword('name'),
      b.quote(sym(base)),
      ...(keyed ? [b.keyword('key?'), rest[1]] : []),
      ...procs,
    ),
  );
};

export function installDictForms(define: (name: string, m: Meaning) => void): void {
  define('define-custom-hash-types', jsMacro('define-custom-hash-types', defineCustomHashTypes));
}
