// The lifts of the expansion in progress beyond expressions
// (The Racket Reference §12.4): requires and provides lifted to the
// enclosing module or top level.

import { argError, notExpanding } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, exnFailSyntaxT, makeExn } from '../errors/exn.js';
import { addScope, datumToSyntax, syntaxToDatum } from '../expand/scopes.js';
import type { Machine } from '../eval/machine.js';
import { printString, writeString } from '../printer/print.js';
import { Scope, Syntax } from '../values/syntax.js';
import { NULL, Pair, RString, Sym, VOID, sym, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

/** A require spec given to syntax-local-lift-require: any datum becomes syntax; one that is no spec at all is `#%require`'s error. */
function liftedSpec(v: Value): Syntax {
  const spec = v instanceof Syntax ? v : datumToSyntax(null, v);
  const d = syntaxToDatum(spec);
  if (!(d instanceof Sym || d instanceof RString || d instanceof Pair)) {
    const msg = `#%require: bad require spec\n  at: ${writeString(d)}\n  in: ${writeString(new Pair(sym('#%require'), new Pair(d, NULL)))}`;
    throw new RacketThrow(makeExn(exnFailSyntaxT, msg, new Pair(spec, NULL)));
  }
  return spec;
}

export function installSyntaxLifts(t: PrimTable): void {
  t.fn('syntax-local-lift-require', 2, 3, function (this: Machine, spec: Value, stx: Value, wrap: Value = true) {
    const ex = this.rt.ex;
    if (!(stx instanceof Syntax)) return argError('syntax-local-lift-require', 'syntax?', stx);
    if (ex.transformers.length === 0 || ex.requireLifter === null) return notExpanding('syntax-local-lift-require');
    // Unwrapped, the spec binds with the scopes it has, and `stx` is returned as it is.
    if (wrap === false) {
      ex.requireLifter(liftedSpec(spec));
      return stx;
    }
    // The spec's bindings and the returned syntax share a fresh scope, so only the latter sees them.
    const sc = new Scope('lifted-require');
    ex.requireLifter(addScope(liftedSpec(spec), sc));
    return addScope(stx, sc);
  });
  t.fn('syntax-local-lift-provide', 1, 1, function (this: Machine, spec: Value) {
    const ex = this.rt.ex;
    if (!(spec instanceof Syntax)) return argError('syntax-local-lift-provide', 'syntax?', spec);
    if (ex.transformers.length === 0) return notExpanding('syntax-local-lift-provide');
    if (ex.provideLifter === null || ex.phase !== 0)
      throw new RacketThrow(
        makeExn(
          exnFailContractT,
          `syntax-local-lift-provide: not expanding in a module run-time body\n  form to lift: ${printString(spec)}`,
        ),
      );
    ex.provideLifter(spec);
    return VOID;
  });
}
