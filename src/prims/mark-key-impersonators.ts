// Chaperones and impersonators of continuation mark keys (The Racket
// Reference §14.5.1): chaperone-continuation-mark-key and
// impersonate-continuation-mark-key. A mark set through a wrapped key is
// kept under the key underneath, after the set procedures (outermost first);
// a mark read through one goes through the get procedures (innermost first).

import type { Machine } from '../eval/machine.js';
import { ContinuationMarkKey, setMarkKeyRedirect } from '../eval/marks.js';
import { argError } from '../errors/messages.js';
import { MarkKeyImpersonator, unwrapAll } from '../values/impersonator.js';
import type { Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { callForOne, checkNonChaperone, parseProps } from './impersonators.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

export function isMarkKeyLike(v: Value): boolean {
  return v instanceof ContinuationMarkKey || v instanceof MarkKeyImpersonator;
}

/** The key marks are kept under: `key` itself unless it is a wrapped mark key. */
export function markKeyBase(key: Value): Value {
  return key instanceof MarkKeyImpersonator ? unwrapAll(key) : key;
}

/** A mark's value as read through `key` (innermost get procedure first). */
export function markGetThrough(m: Machine | null, who: string, key: Value, v: Value): Value {
  if (!(key instanceof MarkKeyImpersonator)) return v;
  const inner = markGetThrough(m, who, key.target, v);
  return checkNonChaperone(who, 'value', key, callForOne(m, key.get, [inner]), inner);
}

setMarkKeyRedirect((m, key, v) => {
  let k: Value = key;
  while (k instanceof MarkKeyImpersonator) {
    v = checkNonChaperone('with-continuation-mark', 'value', k, callForOne(m, k.set, [v]), v);
    k = k.target;
  }
  return [k, v];
});

function makeMarkKeyImpersonator(who: string, chaperone: boolean, a: Value[]): Value {
  const [key, get, set, ...rest] = a;
  if (!isMarkKeyLike(key)) return argError(who, 'continuation-mark-key?', key);
  if (!isProcedure(get) || !arityIncludes(get, 1)) return argError(who, '(procedure-arity-includes/c 1)', get);
  if (!isProcedure(set) || !arityIncludes(set, 1)) return argError(who, '(procedure-arity-includes/c 1)', set);
  return new MarkKeyImpersonator(key, chaperone, parseProps(who, rest), get, set);
}

export function installMarkKeyImpersonators(t: PrimTable): void {
  t.fn('chaperone-continuation-mark-key', 3, -1, (...a: Value[]) => makeMarkKeyImpersonator('chaperone-continuation-mark-key', true, a));
  t.fn('impersonate-continuation-mark-key', 3, -1, (...a: Value[]) =>
    makeMarkKeyImpersonator('impersonate-continuation-mark-key', false, a),
  );
}
