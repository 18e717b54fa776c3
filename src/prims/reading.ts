// Reading: `datum-intern-literal`, over the table read-syntax interns its
// literals in (values/intern-literal.ts).

import { internLiteral } from '../values/intern-literal.js';
import type { Value } from '../values/types.js';
import type { PrimTable } from './table.js';

export function installReading(t: PrimTable): void {
  t.fn('datum-intern-literal', 1, 1, (v: Value) => internLiteral(v));
}
