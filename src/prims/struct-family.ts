// Binding a structure type defined in TypeScript: its constructor,
// predicate, accessors and `struct:` value, under the library being
// installed and as `%name` internals for the .rkt files of src/lib.

import { argError } from '../errors/messages.js';
import { Primitive } from '../eval/procedures.js';
import { StructInstance, type StructType } from '../values/struct.js';
import type { Value } from '../values/types.js';
import type { PrimTable } from './table.js';

export interface Family {
  type: StructType;
  /** Field names (own fields only). */
  fields: string[];
  /** Names the constructor is bound under. */
  ctors: string[];
  /** Other names for the predicate. */
  predicates?: string[];
}

/** Binds `f`'s procedures (exported, or as internals only). */
export function bindStructFamily(t: PrimTable, f: Family, exported = true): void {
  const { type } = f;
  const name = type.name;
  const bind = (n: string, v: Value) => {
    if (exported) t.value(n, v);
    t.internal(n, v);
  };
  const ctor = new Primitive(name, type.initFieldCount, type.initFieldCount, (...vals: Value[]) => new StructInstance(type, vals));
  for (const c of f.ctors) bind(c, ctor);
  const isIt = (v: Value): v is StructInstance => v instanceof StructInstance && v.type.isSubtypeOf(type);
  const pred = new Primitive(`${name}?`, 1, 1, isIt);
  bind(`${name}?`, pred);
  for (const p of f.predicates ?? []) bind(p, pred);
  f.fields.forEach((field, i) => {
    const who = `${name}-${field}`;
    const index = type.fieldOffset + i;
    bind(who, new Primitive(who, 1, 1, (v: Value) => (isIt(v) ? v.fields[index] : argError(who, `${name}?`, v))));
  });
  bind(`struct:${name}`, type);
}
