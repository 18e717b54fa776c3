// Structure type properties as a type is made (The Racket Reference §5.3):
// attaching the properties a `struct` form or make-struct-type gives, each
// through its guard (a make-struct-type-property guard or a built-in
// property's), with its super properties; the subtyping rules of
// prop:sealed and prop:authentic; and the built-in properties whose values
// Racket checks: prop:object-name, prop:checked-procedure,
// prop:arity-string.

import { type Machine, ThenFrame, setStructArityCheck } from '../eval/machine.js';
import { applyNested } from '../eval/nested.js';
import { argError, argumentsError, arityExpectation, errorValueString, genericFail, resultArityError } from '../errors/messages.js';
import { exnFailContractArityT, fail } from '../errors/exn.js';
import { structTypeOf } from '../values/impersonator.js';
import {
  StructInstance,
  type StructProperty,
  StructType,
  propArityString,
  propAuthentic,
  propMethodArityError,
  propCheckedProcedure,
  propObjectName,
  propProcedure,
  propSealed,
} from '../values/struct.js';
import { MultipleValues, RString, Sym, type Value, listFromArray, sym } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityIncludes, arityRanges, isMethodProcedure } from './procedures.js';
import { KeywordProcedure, keywordArityText } from './keyword-procedures.js';
import { objectName } from './object-name.js';
import type { PrimTable } from './table.js';

/** What a property guard gets about the type: Racket's struct-type-info list. */
export function structInfoList(type: StructType, accessor: Value, mutator: Value, immutables: readonly number[]): Value {
  return listFromArray([
    sym(type.name),
    type.ownInitFields,
    type.ownAutoFields,
    accessor,
    mutator,
    listFromArray([...immutables]),
    type.parent ?? false,
    false,
  ]);
}

/** The type being made, as the built-in guards see it. */
interface TypeInProgress {
  readonly type: StructType;
  readonly immutables: readonly number[];
}

type BuiltinGuard = (v: Value, t: TypeInProgress) => Value;

function isNat(v: Value): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

const builtinGuards = new Map<StructProperty, BuiltinGuard>([
  [
    propObjectName,
    (v, t) => {
      const who = 'guard-for-prop:object-name';
      if (isNat(v)) {
        if (v >= t.type.ownInitFields) {
          argumentsError(
            who,
            'field index >= initialized-field count for structure type',
            ['field index', v],
            ['initialized-field count', t.type.ownInitFields],
          );
        }
        if (!t.immutables.includes(v)) argumentsError(who, 'field index not declared immutable', ['field index', v]);
        return v;
      }
      if (isProcedure(v) && arityIncludes(v, 1)) return v;
      return argError(who, '(or/c exact-nonnegative-integer? (procedure-arity-includes/c 1))', v);
    },
  ],
  [
    propArityString,
    (v) => (isProcedure(v) && arityIncludes(v, 1) ? v : argError('guard-for-prop:arity-string', '(procedure-arity-includes/c 1)', v)),
  ],
  [
    propCheckedProcedure,
    (v, t) => {
      if (t.type.fieldCount < 2) genericFail('prop:checked-procedure: need at least two fields in the structure type');
      return v;
    },
  ],
]);

/**
 * Attaches `props` (pairs of property and value, in order) to `propMap`,
 * the properties of the type being made: each value goes through its
 * property's guard, then its super properties are attached from it.
 */
export function attachProperties(
  m: Machine,
  who: string,
  type: StructType,
  propMap: Map<StructProperty, Value>,
  props: readonly (readonly [StructProperty, Value])[],
  accessor: Value,
  mutator: Value,
  immutables: readonly number[],
): void {
  const progress: TypeInProgress = { type, immutables };
  let info: Value | null = null;
  const attach = (prop: StructProperty, value: Value, given: boolean): void => {
    const builtin = builtinGuards.get(prop);
    let v = value;
    if (builtin !== undefined) v = builtin(value, progress);
    else if (prop.guard !== false) {
      if (info === null) info = structInfoList(type, accessor, mutator, immutables);
      v = applyNested(m, prop.guard, [value, info]);
    }
    const known = propMap.get(prop);
    // A property given twice is an error; one reached again through super properties only when its values differ.
    if (known !== undefined && (given || known !== v)) argumentsError(who, 'duplicate property binding', ['property', prop]);
    propMap.set(prop, v);
    for (const [sup, make] of prop.supers) attach(sup, applyNested(m, make, [v]), false);
  };
  for (const [prop, value] of props) attach(prop, value, true);
}

