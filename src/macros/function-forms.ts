// The forms of racket/function (thunk, thunk*) and racket/bool (nand, nor).

import type { Expander, Meaning } from '../expand/expander.js';
import { type Builder, jsMacro } from '../expand/build.js';
import type { Syntax } from '../values/syntax.js';
import { items } from './forms.js';

/** `(thunk body ...+)`: a procedure of no arguments. */
const thunk = (stx: Syntax, ex: Expander, b: Builder): Syntax => b.list('lambda', b.list(), ...items(stx, ex, 2).slice(1));

/** `(thunk* body ...+)`: a procedure that ignores whatever arguments and keywords it gets. */
const thunkStar = (stx: Syntax, ex: Expander, b: Builder): Syntax =>
  b.list('make-keyword-procedure', b.list('lambda', b.temp('ignored'), ...items(stx, ex, 2).slice(1)));

/** `(nand e ...)` and `(nor e ...)`: `and` and `or`, negated. */
const negated =
  (form: string) =>
  (stx: Syntax, ex: Expander, b: Builder): Syntax =>
    b.list('not', b.list(form, ...items(stx, ex, 1).slice(1)));

export function installFunctionForms(define: (name: string, m: Meaning) => void): void {
  define('thunk', jsMacro('thunk', thunk));
  define('thunk*', jsMacro('thunk*', thunkStar));
}

export function installBooleanForms(define: (name: string, m: Meaning) => void): void {
  define('nand', jsMacro('nand', negated('and')));
  define('nor', jsMacro('nor', negated('or')));
}
