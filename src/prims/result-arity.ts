// procedure-result-arity. Racket CS answers from what its compiler knows of
// a procedure: 1 when it is known to return one value, #f otherwise (never
// another count, even for (lambda (x) (values x x))). rkt answers the same
// way: racket/base's procedures from Racket's own answers
// (result-arities-data.ts, written by scripts/result-arities.rkt), struct
// and property procedures as Racket makes them, and closures by a simple
// inference over their compiled bodies, which says 1 only where the value
// in tail position is evidently one value.

import {
  App,
  Begin0,
  CaseClosure,
  CaseLambdaNode,
  CheckedLocalRef,
  Closure,
  Const,
  GlobalRef,
  If,
  IfSimple,
  LambdaNode,
  Let,
  LocalRef,
  LocalRef0,
  LocalRef1,
  type Node,
  PrimApp,
  Seq,
  SeqSimple,
  SetGlobal,
  SetLocal,
  SingleValue,
  WithMark,
} from '../eval/nodes.js';
import { MachinePrimitive, Parameter, Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { ProcedureImpersonator } from '../values/impersonator.js';
import { StructInstance, propProcedure } from '../values/struct.js';
import type { Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { impersonatorPropertyProcedureKind } from './impersonators.js';
import { SINGLE_RESULT_CALLS, SINGLE_RESULT_PROCEDURES } from './result-arities-data.js';
import { libraryProcedureName, originalProcedure } from './result-arity-sources.js';
import { fieldOperation, isStructFormMutator, structProcedureKind } from './structs.js';
import { propertyProcedureKind } from './struct-types.js';
import type { PrimTable } from './table.js';

const SINGLE_NAMES = new Set(SINGLE_RESULT_PROCEDURES);
const SINGLE_CALL_NAMES = new Set(SINGLE_RESULT_CALLS);

/** The table's racket/base procedures Racket answers 1 for (filled on first use). */
const singlePrimitives = new WeakSet<object>();
/** The table's racket/base procedures a call of which Racket knows to return one value. */
const singleCallPrimitives = new WeakSet<object>();
/** All of the table's racket/base procedures, whichever their answers. */
const tablePrimitives = new WeakSet<object>();

/**
 * What is known of what an expression returns: one value, or possibly
 * another number of values (false), or only what a recursive call of a
 * procedure being inferred returns. Like Racket's compiler, the inference
 * knows no loop's results: a procedure that returns from a recursive call
 * and also otherwise is not known; one that only calls itself is (it never
 * returns), though not at its callers.
 */
type Results = 1 | false | 'recursive';

function join(a: Results, b: Results): Results {
  if (a === b) return a;
  return false;
}

/** The results of alternatives (the clauses of a case-lambda: none is 1). */
function joinAll(rs: Results[]): Results {
  return rs.length === 0 ? 1 : rs.reduce(join);
}

/** A scope of the compiled code: for each slot, the lambda bound there by a let or letrec, with the scopes it closes over. */
interface Scope {
  readonly lambdas: Map<number, { node: LambdaNode | CaseLambdaNode; scopes: Scope[] }>;
}
const EMPTY_SCOPE: Scope = { lambdas: new Map() };

class Inference {
  /** The lambdas whose results are being inferred: a call to one of them contributes nothing. */
  private readonly active = new Set<LambdaNode>();

  ofValue(v: Value): Results {
    if (typeof v === 'object' && v !== null && tablePrimitives.has(v)) return singlePrimitives.has(v) ? 1 : false;
    const name = libraryProcedureName(v);
    if (name !== undefined) return SINGLE_NAMES.has(name) ? 1 : false;
    const original = originalProcedure(v);
    if (original !== undefined) return this.ofValue(original);
    if (v instanceof Closure) return this.ofLambda(v.lam, []);
    if (v instanceof CaseClosure) return joinAll(v.clauses.map((c) => this.ofLambda(c.lam, [])));
    if (v instanceof Primitive || v instanceof MachinePrimitive) return this.ofPrimitive(v);
    if (v instanceof Parameter) return v.derived === null ? 1 : false;
    if (v instanceof ProcedureImpersonator) return this.ofValue(v.target);
    if (v instanceof StructInstance) return v.type.prop(propProcedure) !== undefined ? 1 : false;
    // Continuations, keyword procedures and the rest.
    return false;
  }

  private ofPrimitive(p: Primitive | MachinePrimitive): Results {
    switch (structProcedureKind(p)) {
      case 'constructor':
        // A constructor with guards calls them: Racket cannot tell what it returns.
        return p instanceof Primitive ? 1 : false;
      case 'predicate':
        return 1;
      case 'accessor':
        // The generic `name-ref` is not known to Racket's compiler; the field accessors are.
        return fieldOperation(p) !== undefined ? 1 : false;
      case 'mutator':
        return isStructFormMutator(p) ? 1 : false;
    }
    const kind = propertyProcedureKind(p) ?? impersonatorPropertyProcedureKind(p);
    if (kind !== null) return kind === 'predicate' ? 1 : false;
    return false;
  }

  private ofLambda(lam: LambdaNode, scopes: Scope[]): Results {
    if (this.active.has(lam)) return 'recursive';
    this.active.add(lam);
    try {
      return this.of(lam.body, [EMPTY_SCOPE, ...scopes]);
    } finally {
      this.active.delete(lam);
    }
  }

  private of(n: Node, scopes: Scope[]): Results {
    if (
      n instanceof Const ||
      n instanceof LocalRef0 ||
      n instanceof LocalRef1 ||
      n instanceof LocalRef ||
      n instanceof CheckedLocalRef ||
      n instanceof GlobalRef ||
      n instanceof LambdaNode ||
      n instanceof CaseLambdaNode ||
      n instanceof SetLocal ||
      n instanceof SetGlobal ||
      n instanceof SingleValue
    )
      return 1;
    if (n instanceof IfSimple || n instanceof If) return join(this.of(n.th, scopes), this.of(n.el, scopes));
    if (n instanceof SeqSimple || n instanceof Seq) return this.of(n.es[n.es.length - 1], scopes);
    if (n instanceof Begin0) return this.of(n.first, scopes);
    // A key that may be a wrapped mark key runs its set procedure: Racket knows nothing then.
    if (n instanceof WithMark) return n.key instanceof Const ? this.of(n.body, scopes) : false;
    if (n instanceof Let) return this.of(n.body, [this.letScope(n, scopes), ...scopes]);
    if (n instanceof PrimApp) return this.ofCallee(n.prim);
    if (n instanceof App) return this.ofCall(n.fn, scopes);
    return false;
  }

  /** The scope a let or letrec makes, with the lambdas it binds to single variables. */
  private letScope(n: Let, scopes: Scope[]): Scope {
    const scope: Scope = { lambdas: new Map() };
    let slot = 1;
    for (let i = 0; i < n.rhss.length; i++) {
      const rhs = n.rhss[i];
      if (n.counts[i] === 1 && (rhs instanceof LambdaNode || rhs instanceof CaseLambdaNode)) {
        // A letrec's right-hand sides close over its own scope; a let's over the scope around it.
        scope.lambdas.set(slot, { node: rhs, scopes: n.isRec ? [scope, ...scopes] : scopes });
      }
      slot += n.counts[i];
    }
    return scope;
  }

  private ofCall(f: Node, scopes: Scope[]): Results {
    if (f instanceof GlobalRef) return f.cell.constant && f.cell.value !== undefined ? this.ofCallee(f.cell.value) : false;
    if (f instanceof Const) return isProcedure(f.v) ? this.ofCallee(f.v) : false;
    // ((letrec ([loop (lambda ...)]) loop) arg ...): a named let.
    if (f instanceof Let) return this.ofCall(f.body, [this.letScope(f, scopes), ...scopes]);
    const local = localLambda(f, scopes);
    if (local === null) return false;
    const { node, scopes: closed } = local;
    const r = node instanceof LambdaNode ? this.ofLambda(node, closed) : joinAll(node.clauses.map((c) => this.ofLambda(c, closed)));
    return this.atCaller(node, r);
  }

  /** What a call of the procedure `v` returns. */
  private ofCallee(v: Value): Results {
    if (typeof v === 'object' && v !== null && tablePrimitives.has(v)) return singleCallPrimitives.has(v) ? 1 : false;
    const name = libraryProcedureName(v);
    if (name !== undefined) return SINGLE_CALL_NAMES.has(name) ? 1 : false;
    if (v instanceof Closure) return this.atCaller(v.lam, this.ofLambda(v.lam, []));
    return this.ofValue(v);
  }

  /** What a call of `callee` gives its caller: a procedure that only recurs is unknown there, unless the call is itself a recursion. */
  private atCaller(callee: LambdaNode | CaseLambdaNode, r: Results): Results {
    if (r !== 'recursive' || (callee instanceof LambdaNode && this.active.has(callee))) return r;
    return false;
  }
}

/** The lambda a local variable reference is known to denote (bound by let or letrec, never assigned), if any. */
function localLambda(f: Node, scopes: Scope[]): { node: LambdaNode | CaseLambdaNode; scopes: Scope[] } | null {
  const [depth, index] =
    f instanceof LocalRef0
      ? [0, f.index]
      : f instanceof LocalRef1
        ? [1, f.index]
        : f instanceof LocalRef || f instanceof CheckedLocalRef
          ? [f.depth, f.index]
          : [-1, 0];
  if (depth < 0 || depth >= scopes.length) return null;
  return scopes[depth].lambdas.get(index) ?? null;
}

export function resultArity(v: Value): Value {
  const r = new Inference().ofValue(v);
  return r === false ? false : 1;
}

export function installResultArity(t: PrimTable): void {
  t.fn('procedure-result-arity', 1, 1, (f: Value) => {
    if (!isProcedure(f)) return argError('procedure-result-arity', 'procedure?', f);
    if (!indexedTables.has(t)) indexTable(t);
    return resultArity(f);
  });
}

const indexedTables = new WeakSet<PrimTable>();
/** Marks the table's racket/base procedures by what Racket answers for them (once every primitive is installed). */
function indexTable(t: PrimTable): void {
  indexedTables.add(t);
  for (const d of t.defs) {
    if (d.library !== 'racket/base' || typeof d.value !== 'object' || d.value === null || !isProcedure(d.value)) continue;
    tablePrimitives.add(d.value);
    if (SINGLE_NAMES.has(d.name)) singlePrimitives.add(d.value);
    if (SINGLE_CALL_NAMES.has(d.name)) singleCallPrimitives.add(d.value);
  }
}
