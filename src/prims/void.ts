// Void: void, void?.

import { Primitive } from '../eval/procedures.js';
import { VOID } from '../values/types.js';
import type { PrimTable } from './table.js';

/** `void` itself (executable-yield-handler's default value is this procedure). */
export const voidProcedure = new Primitive('void', 0, -1, () => VOID);

export function installVoid(t: PrimTable): void {
  t.value('void', voidProcedure);
  t.fn('void?', 1, 1, (v) => v === VOID);
}
