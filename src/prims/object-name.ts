// object-name: the name a value carries (procedures, struct instances and
// types, regexps, ports, parameters), or #f.

import { MachinePrimitive, Parameter, Primitive } from '../eval/procedures.js';
import { InputPort } from '../io/input-port.js';
import { OutputPort } from '../io/output-port.js';
import { StructInstance, StructType } from '../values/struct.js';
import { RRegexp } from '../values/regexp.js';
import { sym, type Value } from '../values/types.js';
import { AnyKeywordProcedure, KeywordProcedure } from './keyword-procedures.js';
import type { PrimTable } from './table.js';
import { ProcedureImpersonator } from '../values/impersonator.js';
import { Closure, CaseClosure } from '../eval/nodes.js';

function nameOrFalse(name: string | null): Value {
  return name === null ? false : sym(name);
}

export function objectName(v: Value): Value {
  if (v instanceof Closure) return nameOrFalse(v.lam.name);
  if (v instanceof CaseClosure) return nameOrFalse(v.name);
  if (v instanceof Primitive || v instanceof MachinePrimitive || v instanceof Parameter) return sym(v.name);
  if (v instanceof KeywordProcedure || v instanceof AnyKeywordProcedure) return nameOrFalse(v.name);
  if (v instanceof ProcedureImpersonator) return objectName(v.target);
  if (v instanceof StructType) return sym(v.name);
  if (v instanceof StructInstance) return sym(v.type.name);
  if (v instanceof RRegexp) return v.name;
  if (v instanceof InputPort || v instanceof OutputPort) return sym(v.name);
  return false;
}

export function installObjectName(t: PrimTable): void {
  t.fn('object-name', 1, 1, objectName);
}
