// Compile-time values with a meaning to the expander: what `define-syntax`
// can bind besides a transformer procedure.

import type { LocalVar } from './core.js';
import { customPrint, printNamed } from '../values/printable.js';
import type { Scope, Syntax } from '../values/syntax.js';
import type { Value } from '../values/types.js';
import { StructInstance, StructProperty, StructType, propProcedure } from '../values/struct.js';

/** `make-rename-transformer`: a use of the bound identifier is a use of `target`. */
export class RenameTransformer {
  constructor(readonly target: Syntax) {}
  [customPrint](): string {
    return printNamed('rename-transformer');
  }
}

/** `make-set!-transformer`: `proc` also transforms `(set! id e)`. */
export class SetTransformer {
  constructor(readonly proc: Value) {}
  [customPrint](): string {
    return printNamed('set!-transformer');
  }
}

/**
 * A pattern variable of `syntax-case` or `with-syntax`: `v` holds, at run
 * time, what it matched (a syntax object at depth 0, a JS array of matches
 * per ellipsis level above that).
 */
export class PatternVariable {
  constructor(
    /** The variable holding the matched value (what templates read)... */
    readonly v: LocalVar,
    readonly depth: number,
    /** ...or, for define/syntax-parse, an identifier bound to it in a definition context. */
    readonly ref: Syntax | null = null,
  ) {}
  [customPrint](): string {
    return printNamed('syntax-mapping');
  }
}

/**
 * A syntax parameter (racket/stxparam): a keyword whose transformer
 * `syntax-parameterize` rebinds while it expands its body.
 */
export class SyntaxParameter {
  constructor(readonly defaultValue: Value) {}
  [customPrint](): string {
    return printNamed('syntax-parameter');
  }
}

/**
 * `define-match-expander`: a transformer of match patterns, and optionally
 * of expressions (a use outside a pattern).
 */
export class MatchExpander {
  constructor(
    readonly patternProc: Value,
    readonly expressionProc: Value | null,
  ) {}
  [customPrint](): string {
    return printNamed('match-expander');
  }
}

/** The macro application being expanded: what `syntax-local-introduce`, `syntax-local-name` and friends see. */
export interface TransformerFrame {
  /** The macro-introduction scope of this application. */
  readonly intro: Scope;
  /** The form being transformed, as the transformer received it. */
  readonly form: Syntax;
  /** The expansion context: `'expression`, `'module`, `'top-level`, or an internal-definition context. */
  readonly context: 'expression' | 'module' | 'top-level' | 'internal-definition';
  /** The name of the binding whose right-hand side is being expanded, if any. */
  readonly name: string | null;
}

/** A field of a structure type, for `match` and `struct-copy`: its name, accessor, and the struct that declares it. */
export interface StructField {
  readonly name: string;
  readonly accessor: Syntax;
  readonly owner: string;
}

/**
 * What `struct` binds its name to: the static information about the
 * structure type (Racket's struct-info). Where the struct name is also the
 * constructor, a use of it in an expression is a use of `ctor`.
 */
export class StructInfo {
  constructor(
    readonly name: string,
    /** The struct's name as bound. */
    readonly self: Syntax,
    readonly type: Syntax,
    readonly ctor: Syntax,
    readonly pred: Syntax,
    /** Every field, the parent's first. */
    readonly fields: readonly StructField[],
    /** The mutators of the struct's own fields, by own-field index (null: immutable). */
    readonly mutators: readonly (Syntax | null)[],
    /** The parent's struct info, if it has one. */
    readonly parent: StructInfo | null,
    /** The parent's type identifier (false: no parent). */
    readonly parentType: Syntax | false,
    /** The struct name stands for the constructor in expressions. */
    readonly nameIsConstructor: boolean,
    /** Other names the constructor is bound to (#:extra-constructor-name). */
    readonly extraNames: readonly Syntax[],
  ) {}

