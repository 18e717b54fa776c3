// data/gvector's for/gvector and for*/gvector: a `for` (or `for*`) loop
// whose body's values are added to a new gvector, over lib/gvector.rkt.

import type { Builder } from '../expand/build.js';
import { jsMacro } from '../expand/build.js';
import type { Expander, Meaning } from '../expand/expander.js';
import type { Syntax } from '../values/syntax.js';
import { items } from './forms.js';

const forGvector =
  (loop: string) =>
  (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = items(stx, ex, 3);
    const gv = b.temp('gv');
    const args = b.temp('args');
    return b.list(
      'let',
      b.list(b.list(gv, b.list('%gvector-make'))),
      b.list(
        loop,
        p[1],
        b.list(
          'call-with-values',
          b.list('lambda', b.list(), ...p.slice(2)),
          b.list('lambda', args, b.list('apply', b.id('%gvector-add!'), gv, args)),
        ),
      ),
      gv,
    );
  };

export function installGvectorForms(define: (name: string, m: Meaning) => void): void {
  define('for/gvector', jsMacro('for/gvector', forGvector('for')));
  define('for*/gvector', jsMacro('for*/gvector', forGvector('for*')));
}
