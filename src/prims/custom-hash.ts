// racket/dict's custom hash tables: the structure types behind
// make-custom-hash and make-custom-hash-types. lib/dicts.rkt supplies the
// gen:dict methods and the equality procedures on first use; the types are
// made then, once, so every custom hash shares them (as Racket's do).

import { unwrapAll } from '../values/impersonator.js';
import { StructInstance, StructType } from '../values/struct.js';
import { RVector, type Value } from '../values/types.js';
import { argError } from '../errors/messages.js';
import { propEqualHash } from './equal-hash.js';
import { DICT_METHODS, propGenDict } from './dicts.js';
import type { PrimTable } from './table.js';

interface Kinds {
  readonly vector: RVector;
  readonly all: ReadonlySet<StructType>;
}
let kinds: Kinds | null = null;

function methods(v: Value): Value {
  if (!(v instanceof RVector) || v.items.length !== DICT_METHODS.length) return argError('custom-hash-types', 'vector?', v);
  return v;
}

export function installCustomHash(t: PrimTable): void {
  // (%custom-hash-types immutable-methods imperative-methods table-equal+hash key-equal+hash)
  // → #(immutable-custom-hash mutable-custom-hash weak-custom-hash wrapped-key)
  t.internalFn('custom-hash-types', 4, 4, (imm: Value, imp: Value, tableEq: Value, keyEq: Value) => {
    if (kinds === null) {
      const none = new Set<number>();
      const base = new StructType('custom-hash', null, 2, 0, false, new Map([[propEqualHash, tableEq]]), false, null, none);
      const immutable = new StructType(
        'immutable-custom-hash',
        base,
        0,
        0,
        false,
        new Map([[propGenDict, methods(imm)]]),
        false,
        null,
        none,
      );
      const imperative = new StructType(
        'imperative-custom-hash',
        base,
        0,
        0,
        false,
        new Map([[propGenDict, methods(imp)]]),
        false,
        null,
        none,
      );
      const mutable = new StructType('mutable-custom-hash', imperative, 0, 0, false, new Map(), false, null, none);
      const weak = new StructType('weak-custom-hash', imperative, 0, 0, false, new Map(), false, null, none);
      const key = new StructType('wrapped-key', null, 2, 0, false, new Map([[propEqualHash, keyEq]]), false, null, none);
      kinds = { vector: new RVector([immutable, mutable, weak, key], false), all: new Set([immutable, mutable, weak]) };
    }
    return kinds.vector;
  });
  t.internalFn('make-custom-struct', 3, 3, (type: Value, a: Value, b: Value) => new StructInstance(type as StructType, [a, b]));
  // A custom set given impersonator properties is under chaperone-struct, which redirects no field.
  t.internalFn('custom-struct-ref', 2, 2, (v: Value, i: Value) => (unwrapAll(v) as StructInstance).fields[i as number]);
  // The custom hash's structure type, or #f for any other value.
  t.internalFn('custom-hash-type', 1, 1, (v: Value) =>
    kinds !== null && v instanceof StructInstance && kinds.all.has(v.type) ? v.type : false,
  );
}
