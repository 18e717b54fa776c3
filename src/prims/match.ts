// Run-time support of racket/match (the forms themselves are macros in
// src/macros/match.ts): the exception raised when no clause matches, and
// match-equality-test.

import { printString } from '../printer/print.js';
import { exnMiscMatchT, fail } from '../errors/exn.js';
import { predicateOf } from './structs.js';
import type { PrimTable } from './table.js';
import { Sym, type Value } from '../values/types.js';
import { Parameter } from '../eval/procedures.js';

export function installMatch(t: PrimTable): void {
  const equalPrim = t.defs.find((d) => d.name === 'equal?')!.value;
  // (match-failure 'form value location): `form: no matching clause for value`.
  t.internalFn('match-failure', 3, 3, (form: Value, v: Value, location: Value) => {
    const name = form instanceof Sym ? form.name : 'match';
    return fail(exnMiscMatchT, `${name}: no matching clause for ${printString(v)}`, v, location);
  });
  // How a pattern variable bound twice compares its two values (Racket's has no guard).
  const equalityTest = new Parameter(equalPrim, false, 'match-equality-test');
  t.internal('match-equality-test', equalityTest);
  for (const lib of ['racket/match', 'mzlib/match'])
    t.in(lib, () => {
      t.value('exn:misc:match?', predicateOf(exnMiscMatchT));
      t.value('match-equality-test', equalityTest);
    });
}
