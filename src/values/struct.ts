// Struct types and instances: the runtime side of `struct` and of the
// built-in exception hierarchy.

import type { Value } from './types.js';
import { customPrint } from './printable.js';

/** A structure type property (`prop:procedure`, `prop:evt`, ...). */
export class StructProperty {
  constructor(
    readonly name: string,
    /** `make-struct-type-property`'s guard: (guard value struct-info) gives the value stored; #f: none. */
    readonly guard: Value = false,
    /** Properties attached with this one, each with the procedure making its value from this one's. */
    readonly supers: readonly (readonly [StructProperty, Value])[] = [],
  ) {}
  [customPrint](): string {
    return `#<struct-type-property:${this.name}>`;
  }
}

export class StructType {
  /** Total number of fields, including the parent's. */
  readonly fieldCount: number;
  readonly depth: number;
  constructor(
    readonly name: string,
    readonly parent: StructType | null,
    /** Fields this type adds (init + auto). */
    readonly ownInitFields: number,
    readonly ownAutoFields: number,
    readonly autoValue: Value,
    readonly props: Map<StructProperty, Value>,
    /** Transparent types print their fields and join equal?. */
    readonly transparent: boolean,
    /** Prefab key symbol name, or null. */
    readonly prefab: string | null,
    /** Indices (within this type's own fields) of mutable fields. */
    readonly mutableFields: ReadonlySet<number>,
    readonly guard: Value = false,
  ) {
    this.fieldCount = (parent ? parent.fieldCount : 0) + ownInitFields + ownAutoFields;
    this.depth = parent ? parent.depth + 1 : 0;
  }

  /** The offset of this type's first own field. */
  get fieldOffset(): number {
    return this.parent ? this.parent.fieldCount : 0;
  }

  /** Number of arguments the constructor takes. */
  get initFieldCount(): number {
    return (this.parent ? this.parent.initFieldCount : 0) + this.ownInitFields;
  }

  isSubtypeOf(t: StructType): boolean {
    let s: StructType | null = this;
    while (s !== null) {
      if (s === t) return true;
      s = s.parent;
    }
    return false;
  }

  /** A property value from this type or an ancestor. */
  prop(p: StructProperty): Value | undefined {
    let s: StructType | null = this;
    while (s !== null) {
      const v = s.props.get(p);
      if (v !== undefined) return v;
      s = s.parent;
    }
    return undefined;
  }
}

export class StructInstance {
  constructor(
    readonly type: StructType,
    readonly fields: Value[],
  ) {}
}

export const propProcedure = new StructProperty('prop:procedure');
/** `prop:evt`: instances are events (the value: an event, a field index, or a procedure of the instance giving one). */
export const propEvt = new StructProperty('prop:evt');
/** A struct whose instances, bound with define-syntax, act as rename transformers (the property value: a field index or a procedure). */
export const propRenameTransformer = new StructProperty('prop:rename-transformer');
/** A struct whose instances act as set! transformers. */
export const propSetTransformer = new StructProperty('prop:set!-transformer');
/** Printing: a procedure (v port mode) that writes the instance. */
export const propCustomWrite = new StructProperty('prop:custom-write');
/** Printing: how the instance quotes at quote depth 0 ('self, 'never, 'maybe or 'always). */
export const propCustomPrintQuotable = new StructProperty('prop:custom-print-quotable');

/** The value of property `p` for instance `v`: a field when the property value is a field index of the type that has it. */
export function propertyField(v: StructInstance, p: StructProperty): { index: true; value: Value } | { index: false; value: Value } | null {
  let s: StructType | null = v.type;
  while (s !== null) {
    const pv = s.props.get(p);
    if (pv !== undefined) {
      if (typeof pv !== 'number') return { index: false, value: pv };
      const before = s.parent === null ? 0 : s.parent.fieldCount;
      return { index: true, value: v.fields[before + pv] };
    }
    s = s.parent;
  }
  return null;
}

/** `prop:authentic`: instances cannot be chaperoned or impersonated (any value; its presence counts). */
export const propAuthentic = new StructProperty('authentic');
/** `prop:sealed`: the type can have no subtypes (any value; its presence counts). */
export const propSealed = new StructProperty('sealed');
/** `prop:object-name`: an immutable field index or a procedure of the instance giving its object-name. */
export const propObjectName = new StructProperty('object-name');
/** `prop:checked-procedure`: field 0 checks two arguments, field 1 is the value extracted. */
export const propCheckedProcedure = new StructProperty('checked-procedure');
/** `prop:arity-string`: a procedure of the instance giving the arity shown in arity errors. */
export const propArityString = new StructProperty('arity-string');
/** `prop:method-arity-error` (mzscheme, #%kernel): arity errors for applying an instance hide its first argument. */
export const propMethodArityError = new StructProperty('method-arity-error');