/** prop:sealed and prop:authentic's rules for a subtype of `parent`, once `propMap` (its own properties) is known. */
export function checkSubtyping(who: string, name: string, parent: StructType | null, propMap: ReadonlyMap<StructProperty, Value>): void {
  if (parent === null) {
    return;
  }
  if (parent.prop(propSealed) !== undefined) {
    argumentsError(who, 'cannot make a subtype of a sealed type', ['type name', sym(name)], ['sealed type', parent]);
  }
  const authentic = propMap.has(propAuthentic);
  const parentAuthentic = parent.prop(propAuthentic) !== undefined;
  if (parentAuthentic && !authentic) {
    argumentsError(who, 'cannot make a non-authentic subtype of an authentic type', ['type name', sym(name)], ['authentic type', parent]);
  }
  if (authentic && !parentAuthentic) {
    argumentsError(
      who,
      'cannot make an authentic subtype of a non-authentic type',
      ['type name', sym(name)],
      ['non-authentic type', parent],
    );
  }
}

export function isAuthentic(type: StructType): boolean {
  return type.prop(propAuthentic) !== undefined;
}

export function isSealed(type: StructType): boolean {
  return type.prop(propSealed) !== undefined;
}

/**
 * The arity text of an arity error for applying `f` (whose type has
 * prop:arity-string): the string its procedure gives, or null (the
 * `expected:` line is left out) when it gives something else.
 */
function arityStringOf(m: Machine, f: StructInstance, proc: Value): string | null {
  const r = applyNested(m, proc, [f]);
  return r instanceof RString ? r.s : null;
}

/** The `expected:` text for a struct's arity: one count or an "at least", else null. */
function structExpectation(f: StructInstance, method: boolean): string | null {
  const ranges = arityRanges(f)
    .map(([a, b]) => (method ? ([Math.max(0, a - 1), b - 1] as const) : ([a, b] as const)))
    .filter(([a, b]) => b >= a);
  if (ranges.length !== 1) return null;
  const [min, b] = ranges[0];
  const max = b === Number.POSITIVE_INFINITY ? -1 : b;
  const p = f.type.prop(propProcedure);
  const target = typeof p === 'number' ? f.fields[p] : undefined;
  // A keyword procedure's keywords are part of what is expected (not for a method, as in Racket).
  if (!method && target instanceof KeywordProcedure && target.kws.length > 0) return keywordArityText(target, { min, max });
  return arityExpectation(min, max);
}

// Applying a struct checks the count against the struct's arity first, as Racket CS does: the error names
// the struct's procedure and lists the arguments; for a method (prop:method-arity-error) without the first.
setStructArityCheck((m, f, vals) => {
  const n = vals.length - 1;
  if (arityIncludes(f, n)) return;
  const method = isMethodProcedure(f);
  const stringProc = f.type.prop(propArityString);
  const name = objectName(f);
  const expected = stringProc !== undefined ? arityStringOf(m, f, stringProc as Value) : structExpectation(f, method);
  const args = vals.slice(method ? 2 : 1);
  fail(
    exnFailContractArityT,
    `${name instanceof Sym ? `${name.name}: ` : ''}arity mismatch;\n the expected number of arguments does not match the given number` +
      (expected === null ? '' : `\n  expected: ${expected}`) +
      `\n  given: ${args.length}` +
      (args.length === 0 ? '' : `\n  arguments...:${args.map((a) => `\n   ${errorValueString(a)}`).join('')}`),
  );
});

export function installStructProperties(t: PrimTable): void {
  t.value('prop:authentic', propAuthentic);
  t.value('prop:sealed', propSealed);
  t.value('prop:object-name', propObjectName);
  t.value('prop:checked-procedure', propCheckedProcedure);
  t.value('prop:arity-string', propArityString);
  t.in('mzscheme', () => t.value('prop:method-arity-error', propMethodArityError));
  t.fn('struct-type-authentic?', 1, 1, (v: Value) => {
    const type = structTypeOf(v);
    return type !== null ? isAuthentic(type) : argError('struct-type-authentic?', 'struct-type?', v);
  });
  t.fn('struct-type-sealed?', 1, 1, (v: Value) => {
    const type = structTypeOf(v);
    return type !== null ? isSealed(type) : argError('struct-type-sealed?', 'struct-type?', v);
  });
  // (checked-procedure-check-and-extract type v proc v1 v2): field 1 of `v` when its field 0 accepts v1 and v2,
  // else (proc v v1 v2).
  t.machine('checked-procedure-check-and-extract', 5, 5, (m, a) => {
    const [, type, v, proc, v1, v2] = a;
    if (!(type instanceof StructType))
      return argError('checked-procedure-check-and-extract', '(and/c struct-type? (not/c impersonator?))', type);
    if (v instanceof StructInstance && v.type.isSubtypeOf(type) && type.prop(propCheckedProcedure) !== undefined) {
      const check = v.fields[0];
      m.stack.push(
        new ThenFrame((m2) => {
          const r = m2.val;
          if (r instanceof MultipleValues) resultArityError(1, r.vals.length);
          if (r !== false) m2.returnValue(v.fields[1]);
          else m2.applyArray(proc, [v, v1, v2]);
        }),
      );
      m.applyArray(check, [v1, v2]);
      return;
    }
    m.applyArray(proc, [v, v1, v2]);
  });
}
