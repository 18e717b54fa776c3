// From the core language to nodes: lexical addresses are resolved once, calls
// of known simple primitives become direct calls, and each node is marked
// simple or complex (see nodes.ts).

import type { Value } from '../values/types.js';
import type { Core, CoreLambda, LocalVar } from '../expand/core.js';
import {
  App,
  Begin0,
  CaseLambdaNode,
  CheckedLocalRef,
  Const,
  DefineValues,
  GlobalRef,
  If,
  IfSimple,
  LambdaNode,
  Let,
  LocalRef,
  LocalRef0,
  LocalRef1,
  PrimApp,
  Seq,
  SeqSimple,
  SetGlobal,
  SetLocal,
  SingleValue,
  WithMark,
  type Node,
} from './nodes.js';
import { MachinePrimitive, Primitive } from './procedures.js';

/** The compile-time picture of one environment frame. */
class Scope {
  constructor(
    readonly vars: LocalVar[],
    readonly parent: Scope | null,
    /** Variables of a letrec frame may be read before they are initialized. */
    readonly checked: boolean,
  ) {}
}

export function compile(c: Core): Node {
  return comp(c, null);
}

function comp(c: Core, sc: Scope | null): Node {
  switch (c.t) {
    case 'quote':
      return new Const(c.v);
    case 'lref': {
      const [depth, index, checked] = address(sc, c.v);
      if (checked) return new CheckedLocalRef(depth, index, c.v.name);
      if (depth === 0) return new LocalRef0(index);
      if (depth === 1) return new LocalRef1(index);
      return new LocalRef(depth, index);
    }
    case 'gref':
      return new GlobalRef(c.v, c.loc);
    case 'lset': {
      const [depth, index] = address(sc, c.v);
      return new SetLocal(depth, index, comp(c.e, sc));
    }
    case 'gset':
      return new SetGlobal(c.v, comp(c.e, sc), false);
    case 'define-values':
      if (c.vars.length === 1) return new SetGlobalDefinition(c.vars[0], comp(c.e, sc));
      return new DefineValues(c.vars, comp(c.e, sc));
    case 'lambda':
      return compLambda(c, sc);
    case 'case-lambda': {
      if (c.clauses.length === 1) return compLambda({ ...c.clauses[0], name: c.name }, sc);
      return new CaseLambdaNode(
        c.clauses.map((l) => compLambda({ ...l, name: c.name }, sc)),
        c.name,
      );
    }
    case 'if': {
      // (if (not e) a b) is (if e b a): one call fewer on a hot path.
      if (isNotCall(c.c)) return comp({ t: 'if', c: (c.c as { args: Core[] }).args[0], th: c.el, el: c.th }, sc);
      const test = comp(c.c, sc);
      const th = comp(c.th, sc);
      const el = comp(c.el, sc);
      if (test instanceof Const) return test.v !== false ? th : el;
      return test.simple && th.simple && el.simple ? new IfSimple(test, th, el) : new If(test, th, el);
    }
    case 'begin': {
      if (c.es.length === 0) throw new Error('internal: empty begin');
      const es = c.es.map((e) => comp(e, sc));
      if (es.length === 1) return es[0];
      return es.every((e) => e.simple) ? new SeqSimple(es) : new Seq(es);
    }
    case 'begin0': {
      const es = c.es.map((e) => comp(e, sc));
      if (es.length === 1) return es[0];
      const rest = es.slice(1);
      return new Begin0(es[0], rest.length === 1 ? rest[0] : new Seq(rest));
    }
    case 'let-values':
    case 'letrec-values': {
      if (c.binds.length === 0) return comp(c.body, sc);
      const isRec = c.t === 'letrec-values';
      const vars = c.binds.flatMap((b) => b.vars);
      const inner = new Scope(vars, sc, isRec);
      const rhss = c.binds.map((b) => comp(b.e, isRec ? inner : sc));
      return new Let(
        rhss,
        c.binds.map((b) => b.vars.length),
        comp(c.body, inner),
        isRec,
      );
    }
    case 'app': {
      const f = comp(c.f, sc);
      const args = c.args.map((a) => comp(a, sc));
      if (args.length === 1 && isValuesPrimitive(f)) return args[0].simple ? args[0] : new SingleValue(args[0]);
      const prim = knownPrimitive(f);
      if (prim?.simple && !prim.multiValued && args.every((a) => a.simple) && arityOk(prim, args.length)) {
        return PrimApp.make(prim, args);
      }
      return new App(f, args, c.loc);
    }
    case 'wcm':
      return new WithMark(comp(c.key, sc), comp(c.val, sc), comp(c.body, sc));
  }
}

function compLambda(c: CoreLambda, sc: Scope | null): LambdaNode {
  const params = [...c.req, ...c.opt, ...(c.rest ? [c.rest] : [])];
  const inner = new Scope(params, sc, false);
  return new LambdaNode(c.req.length, c.opt.length, c.rest !== null, comp(c.body, inner), c.name);
}

/** (depth, slot index, whether the read must be checked for initialization). */
function address(sc: Scope | null, v: LocalVar): [number, number, boolean] {
  let depth = 0;
  for (let s = sc; s !== null; s = s.parent, depth++) {
    const i = s.vars.indexOf(v);
    if (i >= 0) return [depth, i + 1, s.checked];
  }
  throw new Error(`internal: unbound local ${v.name}`);
}

/** The primitive a node always denotes, when the compiler can know it. */
function knownPrimitive(f: Node): Primitive | null {
  if (f instanceof GlobalRef && f.cell.constant) {
    const v: Value = f.cell.value;
    if (v instanceof Primitive) return v;
  }
  if (f instanceof Const && f.v instanceof Primitive) return f.v;
  return null;
}

/** Whether a node always denotes racket/base's `values` (the machine primitive of that name). */
function isValuesPrimitive(f: Node): boolean {
  const v: Value = f instanceof GlobalRef && f.cell.constant ? f.cell.value : f instanceof Const ? f.v : undefined;
  return v instanceof MachinePrimitive && v.name === 'values' && v.min === 0 && v.max === -1;
}

/** A call of racket/base's `not` on one argument. */
function isNotCall(c: Core): boolean {
  if (c.t !== 'app' || c.args.length !== 1) return false;
  const f = c.f;
  const v = f.t === 'gref' && f.v.constant ? f.v.value : f.t === 'quote' ? f.v : undefined;
  return v instanceof Primitive && v.name === 'not' && v.min === 1 && v.max === 1;
}

function arityOk(p: Primitive, n: number): boolean {
  return n >= p.min && (p.max < 0 || n <= p.max);
}

/** `define-values` of one variable: assigns without the multiple-values check. */
class SetGlobalDefinition extends SetGlobal {
  constructor(cell: ConstructorParameters<typeof SetGlobal>[0], rhs: Node) {
    super(cell, rhs, true);
  }
}
