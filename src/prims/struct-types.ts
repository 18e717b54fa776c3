// Structure types made by procedure (The Racket Reference §5.2-5.3):
// make-struct-type with its generic accessor and mutator,
// make-struct-field-accessor/-mutator, structure type properties with
// guards and super properties, and inspectors.

import type { Machine } from '../eval/machine.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { printString } from '../printer/print.js';
import { customPrint } from '../values/printable.js';
import { StructInstance, StructProperty, StructType, propProcedure } from '../values/struct.js';
import { StructImpersonator, structTypeOf, unwrapAll } from '../values/impersonator.js';
import { MultipleValues, NULL, Pair, Sym, VOID, isList, listToArray, sym, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import {
  constructorOf,
  failureResult,
  noteChaperonedParent,
  predicateOf,
  tagFieldOperation,
  tagStructProcedure,
  wrappedInstance,
} from './structs.js';
import { structBase, structPropertyThrough, structRefThrough, structSetThrough } from './impersonators.js';
import { attachProperties, checkSubtyping } from './struct-properties.js';
import type { PrimTable } from './table.js';
import { internPrefab } from '../values/prefab.js';

/** An inspector: rkt keeps no inspector hierarchy, so these only stand for one. */
export class Inspector {
  constructor(readonly superior: Inspector | null) {}
  [customPrint](): string {
    return '#<inspector>';
  }
}

const rootInspector = new Inspector(null);
export const currentInspector = new Parameter(
  new Inspector(rootInspector),
  new Primitive('current-inspector', 1, 1, (v: Value) => (v instanceof Inspector ? v : argError('current-inspector', 'inspector?', v))),
  'current-inspector',
);

/** The struct type and own-field count behind each generic accessor and mutator, for make-struct-field-accessor. */
const genericOf = new WeakMap<object, StructType>();

function isNat(v: Value): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** The predicates and accessors made by make-struct-type-property. */
const propertyProcedures = new WeakMap<object, { kind: 'predicate' | 'accessor'; prop: StructProperty }>();

/** Whether `v` is a property's predicate or accessor (of `prop`, when given). */
/** The property whose accessor `v` is, or null. */
export function accessorProperty(v: Value): StructProperty | null {
  const p = typeof v === 'object' && v !== null ? propertyProcedures.get(v) : undefined;
  return p !== undefined && p.kind === 'accessor' ? p.prop : null;
}

export function propertyProcedureKind(v: Value, prop?: Value): 'predicate' | 'accessor' | null {
  const p = typeof v === 'object' && v !== null ? propertyProcedures.get(v) : undefined;
  if (p === undefined || (prop !== undefined && p.prop !== prop)) return null;
  return p.kind;
}

const generics = new WeakMap<StructType, [Primitive, Primitive]>();

/** A type's generic accessor and mutator (`name-ref`, `name-set!`), made once per type. */
export function genericProcedures(type: StructType): [Primitive, Primitive] {
  const known = generics.get(type);
  if (known !== undefined) return known;
  const name = type.name;
  const accessor = new Primitive(`${name}-ref`, 2, 2, function (this: Machine, v: Value, i: Value) {
    const w = wrappedInstance(v, type);
    if (w !== null) return structRefThrough(this, w, type.fieldOffset + fieldIndex(`${name}-ref`, type, i));
    if (!(v instanceof StructInstance) || !v.type.isSubtypeOf(type)) return argError(`${name}-ref`, `${name}?`, v);
    return v.fields[type.fieldOffset + fieldIndex(`${name}-ref`, type, i)];
  });
  const mutator = new Primitive(`${name}-set!`, 3, 3, function (this: Machine, v: Value, i: Value, x: Value) {
    const setter = `${name}-set!`;
    const w = wrappedInstance(v, type);
    if (w !== null) {
      const k = fieldIndex(setter, type, i);
      return setField(setter, type, structBase(w), k, x, () => structSetThrough(this, w, type.fieldOffset + k, x));
    }
    if (!(v instanceof StructInstance) || !v.type.isSubtypeOf(type)) return argError(setter, `${name}?`, v);
    return setField(setter, type, v, fieldIndex(setter, type, i), x);
  });
  genericOf.set(tagStructProcedure(accessor, 'accessor'), type);
  genericOf.set(tagStructProcedure(mutator, 'mutator'), type);
  const pair: [Primitive, Primitive] = [accessor, mutator];
  generics.set(type, pair);
  return pair;
}

/**
 * `(%struct-define name parent field-count auto-count auto-value props transparent? prefab? mutable-field-indices constructor-name guard)`
 * → values: type, constructor, predicate. The `struct` form's accessors and
 * mutators are made apart (structs.ts).
 */
function structDefine(this: Machine, ...a: Value[]): Value {
  const [nameV, parent, nFields, nAuto, autoV, props, transparent, prefab, mutables, ctorName, guard] = a;
  const name = (nameV as Sym).name;
  const who = 'make-struct-type';
  const parentType = parent === false ? null : structTypeOf(parent);
  if (parentType === null && parent !== false) return argError('struct', 'struct-type?', parent);
  const given = listToArray(props).map((p) => [(p as Pair).car as StructProperty, (p as Pair).cdr] as const);
  const mutableSet = new Set(listToArray(mutables) as number[]);
  // A prefab type is known by its key: every definition of the same key shares one type.
  if (prefab !== false && given.length === 0 && guard === false) {
    const type = internPrefab(name, parentType, nFields as number, nAuto as number, autoV, mutableSet);
    return new MultipleValues([type, constructorOf(type, ctorName instanceof Sym ? ctorName.name : name), predicateOf(type)]);
  }
  const propMap = new Map<StructProperty, Value>();
  const type = new StructType(
    name,
    parentType,
    nFields as number,
    nAuto as number,
    autoV,
    propMap,
    transparent !== false,
    prefab !== false ? name : null,
    mutableSet,
    guard,
  );
  noteChaperonedParent(type, parent);
  if (given.length > 0) {
    const immutables: number[] = [];
    for (let i = 0; i < (nFields as number); i++) if (!mutableSet.has(i)) immutables.push(i);
    const [accessor, mutator] = genericProcedures(type);
    attachProperties(this, who, type, propMap, given, accessor, mutator, immutables);
  }
  checkSubtyping(who, name, parentType, propMap);
  return new MultipleValues([type, constructorOf(type, ctorName instanceof Sym ? ctorName.name : name), predicateOf(type)]);
}

export function installStructTypes(t: PrimTable): void {
  t.internal('struct-define', new Primitive('struct-define', 11, 11, structDefine, true, true));
  t.valuesFn(
    'make-struct-type-property',
    1,
    7,
    function (this: Machine, name: Value, guard: Value = false, supers: Value = NULL, _impersonate: Value = false, accessorName?: Value) {
      if (!(name instanceof Sym)) return argError('make-struct-type-property', 'symbol?', name);
      if (guard !== false && guard !== sym('can-impersonate') && !isProcedure(guard))
        return argError('make-struct-type-property', "(or/c procedure? #f 'can-impersonate)", guard);
      if (!isList(supers))
        return argError('make-struct-type-property', '(listof (cons/c struct-type-property? (procedure-arity-includes/c 1)))', supers);
      const superList = listToArray(supers).map((p) => {
        if (!(p instanceof Pair) || !(p.car instanceof StructProperty) || !isProcedure(p.cdr))
          return argError('make-struct-type-property', '(listof (cons/c struct-type-property? (procedure-arity-includes/c 1)))', supers);
        return [p.car, p.cdr] as const;
      });
      const prop = new StructProperty(name.name, isProcedure(guard) ? guard : false, superList);
      const pred = new Primitive(
        `${name.name}?`,
        1,
        1,
        (v: Value) => propertyValue(v instanceof StructImpersonator ? unwrapAll(v) : v, prop) !== undefined,
      );
      const accName = accessorName instanceof Sym ? accessorName.name : `${name.name}-accessor`;
      const accessor: Primitive = new Primitive(accName, 1, 2, function (this: Machine, v: Value, failure?: Value) {
        // A chaperoned struct's value comes through the wrappers' redirections of this accessor.
        const wrapped = v instanceof StructImpersonator;
        const got = propertyValue(wrapped ? unwrapAll(v) : v, prop);
        if (got !== undefined) return wrapped ? structPropertyThrough(this, v, accessor, got) : got;
        if (failure !== undefined) return failureResult(this, failure);
        return argError(accName, `${name.name}?`, v);
      });
      propertyProcedures.set(pred, { kind: 'predicate', prop });
      propertyProcedures.set(accessor, { kind: 'accessor', prop });
      return new MultipleValues([prop, pred, accessor]);
    },
  );
  t.fn('struct-type-property?', 1, 1, (v) => v instanceof StructProperty);

  t.valuesFn('make-struct-type', 4, 11, function (this: Machine, ...a: Value[]) {
    const [
      name,
      parent,
      nInit,
      nAuto,
      autoV = false,
      props = NULL,
      inspector,
      procSpec = false,
      immutables = NULL,
      guard = false,
      ctorName = false,
    ] = a;
    const who = 'make-struct-type';
    if (!(name instanceof Sym)) return argError(who, 'symbol?', name);
    const parentType = parent === false ? null : structTypeOf(parent);
    if (parentType === null && parent !== false) return argError(who, '(or/c #f struct-type?)', parent);
    if (!isNat(nInit)) return argError(who, 'exact-nonnegative-integer?', nInit);
    if (!isNat(nAuto)) return argError(who, 'exact-nonnegative-integer?', nAuto);
    if (!isList(props)) return argError(who, '(listof (cons/c struct-type-property? any/c))', props);
    if (guard !== false && !isProcedure(guard)) return argError(who, '(or/c procedure? #f)', guard);
    const immutable = listToArray(immutables).map((i) => (isNat(i) ? i : argError(who, '(listof exact-nonnegative-integer?)', immutables)));
    const own = nInit + nAuto;
    const mutable = new Set<number>();
    for (let i = 0; i < own; i++) if (!immutable.includes(i)) mutable.add(i);
    // #f as the inspector makes the type transparent; 'prefab a prefab type.
    const transparent = inspector === false;
    const prefab = inspector instanceof Sym && inspector.name === 'prefab' ? name.name : null;
    const propMap = new Map<StructProperty, Value>();
    const type = new StructType(name.name, parentType, nInit, nAuto, autoV, propMap, transparent, prefab, mutable, guard);
    noteChaperonedParent(type, parent);
    const [accessor, mutator] = genericProcedures(type);
    const given: [StructProperty, Value][] = [];
    for (const p of listToArray(props)) {
      if (!(p instanceof Pair) || !(p.car instanceof StructProperty))
        return argError(who, '(listof (cons/c struct-type-property? any/c))', props);
      given.push([p.car, p.cdr]);
    }
    attachProperties(this, who, type, propMap, given, accessor, mutator, immutable);
    checkSubtyping(who, name.name, type.parent, propMap);
    if (procSpec !== false) propMap.set(propProcedure, procSpec);
    const ctor = constructorOf(type, ctorName instanceof Sym ? ctorName.name : `make-${name.name}`);
    return new MultipleValues([type, ctor, predicateOf(type), accessor, mutator]);
  });

  t.fn('make-struct-field-accessor', 2, 5, (acc: Value, i: Value, fieldName: Value = false) => {
    const type = acc instanceof Primitive ? genericOf.get(acc) : undefined;
    if (type === undefined || !(acc as Primitive).name.endsWith('-ref'))
      return argError('make-struct-field-accessor', 'struct-accessor-procedure?', acc);
    const k = fieldIndex('make-struct-field-accessor', type, i);
    const name = fieldName instanceof Sym ? `${type.name}-${fieldName.name}` : `${type.name}-field${k}`;
    const index = type.fieldOffset + k;
    const accessor = new Primitive(name, 1, 1, function (this: Machine, v: Value) {
      if (v instanceof StructInstance && v.type.isSubtypeOf(type)) return v.fields[index];
      const w = wrappedInstance(v, type);
      if (w !== null) return structRefThrough(this, w, index);
      return argError(name, `${type.name}?`, v);
    });
    return tagFieldOperation(accessor, type, index, 'accessor');
  });
  t.fn('make-struct-field-mutator', 2, 5, (mut: Value, i: Value, fieldName: Value = false) => {
    const type = mut instanceof Primitive ? genericOf.get(mut) : undefined;
    if (type === undefined || !(mut as Primitive).name.endsWith('-set!'))
      return argError('make-struct-field-mutator', 'struct-mutator-procedure?', mut);
    const k = fieldIndex('make-struct-field-mutator', type, i);
    const name = fieldName instanceof Sym ? `set-${type.name}-${fieldName.name}!` : `set-${type.name}-field${k}!`;
    const mutator = new Primitive(name, 2, 2, function (this: Machine, v: Value, x: Value) {
      const w = wrappedInstance(v, type);
      if (w !== null) {
        setField(name, type, structBase(w), k, x, () => structSetThrough(this, w, type.fieldOffset + k, x));
        return VOID;
      }
      if (!(v instanceof StructInstance) || !v.type.isSubtypeOf(type)) return argError(name, `${type.name}?`, v);
      return setField(name, type, v, k, x);
    });
    return tagFieldOperation(mutator, type, type.fieldOffset + k, 'mutator');
  });

  t.value('current-inspector', currentInspector);
  t.fn('make-inspector', 0, 1, function (this: Machine, sup?: Value) {
    if (sup !== undefined && !(sup instanceof Inspector)) return argError('make-inspector', 'inspector?', sup);
    return new Inspector((sup as Inspector | undefined) ?? (this.paramValue(currentInspector) as Inspector));
  });
  t.fn('make-sibling-inspector', 0, 1, function (this: Machine, sup?: Value) {
    const base = sup instanceof Inspector ? sup : (this.paramValue(currentInspector) as Inspector);
    return new Inspector(base.superior);
  });
  t.fn('inspector?', 1, 1, (v) => v instanceof Inspector);
  t.fn('inspector-superior?', 2, 2, (a: Value, b: Value) => {
    if (!(a instanceof Inspector)) return argError('inspector-superior?', 'inspector?', a);
    if (!(b instanceof Inspector)) return argError('inspector-superior?', 'inspector?', b);
    for (let s = b.superior; s !== null; s = s.superior) if (s === a) return true;
    return false;
  });
}

/** A property's value for `v` (an instance or a struct type), if it has the property. */
function propertyValue(v: Value, prop: StructProperty): Value | undefined {
  const type = v instanceof StructInstance ? v.type : structTypeOf(v);
  return type === null ? undefined : type.prop(prop);
}

/** Sets own field `k` of `type` in `v`, unless the field is immutable. */
function setField(who: string, type: StructType, v: StructInstance, k: number, x: Value, set?: () => void): Value {
  if (!type.mutableFields.has(k)) {
    const msg = `${who}: cannot modify value of immutable field in structure\n  structure: ${printString(v)}\n  field index: ${k}`;
    throw new RacketThrow(makeExn(exnFailContractT, msg));
  }
  if (set !== undefined) set();
  else v.fields[type.fieldOffset + k] = x;
  return VOID;
}

/** Checks a field index of `type`'s own fields. */
function fieldIndex(who: string, type: StructType, i: Value): number {
  const own = type.ownInitFields + type.ownAutoFields;
  if (!isNat(i)) return argError(who, 'exact-nonnegative-integer?', i);
  if (i >= own) {
    const msg = `${who}: index too large\n  index: ${i}\n  maximum allowed index: ${own - 1}\n  structure type: ${printString(type)}`;
    throw new RacketThrow(makeExn(exnFailContractT, msg));
  }
  return i;
}