  /** The struct's own fields. */
  get ownFields(): readonly StructField[] {
    return this.fields.slice(this.parent === null ? 0 : this.parent.fields.length);
  }

  [customPrint](): string {
    return printNamed('struct-info', this.name);
  }
}

// racket/struct-info's other kinds of static struct information: a
// make-struct-info value (an applicable structure of its thunk) and a
// structure whose type has prop:struct-info (a procedure of the instance);
// prop:struct-auto-info and prop:struct-field-info add what struct-copy and
// friends read from them.
export const propStructInfo = new StructProperty('struct-info');
export const propStructAutoInfo = new StructProperty('struct-auto-info');
export const propStructFieldInfo = new StructProperty('struct-field-info');
export const structInfoT = new StructType(
  'struct-info',
  null,
  1,
  0,
  false,
  new Map<StructProperty, Value>([[propProcedure, 0]]),
  false,
  null,
  new Set(),
);

/** The procedure and arguments that give `v`'s struct info list, or null when it has none that way. */
export function structInfoSource(v: Value): { proc: Value; args: Value[] } | null {
  if (!(v instanceof StructInstance)) return null;
  if (v.type === structInfoT) return { proc: v.fields[0], args: [] };
  const p = v.type.prop(propStructInfo);
  return p === undefined ? null : { proc: p, args: [v] };
}

/** What `syntax-local-context` reports in an internal-definition context (a body): Racket's opaque context value, in a list. */
export class LiberalDefineContext {
  [customPrint](): string {
    return '#<liberal-define-context>';
  }
}

/**
 * The opaque half of `syntax-local-expand-expression`'s result: a syntax
 * object whose content stands for an expression already expanded, which the
 * expander uses as it is.
 */
export class ExpandedSyntax {
  constructor(readonly expanded: Syntax) {}
  [customPrint](): string {
    return '#<expanded-syntax>';
  }
}

/** `make-portal-syntax`: a compile-time value that only carries syntax, for identifier-binding-portal-syntax to find. */
export class PortalSyntax {
  constructor(readonly content: Syntax) {}
  [customPrint](): string {
    return '#<portal-syntax>';
  }
}

/**
 * `define-sequence-syntax`'s compile-time value, as Racket's: an applicable
 * struct whose procedure (field 0) transforms uses of the name as an
 * expression and whose field 1 transforms a `for` clause that uses it.
 */
export const sequenceTransformerType = new StructType(
  'sequence-transformer',
  null,
  2,
  0,
  false,
  new Map([[propProcedure, 0]]),
  false,
  null,
  new Set(),
);

/** `define-splicing-for-clause-syntax`'s compile-time value: field 0 transforms a `#:splice` clause into clauses. */
export const splicingForClauseTransformerType = new StructType(
  'splicing-for-clause-transformer',
  null,
  1,
  0,
  false,
  new Map(),
  false,
  null,
  new Set(),
);

/** The clause transformer of a sequence syntax, or null when `v` is none. */
export function sequenceClauseTransformer(v: Value): Value | null {
  return v instanceof StructInstance && v.type === sequenceTransformerType ? v.fields[1] : null;
}

/** The transformer of a splicing for-clause syntax, or null when `v` is none. */
export function splicingForClauseTransformer(v: Value): Value | null {
  return v instanceof StructInstance && v.type === splicingForClauseTransformerType ? v.fields[0] : null;
}

/** What a gen:NAME identifier is bound to: the property (a runtime internal) and the method names. */
export class GenericInfo {
  constructor(
    readonly name: string,
    readonly property: string,
    readonly methods: readonly string[],
    /** For an interface define-generics makes: the variable holding its property (else `property` names a runtime internal). */
    readonly propertyId: Syntax | null = null,
    /** For such an interface: the property's predicate and accessor (redirect-generics wraps the accessor). */
    readonly predicateId: Syntax | null = null,
    readonly accessorId: Syntax | null = null,
  ) {}
  [customPrint](): string {
    return '#<generic-info>';
  }
}
