// racket/generator's values (the generators themselves are lib/generators.rkt;
// the forms are macros/generator-forms.ts): the generator structure, a
// procedure through its one field as Racket's is, the prompt tag yield
// escapes to, and the value in-generator's producer ends with.

import { PromptTag } from '../eval/frames.js';
import { StructInstance, StructType, propProcedure } from '../values/struct.js';
import { uninternedSym, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

const generatorT = new StructType('generator', null, 1, 0, false, new Map([[propProcedure, 0]]), false, null, new Set());

export function installGenerators(t: PrimTable): void {
  t.internal('generator-yield-tag', new PromptTag('yield'));
  t.internal('generator-stop', uninternedSym('stop-value'));
  t.internalFn('make-generator', 1, 1, (proc: Value) => new StructInstance(generatorT, [proc]));
  const isGenerator = (v: Value) => v instanceof StructInstance && v.type === generatorT;
  t.internalFn('generator?', 1, 1, isGenerator);
  t.in('racket/generator', () => t.fn('generator?', 1, 1, isGenerator));
}
