// Struct types at run time: constructors, predicates, accessors and mutators,
// for `struct` forms and for the built-in exception types.

import { MachinePrimitive, Primitive } from '../eval/procedures.js';
import { ThenFrame } from '../eval/machine.js';
import { RacketThrow, exnFailContractArityT, makeExn } from '../errors/exn.js';
import { argError, errorValueString } from '../errors/messages.js';
import {
  StructInstance,
  StructType,
  propProcedure,
  propCustomPrintQuotable,
  propCustomWrite,
  propRenameTransformer,
  propSetTransformer,
} from '../values/struct.js';
import { registerEqualHook, registerEqualKeyHook, encode } from '../values/equal.js';
import { customPrint, printQuotable, type PrintContext } from '../values/printable.js';
import { printStructDefault, structQuotable } from '../printer/print.js';
import { MultipleValues, RVector, type Sym, VOID, sym, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';
import { applyNested } from '../eval/nested.js';
import { isProcedure } from './check.js';
import type { Machine } from '../eval/machine.js';
import { StructImpersonator, StructTypeImpersonator, seeThrough } from '../values/impersonator.js';
import { structBase, structRefThrough, structSetThrough } from './impersonators.js';
import { customEqual, customEqualKey } from './equal-hash.js';

/** What each procedure a struct type made is: struct-constructor-procedure? and friends. */
const structProcedureKinds = new WeakMap<object, 'constructor' | 'predicate' | 'accessor' | 'mutator'>();
export function tagStructProcedure<P extends object>(p: P, kind: 'constructor' | 'predicate' | 'accessor' | 'mutator'): P {
  structProcedureKinds.set(p, kind);
  return p;
}
/** What a struct procedure (made by make-struct-type, struct, make-struct-field-accessor, ...) is, if it is one. */
export function structProcedureKind(v: Value): 'constructor' | 'predicate' | 'accessor' | 'mutator' | undefined {
  return typeof v === 'object' && v !== null ? structProcedureKinds.get(v) : undefined;
}
const isStructProcedure = (kind: string) => (v: Value) => typeof v === 'object' && v !== null && structProcedureKinds.get(v) === kind;

export function constructorOf(type: StructType, name = type.name): Primitive | MachinePrimitive {
  return tagStructProcedure(untaggedConstructor(type, name), 'constructor');
}

/**
 * The guard procedure of the chaperoned struct type (chaperone-struct-type)
 * a type was made with as its parent: it runs on the parent's share of the
 * arguments after the type's own guard. Racket 8.7 runs the outermost
 * chaperone's only.
 */
const chaperonedParentGuards = new WeakMap<StructType, Value>();
export function noteChaperonedParent(type: StructType, parent: Value): void {
  if (parent instanceof StructTypeImpersonator) chaperonedParentGuards.set(type, parent.guard);
}

function untaggedConstructor(type: StructType, name: string): Primitive | MachinePrimitive {
  const n = type.initFieldCount;
  // Each guard with the number of arguments it takes (its level's share).
  const guarded: { guard: Value; count: number }[] = [];
  for (let t: StructType | null = type; t !== null; t = t.parent) {
    if (t.guard !== false) guarded.push({ guard: t.guard, count: t.initFieldCount });
    const chaperoned = chaperonedParentGuards.get(t);
    if (chaperoned !== undefined) guarded.push({ guard: chaperoned, count: (t.parent as StructType).initFieldCount });
  }
  if (guarded.length === 0) return new Primitive(name, n, n, (...args: Value[]) => makeInstance(type, args));
  // Guards run from the type's own up to its ancestors', each on its level's share of the arguments.
  return new MachinePrimitive(name, n, n, (m, a) => {
    const step = (k: number, args: Value[]): void => {
      if (k >= guarded.length) {
        m.returnValue(makeInstance(type, args));
        return;
      }
      const g = guarded[k];
      const count = g.count;
      m.stack.push(
        new ThenFrame((m2) => {
          const got = m2.val instanceof MultipleValues ? m2.val.vals : [m2.val];
          if (got.length !== count) {
            const listed = got.length === 0 ? '' : `\n  arguments...:${got.map((v) => `\n   ${errorValueString(v)}`).join('')}`;
            const msg = `calling guard procedure: result arity mismatch;\n expected number of values not received\n  expected: ${count}\n  received: ${got.length}${listed}`;
            throw new RacketThrow(makeExn(exnFailContractArityT, msg));
          }
          step(k + 1, [...got, ...args.slice(count)]);
        }),
      );
      m.applyArray(g.guard, [...args.slice(0, count), sym(type.name)]);
    };
    step(0, a.slice(1));
  });
}

/** Builds an instance from constructor arguments, filling automatic fields. */
export function makeInstance(type: StructType, args: Value[]): StructInstance {
  const fields: Value[] = new Array(type.fieldCount);
  const chain: StructType[] = [];
  for (let t: StructType | null = type; t !== null; t = t.parent) chain.unshift(t);
  let a = 0;
  let f = 0;
  for (const t of chain) {
    for (let i = 0; i < t.ownInitFields; i++) fields[f++] = args[a++];
    for (let i = 0; i < t.ownAutoFields; i++) fields[f++] = t.autoValue;
  }
  return new StructInstance(type, fields);
}

export function predicateOf(type: StructType, name = `${type.name}?`): Primitive {
  return tagStructProcedure(
    new Primitive(name, 1, 1, (v) =>
      v instanceof StructInstance ? v.type.isSubtypeOf(type) : v instanceof StructImpersonator && structBase(v).type.isSubtypeOf(type),
    ),
    'predicate',
  );
}

/** What field an accessor or mutator made for one field works on (for chaperone-struct). */
export interface FieldOperation {
  readonly type: StructType;
  /** The field's index among all the instance's fields. */
  readonly index: number;
  readonly kind: 'accessor' | 'mutator';
}
const fieldOperations = new WeakMap<object, FieldOperation>();
export function fieldOperation(v: Value): FieldOperation | undefined {
  return typeof v === 'object' && v !== null ? fieldOperations.get(v) : undefined;
}
export function tagFieldOperation<P extends object>(p: P, type: StructType, index: number, kind: 'accessor' | 'mutator'): P {
  fieldOperations.set(p, { type, index, kind });
  return tagStructProcedure(p, kind);
}

/** A chaperoned instance of `type` (or a subtype), else null. */
export function wrappedInstance(v: Value, type: StructType): StructImpersonator | null {
  return v instanceof StructImpersonator && structBase(v).type.isSubtypeOf(type) ? v : null;
}

/** Accessor of field `i` of `type`'s own fields. */
export function accessorOf(type: StructType, i: number, name: string): Primitive {
  const index = type.fieldOffset + i;
  const accessor = new Primitive(name, 1, 1, function (this: Machine, v: Value) {
    if (v instanceof StructInstance && v.type.isSubtypeOf(type)) return v.fields[index];
    const w = wrappedInstance(v, type);
    if (w !== null) return structRefThrough(this, w, index);
    return argError(name, `${type.name}?`, v);
  });
  return tagFieldOperation(accessor, type, index, 'accessor');
}

export function mutatorOf(type: StructType, i: number, name: string): Primitive {
  const index = type.fieldOffset + i;
  const mutator = new Primitive(name, 2, 2, function (this: Machine, v: Value, x: Value) {
    if (v instanceof StructInstance && v.type.isSubtypeOf(type)) {
      v.fields[index] = x;
      return VOID;
    }
    const w = wrappedInstance(v, type);
    if (w !== null) {
      structSetThrough(this, w, index, x);
      return VOID;
    }
    return argError(name, `${type.name}?`, v);
  });
  fieldMutators.add(mutator);
  return tagFieldOperation(mutator, type, index, 'mutator');
}

/** The mutators `struct` defines (not those of make-struct-field-mutator), which Racket's compiler knows return one value. */
const fieldMutators = new WeakSet<object>();
export function isStructFormMutator(v: Value): boolean {
  return typeof v === 'object' && v !== null && fieldMutators.has(v);
}

/** Struct instances print themselves through the printer's protocol. */
Object.defineProperty(StructInstance.prototype, customPrint, {
  value: function (this: StructInstance, ctx: PrintContext): string {
    return printStructDefault(this, ctx);
  },
});
Object.defineProperty(StructInstance.prototype, printQuotable, {
  get: function (this: StructInstance) {
    return structQuotable(this);
  },
});
Object.defineProperty(StructType.prototype, customPrint, {
  value: function (this: StructType): string {
    return `#<struct-type:${this.name}>`;
  },
});

/** Transparent and prefab structs join equal? field by field. */
registerEqualHook({
  equal(a, b, recur) {
    // A type with prop:equal+hash compares its instances itself.
    if (a instanceof StructInstance) {
      const custom = customEqual(a, b, true, recur);
      if (custom !== undefined) return custom;
    }
    if (!(a instanceof StructInstance) || !(b instanceof StructInstance)) return undefined;
    if (a.type !== b.type || !(a.type.transparent || a.type.prefab !== null)) return a === b;
    for (let i = 0; i < a.fields.length; i++) if (!recur(a.fields[i], b.fields[i])) return false;
    return true;
  },
});
registerEqualKeyHook((v) => {
  const custom = customEqualKey(v);
  if (custom !== undefined) return custom;
  if (!(v instanceof StructInstance) || !(v.type.transparent || v.type.prefab !== null)) return undefined;
  return 'S' + v.type.name + '(' + v.fields.map(encode).join('') + ')';
});

/** A property accessor's failure result: called when a procedure, as Racket's accessors do. */
export function failureResult(m: Machine, failure: Value): Value {
  return isProcedure(failure) ? applyNested(m, failure, []) : failure;
}

export function installStructs(t: PrimTable): void {
  t.fn('struct-constructor-procedure?', 1, 1, isStructProcedure('constructor'));
  t.fn('struct-predicate-procedure?', 1, 1, isStructProcedure('predicate'));
  t.fn('struct-accessor-procedure?', 1, 1, isStructProcedure('accessor'));
  t.fn('struct-mutator-procedure?', 1, 1, isStructProcedure('mutator'));
  t.internal(
    'struct-accessor',
    new Primitive('struct-accessor', 3, 3, (type, i, name) => accessorOf(type as StructType, i as number, (name as Sym).name)),
  );
  t.internal(
    'struct-mutator',
    new Primitive('struct-mutator', 3, 3, (type, i, name) => mutatorOf(type as StructType, i as number, (name as Sym).name)),
  );
  t.value('prop:procedure', propProcedure);
  t.value('prop:custom-write', propCustomWrite);
  t.fn('custom-write?', 1, 1, (v) => v instanceof StructInstance && v.type.prop(propCustomWrite) !== undefined);
  t.fn('custom-write-accessor', 1, 2, function (this: Machine, v: Value, failure?: Value) {
    const w = v instanceof StructInstance ? v.type.prop(propCustomWrite) : undefined;
    if (w !== undefined) return w;
    return failure === undefined ? argError('custom-write-accessor', 'custom-write?', v) : failureResult(this, failure);
  });
  t.value('prop:custom-print-quotable', propCustomPrintQuotable);
  t.fn('custom-print-quotable?', 1, 1, (v) => v instanceof StructInstance && v.type.prop(propCustomPrintQuotable) !== undefined);
  t.fn('custom-print-quotable-accessor', 1, 2, function (this: Machine, v: Value, failure?: Value) {
    const q = v instanceof StructInstance ? v.type.prop(propCustomPrintQuotable) : undefined;
    if (q !== undefined) return q;
    return failure === undefined ? argError('custom-print-quotable-accessor', 'custom-print-quotable?', v) : failureResult(this, failure);
  });
  t.value('prop:rename-transformer', propRenameTransformer);
  t.value('prop:set!-transformer', propSetTransformer);
  t.fn('struct?', 1, 1, (v) => {
    const s = v instanceof StructImpersonator ? structBase(v) : v;
    if (!(s instanceof StructInstance)) return false;
    for (let l: StructType | null = s.type; l !== null; l = l.parent) if (inspectableLevel(l)) return true;
    return false;
  });
  t.fn('struct-type?', 1, 1, (v) => v instanceof StructType || v instanceof StructTypeImpersonator);
  t.fn('struct->vector', 1, 2, (v, opaque: Value = sym('...')) => {
    if (v instanceof StructImpersonator) v = seeThrough(v);
    if (!(v instanceof StructInstance)) return new RVector([sym(`struct:${typeof v}`)], false);
    // The fields of inspectable levels, root first; one `opaque` for each run of opaque levels.
    const levels: StructType[] = [];
    for (let l: StructType | null = v.type; l !== null; l = l.parent) levels.unshift(l);
    const out: Value[] = [sym(`struct:${v.type.name}`)];
    let inOpaqueRun = false;
    for (const l of levels) {
      if (inspectableLevel(l)) {
        inOpaqueRun = false;
        out.push(...v.fields.slice(l.fieldOffset, l.fieldOffset + l.ownInitFields + l.ownAutoFields));
      } else if (!inOpaqueRun) {
        inOpaqueRun = true;
        out.push(opaque);
      }
    }
    return new RVector(out, false);
  });
}

/** A struct level the current inspector can see: transparent or prefab. */
function inspectableLevel(t: StructType): boolean {
  return t.transparent || t.prefab !== null;
}
