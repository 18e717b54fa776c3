// Boxes.

import { argError } from '../errors/messages.js';
import { Box, VOID, type Value } from '../values/types.js';
import { checkBox } from './check.js';
import type { PrimTable } from './table.js';

export function installBoxes(t: PrimTable): void {
  t.fn('box?', 1, 1, (v) => v instanceof Box);
  t.fn('box', 1, 1, (v) => new Box(v, false));
  t.fn('box-immutable', 1, 1, (v) => new Box(v, true));
  t.fn('unbox', 1, 1, (b) => checkBox('unbox', b).value);
  t.fn('set-box!', 2, 2, (b: Value, v: Value) => {
    if (!(b instanceof Box) || b.immutable) return argError('set-box!', '(and/c box? (not/c immutable?))', b);
    b.value = v;
    return VOID;
  });
  // The starred forms refuse impersonators, which rkt does not have: plain boxes only.
  t.fn('unbox*', 1, 1, (b) => {
    if (!(b instanceof Box)) return argError('unbox*', '(and/c box? (not impersonator?))', b);
    return b.value;
  });
  t.fn('set-box*!', 2, 2, (b: Value, v: Value) => {
    if (!(b instanceof Box) || b.immutable) return argError('set-box*!', '(and/c box? (not/c immutable?) (not impersonator?))', b);
    b.value = v;
    return VOID;
  });
  // Atomic already: a step of one thread is never interleaved with another's.
  t.fn('box-cas!', 3, 3, (b: Value, old: Value, v: Value) => {
    if (!(b instanceof Box) || b.immutable) return argError('box-cas!', '(and/c box? (not/c immutable?))', b);
    if (b.value !== old) return false;
    b.value = v;
    return true;
  });
}
