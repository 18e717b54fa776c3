// Void: void, void?.

import { VOID } from '../values/types.js';
import type { PrimTable } from './table.js';

export function installVoid(t: PrimTable): void {
  t.fn('void', 0, -1, () => VOID);
  t.fn('void?', 1, 1, (v) => v === VOID);
}
