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
}
