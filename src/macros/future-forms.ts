// racket/future's for/async and for*/async: each iteration's body becomes a
// future, and the futures are touched in the order they were made; the form
// returns void.

import type { Expander, Meaning } from '../expand/expander.js';
import { type Builder, jsMacro } from '../expand/build.js';
import type { Syntax } from '../values/syntax.js';
import { items } from './forms.js';

const forAsync =
  (loop: string) =>
  (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = items(stx, ex, 3);
    const futures = b.list(loop, p[1], b.list('%future', b.list('lambda', b.list(), ...p.slice(2))));
    return b.list('begin', b.list('for-each', b.id('%touch'), futures), b.list('void'));
  };

export function installFutureForms(define: (name: string, m: Meaning) => void): void {
  define('for/async', jsMacro('for/async', forAsync('for/list')));
  define('for*/async', jsMacro('for*/async', forAsync('for*/list')));
}
