// Run-time support of racket/match (the forms themselves are macros in
// src/macros/match.ts): the exception raised when no clause matches.

import { printString } from '../printer/print.js';
import { exnMiscMatchT, fail } from '../errors/exn.js';
import { predicateOf } from './structs.js';
import type { PrimTable } from './table.js';
import { Sym, type Value } from '../values/types.js';

export function installMatch(t: PrimTable): void {
  // (match-failure 'form value location): `form: no matching clause for value`.
  t.internalFn('match-failure', 3, 3, (form: Value, v: Value, location: Value) => {
    const name = form instanceof Sym ? form.name : 'match';
    return fail(exnMiscMatchT, `${name}: no matching clause for ${printString(v)}`, v, location);
  });
  t.in('racket/match', () => {
    t.value('exn:misc:match?', predicateOf(exnMiscMatchT));
  });
}
