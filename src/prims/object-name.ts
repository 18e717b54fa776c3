// object-name: the name a value carries (procedures, struct instances and
// types, regexps, ports, parameters), or #f.

import { MachinePrimitive, Parameter, Primitive } from '../eval/procedures.js';
import { InputPort } from '../io/input-port.js';
import { OutputPort } from '../io/output-port.js';
import { FileInputPort, FileOutputPort } from '../io/file-port.js';
import { RPath } from '../values/path.js';
import { StructInstance, StructType, propObjectName, propProcedure } from '../values/struct.js';
import { RString } from '../values/types.js';
import { isProcedure } from './check.js';
import { setProcedureStructName } from '../printer/struct-print.js';
import { RRegexp } from '../values/regexp.js';
import { Sym, str, sym, type Value } from '../values/types.js';
import { isTcpPort } from './tcp/connection.js';
import { AnyKeywordProcedure, KeywordProcedure } from './keyword-procedures.js';
import type { PrimTable } from './table.js';
import { ProcedureImpersonator, StructTypeImpersonator } from '../values/impersonator.js';
import { Closure, CaseClosure } from '../eval/nodes.js';
import { runningMachine } from '../eval/machine.js';
import { applyNested } from '../eval/nested.js';
import type { Machine } from '../eval/machine.js';

function nameOrFalse(name: string | null): Value {
  return name === null ? false : sym(name);
}

/** `prop:object-name`'s value for an instance whose type has it: a field, or what its procedure gives. */
function structObjectName(m: Machine, v: StructInstance): Value | undefined {
  for (let s: StructType | null = v.type; s !== null; s = s.parent) {
    const p = s.props.get(propObjectName);
    if (p === undefined) continue;
    if (typeof p === 'number') return v.fields[s.fieldOffset + p];
    return applyNested(m, p, [v]);
  }
  return undefined;
}

export function objectName(v: Value): Value {
  if (v instanceof Closure) return nameOrFalse(v.lam.name);
  if (v instanceof CaseClosure) return nameOrFalse(v.name);
  if (v instanceof Primitive || v instanceof MachinePrimitive || v instanceof Parameter) return sym(v.name);
  if (v instanceof KeywordProcedure || v instanceof AnyKeywordProcedure) return nameOrFalse(v.name);
  if (v instanceof ProcedureImpersonator) return objectName(v.target);
  if (v instanceof StructType) return sym(v.name);
  if (v instanceof StructTypeImpersonator) return objectName(v.target);
  if (v instanceof StructInstance) {
    const m = runningMachine();
    const named = m === null ? undefined : structObjectName(m, v);
    if (named !== undefined) return named;
    // A struct that applies one of its fields is named as that procedure.
    const p = v.type.prop(propProcedure);
    if (typeof p === 'number' && isProcedure(v.fields[p])) return objectName(v.fields[p]);
    return sym(v.type.name);
  }
  if (v instanceof RRegexp) return v.name;
  if (v instanceof FileInputPort || v instanceof FileOutputPort) return new RPath(v.name);
  // A TCP port's name is a string, as Racket 8.7 makes it.
  if (isTcpPort(v)) return str(v.name);
  if (v instanceof InputPort || v instanceof OutputPort) return v.nameValue ?? sym(v.name);
  return false;
}

export function installObjectName(t: PrimTable): void {
  t.fn('object-name', 1, 1, objectName);
}

setProcedureStructName((v) => {
  if (v.type.prop(propProcedure) === undefined) return undefined;
  const name = objectName(v);
  return name instanceof Sym ? name.name : name instanceof RString ? name.s : null;
});
