// From the core language to nodes: lexical addresses are resolved once, calls
// of known simple primitives become direct calls, and each node is marked
// simple or complex (see nodes.ts). Each node also records the procedure
// body it is in (its `owner`), which is how an error's context names the
// procedures on the continuation without any cost while code runs.

import type { Value } from '../values/types.js';
import type { Core, CoreLambda, LocalVar } from '../expand/core.js';
import { ProcInfo } from './proc-info.js';
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

/** The body the nodes being compiled are in. */
let owner: ProcInfo | null = null;
/** Compiling rkt's own library code, whose procedures contexts leave out. */
let hiddenCode = false;

/**
 * Compiles `c`. `body` is the module body or top level it is a form of
 * (null: code contexts do not show, as a library definition's);
 * `hidden`: rkt's own library code.
 */
export function compile(c: Core, body: ProcInfo | null = null, hidden = false): Node {
  const saved = [owner, hiddenCode] as const;
  owner = body;
  hiddenCode = hidden;
  try {
    return comp(c, null);
  } finally {
    [owner, hiddenCode] = saved;
  }
}

function comp(c: Core, sc: Scope | null): Node {
  const n = compNode(c, sc);
  if (n.owner === null) n.owner = owner;
  return n;
}

function compNode(c: Core, sc: Scope | null): Node {
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
      // The clauses are one procedure to a context.
      const first = c.clauses[0];
      const info = first === undefined ? undefined : new ProcInfo(first.anonymous ? null : c.name, first.loc ?? null, hiddenCode);
      return new CaseLambdaNode(
        c.clauses.map((l) => compLambda({ ...l, name: c.name }, sc, info)),
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
      const seq = rest.length === 1 ? rest[0] : new Seq(rest);
      seq.owner ??= owner;
      return new Begin0(es[0], seq);
    }
    case 'let-values':
    case 'letrec-values': {
      if (c.binds.length === 0) return comp(c.body, sc);
      const isRec = c.t === 'letrec-values';
      const vars = c.binds.flatMap((b) => b.vars);
      const inner = new Scope(vars, sc, isRec);
      const rhss = c.binds.map((b) => {
        if (isRec && owner !== null && b.vars.length === 1 && b.e.t === 'lambda' && isLoop(b.vars[0], b.e, c)) {
          const lam = b.e;
          const info = new ProcInfo(lam.anonymous ? null : lam.name, lam.loc ?? null, hiddenCode, owner.shown);
          const n = compLambda(lam, inner, info);
          n.owner = owner;
          return n;
        }
        return comp(b.e, isRec ? inner : sc);
      });
      return new Let(
        rhss,
        c.binds.map((b) => b.vars.length),
        comp(c.body, inner),
        isRec,
      );
    }
    case 'app': {
      // A named let, ((letrec ([loop (lambda ...)]) loop) arg ...): the same as
      // (letrec ([loop (lambda ...)]) (loop arg ...)), where the loop is seen to be one.
      const lr = c.f;
      if (lr.t === 'letrec-values' && lr.body.t === 'lref' && lr.binds.some((b) => b.vars.includes((lr.body as { v: LocalVar }).v)))
        return compNode({ ...lr, body: { t: 'app', f: lr.body, args: c.args, loc: c.loc } }, sc);
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

function compLambda(c: CoreLambda, sc: Scope | null, info?: ProcInfo): LambdaNode {
  const params = [...c.req, ...c.opt, ...(c.rest ? [c.rest] : [])];
  const inner = new Scope(params, sc, false);
  // A JS macro's thunk (parameterize's, with-handlers') is part of the code around it, as in Racket.
  const own =
    info ??
    new ProcInfo(
      c.anonymous ? null : c.name,
      c.loc ?? null,
      hiddenCode,
      c.introduced === true && owner !== null ? owner.shown : null,
      false,
      c.printWrapper === true,
    );
  const outer = owner;
  owner = own;
  let body: Node;
  try {
    body = comp(c.body, inner);
  } finally {
    owner = outer;
  }
  return new LambdaNode(c.req.length, c.opt.length, c.rest !== null, body, c.name, own);
}

/**
 * Whether letrec variable `v`, bound to `lam` in `letrec`, is a loop: every
 * reference to it is a call, and those inside `lam` are in its tail
 * position. Racket CS compiles such a loop into the code around it, so its
 * frames are that code's (a named let or a `for` inside `f` shows as `f`).
 */
function isLoop(v: LocalVar, lam: CoreLambda, letrec: Core & { binds: { e: Core }[]; body: Core }): boolean {
  if (v.mutated || !mentions(lam.body, v) || !onlyCalls(lam.body, v, true)) return false;
  for (const b of letrec.binds) if (b.e !== lam && !onlyCalls(b.e, v, false)) return false;
  return onlyCalls(letrec.body, v, false);
}

/**
 * Whether every reference to `v` in `c` is the operator of a call, in tail
 * position (of the loop's lambda) where `tail` is true, anywhere outside the
 * loop (`tail` false at the top). References inside other lambdas fail.
 */
function onlyCalls(c: Core, v: LocalVar, tail: boolean, inLoop = tail): boolean {
  switch (c.t) {
    case 'quote':
    case 'gref':
      return true;
    case 'lref':
      return c.v !== v;
    case 'lset':
    case 'gset':
      return (c.t === 'gset' || c.v !== v) && onlyCalls(c.e, v, false, inLoop);
    case 'define-values':
      return onlyCalls(c.e, v, false, inLoop);
    case 'lambda':
      return !mentions(c.body, v);
    case 'case-lambda':
      return c.clauses.every((l) => !mentions(l.body, v));
    case 'if':
      return onlyCalls(c.c, v, false, inLoop) && onlyCalls(c.th, v, tail, inLoop) && onlyCalls(c.el, v, tail, inLoop);
    case 'begin':
      return c.es.every((e, i) => onlyCalls(e, v, i === c.es.length - 1 && tail, inLoop));
    case 'begin0':
      return c.es.every((e) => onlyCalls(e, v, false, inLoop));
    case 'let-values':
    case 'letrec-values':
      return c.binds.every((b) => onlyCalls(b.e, v, false, inLoop)) && onlyCalls(c.body, v, tail, inLoop);
    case 'app': {
      const args = c.args.every((a) => onlyCalls(a, v, false, inLoop));
      if (c.f.t === 'lref' && c.f.v === v) return args && (tail || !inLoop);
      return args && onlyCalls(c.f, v, false, inLoop);
    }
    case 'wcm':
      return onlyCalls(c.key, v, false, inLoop) && onlyCalls(c.val, v, false, inLoop) && onlyCalls(c.body, v, false, inLoop);
  }
}

/** Whether `c` refers to `v` at all. */
function mentions(c: Core, v: LocalVar): boolean {
  return !onlyCalls(c, v, false, true);
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
