// Default printing of struct instances (src/values/struct.ts), as Racket
// prints structs without `prop:custom-write`:
//
//   transparent   #(struct:point 1 2)   print: (point 1 2)       quotable 'never
//   prefab        #s(msg 1)             print: '#s(msg 1)        quotable 'maybe
//   opaque        #<point>              print: #<point>          quotable 'self
//
// A type hierarchy mixing opaque and transparent levels shows each run of
// opaque levels' fields as `...`: `#(struct:b ... 2)`.
//
// The printer uses these for any StructInstance that does not implement
// `customPrint` itself. A runtime that supports `prop:custom-write` can give
// StructInstance a `customPrint` method that calls the user's procedure when
// the type has one and `printStructDefault` otherwise, with a matching
// `printQuotable` getter that falls back to `structQuotable`.

import { type StructInstance, type StructType, propCustomPrintQuotable, propCustomWrite } from '../values/struct.js';
import { NULL, Pair, RVector, Sym, sym, type Value } from '../values/types.js';
import {
  type PrintContext,
  type Quotable,
  customPrint,
  printNamed,
  printPrefabStruct,
  printTransparentStruct,
} from '../values/printable.js';

/** Prints as `...` in every mode: the fields of opaque levels of a partly transparent struct. */
class OpaqueFields {
  [customPrint](): string {
    return '...';
  }
}
const OPAQUE_FIELDS = new OpaqueFields();

function chain(type: StructType): StructType[] {
  const levels: StructType[] = [];
  for (let t: StructType | null = type; t !== null; t = t.parent) levels.push(t);
  return levels.reverse(); // root first
}

/**
 * Runs a prop:custom-write procedure on `v` with Racket's mode argument
 * (#t write, #f display, 0 or 1 the print quote depth) and gives what it
 * wrote, or null when no Racket code can run here. Installed by the runtime.
 */
export type CustomWriter = (write: Value, v: StructInstance, mode: Value) => string | null;
let customWriter: CustomWriter | null = null;
export function setCustomWriter(w: CustomWriter): void {
  customWriter = w;
}

/**
 * The name an opaque struct with prop:procedure prints with
 * (`#<procedure:name>`): its object-name when a symbol or string, else
 * null. Installed by prims/object-name.ts; undefined: not a procedure.
 */
export type ProcedureStructName = (v: StructInstance) => string | null | undefined;
let procedureStructName: ProcedureStructName = () => undefined;
export function setProcedureStructName(f: ProcedureStructName): void {
  procedureStructName = f;
}

/** 'maybe' for prefab instances, 'never' when any level is transparent, 'self' for opaque ones; prop:custom-print-quotable decides for custom-written ones. */
export function structQuotable(v: StructInstance): Quotable {
  const q = v.type.prop(propCustomPrintQuotable);
  if (q instanceof Sym && (q.name === 'self' || q.name === 'never' || q.name === 'maybe' || q.name === 'always')) return q.name;
  if (v.type.prop(propCustomWrite) !== undefined) return 'self';
  if (v.type.prefab !== null) return 'maybe';
  for (let t: StructType | null = v.type; t !== null; t = t.parent) if (t.transparent) return 'never';
  return 'self';
}

/** The prefab key as Racket prints it after `#s(`: `msg`, `(q p 1)`, `(n (1 #f) m 2 #(1))`. */
export function prefabKey(type: StructType): Value {
  const parts: Value[] = [];
  for (let t: StructType | null = type; t !== null; t = t.parent) {
    parts.push(sym(t.prefab ?? t.name));
    if (t !== type) parts.push(t.ownInitFields);
    if (t.ownAutoFields > 0) parts.push(new Pair(t.ownAutoFields, new Pair(t.autoValue, NULL)));
    if (t.mutableFields.size > 0)
      parts.push(
        new RVector(
          [...t.mutableFields].sort((a, b) => a - b),
          false,
        ),
      );
  }
  if (parts.length === 1) return parts[0];
  let key: Value = NULL;
  for (let i = parts.length - 1; i >= 0; i--) key = new Pair(parts[i], key);
  return key;
}

/** Racket's default struct printing for `v` in the context's mode. */
export function printStructDefault(v: StructInstance, ctx: PrintContext): string {
  const type = v.type;
  const write = type.prop(propCustomWrite);
  if (write !== undefined && customWriter !== null) {
    const mode = ctx.mode === 'write' ? true : ctx.mode === 'display' ? false : ctx.quoteDepth;
    const out = customWriter(write, v, mode);
    if (out !== null) return out;
  }
  if (type.prefab !== null) return printPrefabStruct(ctx, prefabKey(type), type.prefab, v.fields);
  const fields: Value[] = [];
  let anyTransparent = false;
  for (const t of chain(type)) {
    const start = t.fieldOffset;
    const count = t.ownInitFields + t.ownAutoFields;
    if (t.transparent) {
      anyTransparent = true;
      for (let i = 0; i < count; i++) fields.push(v.fields[start + i]);
    } else if (fields[fields.length - 1] !== OPAQUE_FIELDS) {
      fields.push(OPAQUE_FIELDS);
    }
  }
  if (!anyTransparent) {
    const procName = procedureStructName(v);
    return procName === undefined ? `#<${type.name}>` : printNamed('procedure', procName);
  }
  return printTransparentStruct(ctx, type.name, fields);
}
