// Structure inspection (The Racket Reference §5.8) and prefab structures
// (§5.7): struct-info, struct-type-info, constructors and predicates made
// from a struct type, and prefab keys. rkt keeps no inspector hierarchy: a
// type is inspectable when it is transparent or prefab.

import { argError, argumentsError } from '../errors/messages.js';
import { prefabKey } from '../printer/print.js';
import { isPrefabKey } from '../reader/prefab-key.js';
import { makePrefab, prefabKeyType } from '../values/prefab.js';
import { StructInstance, type StructType } from '../values/struct.js';
import { StructTypeImpersonator, structTypeOf } from '../values/impersonator.js';
import { RacketThrow, exnFailContractArityT, makeExn } from '../errors/exn.js';
import type { Machine } from '../eval/machine.js';
import { callForOne, callInterposition, checkNonChaperone } from './impersonators.js';
import { MultipleValues, Pair, Sym, listFromArray, sym, type Value } from '../values/types.js';
import { constructorOf, predicateOf } from './structs.js';
import { genericProcedures, propertyProcedureKind } from './struct-types.js';
import type { PrimTable } from './table.js';

function inspectable(type: StructType): boolean {
  return type.transparent || type.prefab !== null;
}

function structType(who: string, v: Value): StructType {
  return structTypeOf(v) ?? argError(who, 'struct-type?', v);
}

/** Racket 8.7 reports a struct-info procedure of chaperone-struct-type that gives other than 8 values so. */
function infoCountFail(): never {
  throw new RacketThrow(
    makeExn(
      exnFailContractArityT,
      'exn:fail:contract:arity: arity mismatch;\n the expected number of arguments does not match the given number\n  expected: 2\n  given: 1',
    ),
  );
}

/** struct-type-info's results through chaperone-struct-type's struct-info procedures, innermost first. */
function infoThrough(m: Machine, v: Value, info: Value[]): Value[] {
  if (!(v instanceof StructTypeImpersonator)) return info;
  const inner = infoThrough(m, v.target, info);
  const got = callInterposition(m, v.info, inner);
  if (got.length !== inner.length) infoCountFail();
  for (let i = 0; i < got.length; i++) checkNonChaperone('struct-type-info', 'value', v, got[i], inner[i]);
  return got;
}

/** A constructor through chaperone-struct-type's make-constructor procedures, innermost first. */
function constructorThrough(m: Machine, v: Value, ctor: Value): Value {
  if (!(v instanceof StructTypeImpersonator)) return ctor;
  const inner = constructorThrough(m, v.target, ctor);
  return checkNonChaperone('struct-type-make-constructor', 'value', v, callForOne(m, v.makeConstructor, [inner]), inner);
}

function inspectableType(who: string, v: Value): StructType {
  const type = structType(who, v);
  if (!inspectable(type)) argumentsError(who, 'current inspector cannot extract info for structure type', ['structure type', type]);
  return type;
}

/** The nearest inspectable type of `type` or its ancestors, and whether any was skipped. */
function nearestInspectable(type: StructType | null): [StructType | null, boolean] {
  let skipped = false;
  for (let t = type; t !== null; t = t.parent) {
    if (inspectable(t)) return [t, skipped];
    skipped = true;
  }
  return [null, skipped];
}

function checkedPrefabKey(who: string, key: Value, count: number): StructType {
  if (!isPrefabKey(key)) argError(who, 'prefab-key?', key);
  const type = prefabKeyType(key, count);
  if (type === null) argumentsError(who, 'mismatch between prefab key and field count', ['prefab key', key], ['field count', count]);
  return type;
}

export function installStructReflection(t: PrimTable): void {
  t.valuesFn('struct-info', 1, 1, (v: Value) => {
    if (!(v instanceof StructInstance)) return new MultipleValues([false, true]);
    const [type, skipped] = nearestInspectable(v.type);
    return new MultipleValues([type ?? false, type === null || skipped]);
  });
  t.valuesFn('struct-type-info', 1, 1, function (this: Machine, v: Value) {
    const type = inspectableType('struct-type-info', v);
    const [accessor, mutator] = genericProcedures(type);
    const own = type.ownInitFields + type.ownAutoFields;
    const immutable: number[] = [];
    for (let i = 0; i < own; i++) if (!type.mutableFields.has(i)) immutable.push(i);
    const [parent, skipped] = nearestInspectable(type.parent);
    const info = [
      sym(type.name),
      type.ownInitFields,
      type.ownAutoFields,
      accessor,
      mutator,
      listFromArray(immutable),
      parent ?? false,
      type.parent !== null && (parent === null || skipped),
    ];
    return new MultipleValues(infoThrough(this, v, info));
  });
  t.fn('struct-type-make-constructor', 1, 2, function (this: Machine, v: Value, name?: Value) {
    const type = inspectableType('struct-type-make-constructor', v);
    if (name !== undefined && !(name instanceof Sym)) argError('struct-type-make-constructor', 'symbol?', name);
    return constructorThrough(this, v, constructorOf(type, name instanceof Sym ? name.name : `make-${type.name}`));
  });
  // Racket CS names every predicate made this way `p`.
  t.fn('struct-type-make-predicate', 1, 1, (v: Value) => predicateOf(inspectableType('struct-type-make-predicate', v), 'p'));
  t.fn('struct-type-property-accessor-procedure?', 1, 1, (v: Value) => propertyProcedureKind(v) === 'accessor');
  t.fn('struct-type-property-predicate-procedure?', 1, 2, (v: Value, prop?: Value) => {
    const kind = propertyProcedureKind(v, prop === undefined || prop === false ? undefined : prop);
    return kind === 'predicate';
  });

  t.fn('prefab-key?', 1, 1, (v) => isPrefabKey(v));
  t.fn('make-prefab-struct', 1, -1, (key: Value, ...fields: Value[]) => {
    checkedPrefabKey('make-prefab-struct', key, fields.length);
    return makePrefab(key, fields)!;
  });
  t.fn('prefab-key->struct-type', 2, 2, (key: Value, count: Value) => {
    if (!(typeof count === 'number' && Number.isInteger(count) && count >= 0))
      argError('prefab-key->struct-type', '(integer-in 0 32768)', count);
    return checkedPrefabKey('prefab-key->struct-type', key, count);
  });
  t.fn('prefab-struct-key', 1, 1, (v: Value) => (v instanceof StructInstance && v.type.prefab !== null ? prefabKey(v.type) : false));
  t.fn('prefab-struct-type-key+field-count', 1, 1, (v: Value) => {
    const type = structType('prefab-struct-type-key+field-count', v);
    return type.prefab === null ? false : new Pair(prefabKey(type), type.fieldCount);
  });
}
