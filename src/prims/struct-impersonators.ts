// chaperone-struct and impersonate-struct: a struct instance whose field
// accessors and mutators are redirected. Each redirected operation (a field
// accessor or mutator made for the instance's type or an ancestor) is
// followed by its redirection procedure or #f; a struct type only witnesses
// that the value may be wrapped; impersonator properties come last.

import { RawText, argError, argumentsError, errorValueString } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { ImpersonatorProperty, StructImpersonator, StructTypeImpersonator, structTypeOf, unwrapAll } from '../values/impersonator.js';
import { StructInstance, type StructType } from '../values/struct.js';
import { RString, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { parseProps } from './impersonators.js';
import { arityIncludes } from './procedures.js';
import { fieldOperation } from './structs.js';
import { isAuthentic } from './struct-properties.js';
import { accessorProperty } from './struct-types.js';
import type { PrimTable } from './table.js';

const OPERATION_CONTRACT = `(or/c struct-type?
                  struct-accessor-procedure?
                  struct-mutator-procedure?
                  struct-type-property-accessor-procedure?
                  struct-info)`;

function fail(message: string): never {
  throw new RacketThrow(makeExn(exnFailContractT, message));
}

/**
 * The redirection procedure that follows operation `ops[at]` (a field or property accessor or
 * a mutator), after checking that the operation applies to `v` and the procedure's arity.
 */
function redirectionAfter(who: string, ops: Value[], at: number, kind: RawText, applies: boolean, v: Value): Value {
  const op = ops[at];
  if (!applies)
    argumentsError(who, 'operation does not apply to given value', ['operation kind', kind], ['operation procedure', op], ['value', v]);
  if (at + 1 >= ops.length)
    argumentsError(who, 'missing redirection procedure after operation', ['operation kind', kind], ['operation procedure', op]);
  const redirect = ops[at + 1];
  if (redirect !== false && !(isProcedure(redirect) && arityIncludes(redirect, 2)))
    argumentsError(
      who,
      "operation's redirection procedure does not match the expected arity",
      ['given', redirect],
      ['expected', new RawText('(or/c #f (procedure-arity-includes/c 2))')],
      ['operation kind', kind],
      ['operation procedure', op],
    );
  return redirect;
}

function makeStructImpersonator(who: string, chaperone: boolean, a: Value[]): Value {
  const [v, ...rest] = a;
  const base = unwrapAll(v);
  const refs = new Map<number, Value>();
  const sets = new Map<number, Value>();
  const propRefs = new Map<Value, Value>();
  let witnessed = false;
  let i = 0;
  for (; i < rest.length; i++) {
    const op = rest[i];
    if (op instanceof ImpersonatorProperty) break;
    const opType = structTypeOf(op);
    if (opType !== null) {
      if (!(base instanceof StructInstance) || !base.type.isSubtypeOf(opType)) {
        argumentsError(who, 'operation does not apply to given value', ['operation kind', new RawText('struct type')], ['value', v]);
      }
      witnessed = true;
      continue;
    }
    const prop = accessorProperty(op);
    if (prop !== null) {
      const kind = new RawText('property accessor');
      const applies = base instanceof StructInstance && base.type.prop(prop) !== undefined;
      const redirect = redirectionAfter(who, rest, i++, kind, applies, v);
      propRefs.set(op, redirect);
      witnessed = true;
      continue;
    }
    const field = fieldOperation(op);
    if (field === undefined) return argError(who, OPERATION_CONTRACT, op);
    const kind = new RawText(field.kind);
    const applies = base instanceof StructInstance && base.type.isSubtypeOf(field.type);
    const redirect = redirectionAfter(who, rest, i++, kind, applies, v);
    const table = field.kind === 'accessor' ? refs : sets;
    if (table.has(field.index)) {
      argumentsError(
        who,
        'given operation accesses the same value as a previous operation argument',
        ['operation kind', kind],
        ['operation procedure', op],
      );
    }
    if (!chaperone && field.kind === 'accessor' && !fieldIsMutable(field.type, field.index)) {
      argumentsError(
        who,
        'cannot replace operation for an immutable field',
        ['operation kind', new RawText('property accessor')],
        ['operation procedure', op],
      );
    }
    table.set(field.index, redirect);
    witnessed = true;
  }
  if (base instanceof StructInstance && isAuthentic(base.type))
    argumentsError(who, `cannot ${chaperone ? 'chaperone' : 'impersonate'} instance of an authentic structure type`, ['given value', v]);
  const props = parseProps(who, rest.slice(i));
  if (!witnessed) {
    if (props.size === 0) return v;
    fail(
      `${who}: cannot chaperone value as a structure without a witness\n  explanation: ${errorValueString(new RString("a structure type, accessor, or mutator acts as a witness\n   that the given value's representation can be chaperoned or impersonated", true))}\n  given value: ${errorValueString(v)}`,
    );
  }
  return new StructImpersonator(v, chaperone, props, refs, sets, propRefs);
}

/** Is field `index` (absolute) mutable in the type that declares it? */
function fieldIsMutable(type: StructType, index: number): boolean {
  for (let t: StructType | null = type; t !== null; t = t.parent) {
    if (index >= t.fieldOffset) return t.mutableFields.has(index - t.fieldOffset);
  }
  return false;
}

function makeStructTypeImpersonator(a: Value[]): Value {
  const who = 'chaperone-struct-type';
  const [type, info, makeConstructor, guard, ...rest] = a;
  if (structTypeOf(type) === null) return argError(who, 'struct-type?', type);
  if (!isProcedure(info) || !arityIncludes(info, 8)) return argError(who, '(procedure-arity-includes/c 8)', info);
  if (!isProcedure(makeConstructor) || !arityIncludes(makeConstructor, 1))
    return argError(who, '(procedure-arity-includes/c 1)', makeConstructor);
  if (!isProcedure(guard)) return argError(who, 'procedure?', guard);
  return new StructTypeImpersonator(type, parseProps(who, rest), info, makeConstructor, guard);
}

export function installStructImpersonators(t: PrimTable): void {
  t.fn('chaperone-struct-type', 4, -1, (...a: Value[]) => makeStructTypeImpersonator(a));
  t.fn('chaperone-struct', 1, -1, (...a: Value[]) => makeStructImpersonator('chaperone-struct', true, a));
  t.fn('impersonate-struct', 1, -1, (...a: Value[]) => makeStructImpersonator('impersonate-struct', false, a));
}
