// Taking apart the forms JS macros are given.

import type { Syntax } from '../values/syntax.js';
import type { Expander } from '../expand/expander.js';
import { idSym, isIdentifier, syntaxList } from '../expand/scopes.js';

/** The parts of form `stx`, at least `min` and at most `max` (-1: any); otherwise `bad syntax`. */
export function items(stx: Syntax, ex: Expander, min: number, max = -1): Syntax[] {
  const p = syntaxList(stx);
  if (p === null || p.length < min || (max >= 0 && p.length > max)) ex.badSyntax(stx);
  return p;
}

/** The `[lhs rhs]` clauses of binding list `list` in form `stx`; otherwise `bad syntax`. */
export function pairClauses(stx: Syntax, list: Syntax, ex: Expander): [Syntax, Syntax][] {
  const clauses = syntaxList(list);
  if (clauses === null) ex.badSyntax(stx);
  return clauses.map((c) => {
    const cp = syntaxList(c);
    if (cp === null || cp.length !== 2) ex.badSyntax(stx);
    return [cp[0], cp[1]];
  });
}

/** Is `s` an identifier spelled `name` (whatever it is bound to: a keyword of the form, as `->`'s `any`)? */
export function isNamed(s: Syntax | undefined, name: string): boolean {
  return s !== undefined && isIdentifier(s) && idSym(s).name === name;
}
