// The compile-time values of define-sequence-syntax and
// define-splicing-for-clause-syntax (their types are in
// expand/transformers.ts, where the `for` expander finds them).

import { argError } from '../errors/messages.js';
import type { Machine } from '../eval/machine.js';
import { applyNested } from '../eval/nested.js';
import { Primitive } from '../eval/procedures.js';
import { isIdentifier, syntaxE } from '../expand/scopes.js';
import { sequenceTransformerType, splicingForClauseTransformerType } from '../expand/transformers.js';
import { StructInstance } from '../values/struct.js';
import { Syntax } from '../values/syntax.js';
import { Pair, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

const includes = (f: Value, n: number) => isProcedure(f) && arityIncludes(f, n);

/**
 * A thunk as the expression transformer: the name alone becomes the
 * identifier the thunk gives, and `(name arg ...)` becomes `(id arg ...)`,
 * keeping the use's context and implicit `#%app`.
 */
function thunkTransformer(thunk: Value): Primitive {
  return new Primitive('sequence-expression-transformer', 1, 1, function (this: Machine, stx: Value) {
    const id = applyNested(this, thunk, []);
    if (isIdentifier(stx)) return id;
    const use = stx as Syntax;
    const e = syntaxE(use);
    return new Syntax(new Pair(id, e instanceof Pair ? e.cdr : e), use.loc, use.scopes, use.props);
  });
}

export function installForClauseTransformers(t: PrimTable): void {
  t.internalFn('make-sequence-transformer', 2, 2, (expr: Value, clause: Value) => {
    const args = [expr, clause];
    if (!(includes(expr, 0) || includes(expr, 1)))
      argError('define-sequence-syntax', '(or/c (procedure-arity-includes/c 0) (procedure-arity-includes/c 1))', expr, 0, args);
    if (!includes(clause, 1)) argError('define-sequence-syntax', '(procedure-arity-includes/c 1)', clause, 1, args);
    return new StructInstance(sequenceTransformerType, [includes(expr, 0) ? thunkTransformer(expr) : expr, clause]);
  });
  t.internalFn('make-splicing-for-clause-transformer', 1, 1, (proc: Value) => {
    if (!includes(proc, 1)) argError('define-splicing-for-clause-syntax', '(procedure-arity-includes/c 1)', proc);
    return new StructInstance(splicingForClauseTransformerType, [proc]);
  });
}
