// racket/set's custom sets (make-custom-set-types and friends): structures
// of their spec and a hash table whose keys are the elements wrapped, as
// racket/dict's custom hashes are (prims/custom-hash.ts). They implement
// gen:set with methods of lib/sets.rkt, which hands them over on first use;
// the types are made then, once, so every custom set shares them. They are
// opaque, so they print as Racket's do: #<custom-set>, #<mutable-custom-set>.

import { StructInstance, StructType, propCustomPrintQuotable } from '../values/struct.js';
import { RVector, sym, type Value } from '../values/types.js';
import { argError } from '../errors/messages.js';
import { propEqualHash } from './equal-hash.js';
import { SET_METHODS, propGenSet } from './generic-sets.js';
import type { PrimTable } from './table.js';

type Kind = 'immutable' | 'mutable' | 'weak';
let kinds: { vector: RVector; of: Map<StructType, Kind> } | null = null;

/** Whether `v` is a custom set, and which kind. */
export function customSetKind(v: Value): Kind | null {
  return kinds !== null && v instanceof StructInstance ? (kinds.of.get(v.type) ?? null) : null;
}

function methods(v: Value): Value {
  if (!(v instanceof RVector) || v.items.length !== SET_METHODS.length) return argError('custom-set-types', 'vector?', v);
  return v;
}

export function installCustomSet(t: PrimTable): void {
  // (%custom-set-types immutable-methods imperative-methods set-equal+hash elem-equal+hash)
  // → #(custom-set mutable-custom-set weak-custom-set wrapped-elem)
  t.internalFn('custom-set-types', 4, 4, (imm: Value, imp: Value, setEq: Value, elemEq: Value) => {
    if (kinds === null) {
      const none = new Set<number>();
      const type = (name: string, parent: StructType | null, fields: number, props: Map<any, Value>) =>
        new StructType(name, parent, fields, 0, false, props, false, null, none);
      // As Racket's, a custom set prints as #<...> even in a quoted list: (list #<custom-set>).
      const base = type(
        'custom-set-base',
        null,
        2,
        new Map([
          [propEqualHash, setEq],
          [propCustomPrintQuotable, sym('never')],
        ]),
      );
      const immutable = type('custom-set', base, 0, new Map([[propGenSet, methods(imm)]]));
      const imperative = type('imperative-custom-set', base, 0, new Map([[propGenSet, methods(imp)]]));
      const mutable = type('mutable-custom-set', imperative, 0, new Map());
      const weak = type('weak-custom-set', imperative, 0, new Map());
      const elem = type('wrapped-elem', null, 2, new Map([[propEqualHash, elemEq]]));
      kinds = {
        vector: new RVector([immutable, mutable, weak, elem], false),
        of: new Map<StructType, Kind>([
          [immutable, 'immutable'],
          [mutable, 'mutable'],
          [weak, 'weak'],
        ]),
      };
    }
    return kinds.vector;
  });
  // The kind of a custom set (a symbol), or #f.
  t.internalFn('custom-set-kind', 1, 1, (v: Value) => {
    const k = customSetKind(v);
    return k === null ? false : sym(k);
  });
}
