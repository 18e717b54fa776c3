// racket/place's place form. As Racket lifts a place's body into
// a submodule of the enclosing module, this lifts it to the enclosing
// module's body, registered under a key made from the form's location; a
// new place instantiates the module file (not its submodules) and calls the
// body registered under that key with its channel. So a place form belongs
// in a function of the module that its main submodule calls, as in Racket.

import type { Expander, Meaning } from '../expand/expander.js';
import { type Builder, jsMacro } from '../expand/build.js';
import { syntaxE } from '../expand/scopes.js';
import type { Syntax } from '../values/syntax.js';
import { Sym, str, sym } from '../values/types.js';
import { items } from './forms.js';

let unlocated = 0;

function placeKey(stx: Syntax): string {
  const loc = stx.loc;
  return loc === null ? `unlocated-${++unlocated}` : `${loc.position}:${loc.span}`;
}

/** The place expression for `(who id body ...)`, with the body lifted to the module. */
function placeExpr(who: string, stx: Syntax, p: Syntax[], ex: Expander, b: Builder): Syntax {
  if (p.length === 0) return ex.badSyntax(stx);
  if (!(syntaxE(p[0]) instanceof Sym)) ex.syntaxError(who, 'expected an identifier', stx, p[0]);
  if (p.length < 2) ex.syntaxError(who, 'expected at least one body expression', stx);
  if (ex.moduleBody === null) ex.syntaxError(who, 'can only be used in a module', stx);
  const key = str(placeKey(stx), true);
  ex.lift(who, 1, b.list(b.quote(ex.rtPrim('place-register!')), b.quote(key), b.list('lambda', b.list(p[0]), ...p.slice(1))));
  const file = b.list('variable-reference->module-source', b.list('#%variable-reference'));
  return b.list(b.quote(ex.rtPrim('start-place-body')), b.quote(sym(who)), file, b.quote(key));
}

const place = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2).slice(1);
  return placeExpr('place', stx, p, ex, b);
};

export function installPlaceForms(define: (name: string, m: Meaning) => void): void {
  define('place', jsMacro('place', place));
}
