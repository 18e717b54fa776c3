// Compiled nodes: the core language with lexical addresses resolved, ready to run.
//
// A node is either *simple* — it cannot capture a continuation, block, or call
// a Racket procedure, so `ev` computes its value directly on the JS stack
// (constants, variable references, lambda, calls of simple primitives on
// simple arguments) — or *complex*, run by `exec` on the machine, which keeps
// the continuation on the heap. Most arithmetic and data access is simple, so
// the machine only steps at calls of Racket procedures and at control points.

import type { SrcLoc } from '../values/syntax.js';
import { MultipleValues, VOID, type Value } from '../values/types.js';
import { bindingArityError, resultArityError, undefinedVariable, useBeforeInit } from '../runtime/errors.js';
import type { TopVar } from './core.js';
import { Frame, MarkEntry, MarkFrame, PromptFrame } from './frames.js';
import type { Machine } from './machine.js';
import { CaseClosure, Closure, Primitive, type Env } from './procedures.js';

export abstract class Node {
  abstract readonly simple: boolean;
  /** Direct evaluation; only for simple nodes. */
  ev(_m: Machine, _env: Env): Value {
    throw new Error('internal: ev on a complex node');
  }
  /** Run on the machine: leave it returning a value (node = null) or about to run a node. */
  abstract exec(m: Machine): void;
}

abstract class SimpleNode extends Node {
  readonly simple = true;
  exec(m: Machine): void {
    m.val = this.ev(m, m.env);
    m.node = null;
  }
}

/** The value of a frame's awaited subexpression, which must be a single value. */
export function single(v: Value): Value {
  if (v instanceof MultipleValues) resultArityError(1, v.vals.length);
  return v;
}

export class Const extends SimpleNode {
  constructor(readonly v: Value) {
    super();
  }
  override ev(): Value {
    return this.v;
  }
}

export class LocalRef0 extends SimpleNode {
  constructor(readonly index: number) {
    super();
  }
  override ev(_m: Machine, env: Env): Value {
    return env[this.index];
  }
}

export class LocalRef1 extends SimpleNode {
  constructor(readonly index: number) {
    super();
  }
  override ev(_m: Machine, env: Env): Value {
    return (env[0] as Env)[this.index];
  }
}

export class LocalRef extends SimpleNode {
  constructor(
    readonly depth: number,
    readonly index: number,
  ) {
    super();
  }
  override ev(_m: Machine, env: Env): Value {
    let e = env;
    for (let d = this.depth; d > 0; d--) e = e[0] as Env;
    return e[this.index];
  }
}

/** A reference to a letrec-bound or internally defined variable, which may not be initialized yet. */
export class CheckedLocalRef extends SimpleNode {
  constructor(
    readonly depth: number,
    readonly index: number,
    readonly name: string,
  ) {
    super();
  }
  override ev(_m: Machine, env: Env): Value {
    let e = env;
    for (let d = this.depth; d > 0; d--) e = e[0] as Env;
    const v = e[this.index];
    if (v === undefined) useBeforeInit(this.name);
    return v;
  }
}

export class GlobalRef extends SimpleNode {
  constructor(
    readonly cell: TopVar,
    readonly loc: SrcLoc | null,
  ) {
    super();
  }
  override ev(): Value {
    const v = this.cell.value;
    if (v === undefined) undefinedVariable(this.cell.name, this.cell.moduleDescription);
    return v;
  }
}

// ---------------------------------------------------------------- set!

/** Evaluates `rhs` (simple or not) and hands its single value to `assign`. */
abstract class AssignNode extends Node {
  readonly simple: boolean;
  constructor(readonly rhs: Node) {
    super();
    this.simple = rhs.simple;
  }
  abstract assign(env: Env, v: Value): void;
  override ev(m: Machine, env: Env): Value {
    this.assign(env, this.rhs.ev(m, env));
    return VOID;
  }
  exec(m: Machine): void {
    if (this.rhs.simple) {
      this.assign(m.env, this.rhs.ev(m, m.env));
      m.val = VOID;
      m.node = null;
    } else {
      m.stack.push(new AssignFrame(this, m.env));
      m.node = this.rhs;
    }
  }
}

class AssignFrame extends Frame {
  constructor(
    readonly node: AssignNode,
    readonly env: Env,
  ) {
    super();
  }
  resume(m: Machine): void {
    this.node.assign(this.env, single(m.val));
    m.val = VOID;
  }
}

export class SetLocal extends AssignNode {
  constructor(
    readonly depth: number,
    readonly index: number,
    rhs: Node,
  ) {
    super(rhs);
  }
  assign(env: Env, v: Value): void {
    let e = env;
    for (let d = this.depth; d > 0; d--) e = e[0] as Env;
    e[this.index] = v;
  }
}

export class SetGlobal extends AssignNode {
  constructor(
    readonly cell: TopVar,
    rhs: Node,
    /** `define-values` initializes; `set!` requires an existing definition. */
    readonly isDefinition: boolean,
  ) {
    super(rhs);
  }
  assign(_env: Env, v: Value): void {
    if (!this.isDefinition && this.cell.value === undefined) {
      undefinedVariable(this.cell.name, this.cell.moduleDescription);
    }
    this.cell.value = v;
  }
}

/** `define-values` of several module-level variables. */
export class DefineValues extends Node {
  readonly simple = false;
  constructor(
    readonly cells: TopVar[],
    readonly rhs: Node,
  ) {
    super();
  }
  exec(m: Machine): void {
    m.stack.push(new DefineValuesFrame(this));
    m.node = this.rhs;
  }
}

class DefineValuesFrame extends Frame {
  constructor(readonly node: DefineValues) {
    super();
  }
  resume(m: Machine): void {
    const cells = this.node.cells;
    const vals = valuesOf(m.val, cells.length, `definition of ${cells[0].name} ...`, 'define-values: ');
    for (let i = 0; i < cells.length; i++) cells[i].value = vals[i];
    m.val = VOID;
  }
}

/** The values delivered to a binding form that expects `n` of them. */
export function valuesOf(v: Value, n: number, context = 'local-binding form', prefix = ''): Value[] {
  const vals = v instanceof MultipleValues ? v.vals : [v];
  if (vals.length !== n) bindingArityError(n, vals, context, prefix);
  return vals;
}

// ---------------------------------------------------------------- lambda

export class LambdaNode extends SimpleNode {
  /** Argument count when the lambda has only required parameters, else -1. */
  readonly fixed: number;
  constructor(
    readonly nreq: number,
    readonly nopt: number,
    readonly hasRest: boolean,
    /** Slots in the frame: parameters, then nothing else (bodies allocate their own frames). */
    readonly body: Node,
    public name: string | null,
  ) {
    super();
    this.fixed = nopt === 0 && !hasRest ? nreq : -1;
  }
  override ev(_m: Machine, env: Env): Value {
    return new Closure(this, env);
  }
  get maxArgs(): number {
    return this.hasRest ? -1 : this.nreq + this.nopt;
  }
}

export class CaseLambdaNode extends SimpleNode {
  constructor(
    readonly clauses: LambdaNode[],
    readonly name: string | null,
  ) {
    super();
  }
  override ev(_m: Machine, env: Env): Value {
    return new CaseClosure(
      this.clauses.map((c) => new Closure(c, env)),
      this.name,
    );
  }
}

// ---------------------------------------------------------------- if

export class IfSimple extends SimpleNode {
  constructor(
    readonly c: Node,
    readonly th: Node,
    readonly el: Node,
  ) {
    super();
  }
  override ev(m: Machine, env: Env): Value {
    return this.c.ev(m, env) !== false ? this.th.ev(m, env) : this.el.ev(m, env);
  }
}

export class If extends Node {
  readonly simple = false;
  constructor(
    readonly c: Node,
    readonly th: Node,
    readonly el: Node,
  ) {
    super();
  }
  exec(m: Machine): void {
    if (this.c.simple) {
      m.node = this.c.ev(m, m.env) !== false ? this.th : this.el;
    } else {
      m.stack.push(new IfFrame(this, m.env));
      m.node = this.c;
    }
  }
}

class IfFrame extends Frame {
  constructor(
    readonly node: If,
    readonly env: Env,
  ) {
    super();
  }
  resume(m: Machine): void {
    m.env = this.env;
    m.node = single(m.val) !== false ? this.node.th : this.node.el;
  }
}

// ---------------------------------------------------------------- begin

export class SeqSimple extends SimpleNode {
  constructor(readonly es: Node[]) {
    super();
  }
  override ev(m: Machine, env: Env): Value {
    const es = this.es;
    const last = es.length - 1;
    for (let i = 0; i < last; i++) es[i].ev(m, env);
    return es[last].ev(m, env);
  }
}

export class Seq extends Node {
  readonly simple = false;
  constructor(readonly es: Node[]) {
    super();
  }
  exec(m: Machine): void {
    this.runFrom(m, m.env, 0);
  }
  runFrom(m: Machine, env: Env, i: number): void {
    const es = this.es;
    const last = es.length - 1;
    for (; i < last; i++) {
      const e = es[i];
      if (e.simple) e.ev(m, env);
      else {
        m.stack.push(new SeqFrame(this, env, i + 1));
        m.env = env;
        m.node = e;
        return;
      }
    }
    m.env = env;
    m.node = es[last];
  }
}

class SeqFrame extends Frame {
  constructor(
    readonly node: Seq,
    readonly env: Env,
    readonly next: number,
  ) {
    super();
  }
  resume(m: Machine): void {
    this.node.runFrom(m, this.env, this.next);
  }
}

export class Begin0 extends Node {
  readonly simple = false;
  constructor(
    readonly first: Node,
    readonly rest: Node,
  ) {
    super();
  }
  exec(m: Machine): void {
    m.stack.push(new Begin0Frame(this, m.env));
    m.node = this.first;
  }
}

class Begin0Frame extends Frame {
  constructor(
    readonly node: Begin0,
    readonly env: Env,
  ) {
    super();
  }
  resume(m: Machine): void {
    m.stack.push(new RestoreValueFrame(m.val));
    m.env = this.env;
    m.node = this.node.rest;
  }
}

/** Discards the value it receives and delivers a saved one instead. */
export class RestoreValueFrame extends Frame {
  constructor(readonly saved: Value) {
    super();
  }
  resume(m: Machine): void {
    m.val = this.saved;
  }
}

// ---------------------------------------------------------------- let, letrec

/**
 * `let-values` and `letrec-values`. The new frame holds all bound variables in
 * order; `counts[i]` is how many values binding i receives. For letrec the
 * right-hand sides run in the new frame.
 */
export class Let extends Node {
  readonly simple = false;
  readonly size: number;
  constructor(
    readonly rhss: Node[],
    readonly counts: number[],
    readonly body: Node,
    readonly isRec: boolean,
  ) {
    super();
    this.size = counts.reduce((a, b) => a + b, 0);
  }
  exec(m: Machine): void {
    const frame: Env = new Array(this.size + 1);
    frame[0] = m.env;
    this.runFrom(m, m.env, frame, 0, 1);
  }
  /** Evaluates right-hand sides from index i, storing into frame from slot `slot`. */
  runFrom(m: Machine, outer: Env, frame: Env, i: number, slot: number): void {
    const rhss = this.rhss;
    const evalEnv = this.isRec ? frame : outer;
    for (; i < rhss.length; i++) {
      const r = rhss[i];
      const n = this.counts[i];
      if (r.simple && n === 1) {
        frame[slot++] = r.ev(m, evalEnv);
      } else if (r.simple && n === 0) {
        r.ev(m, evalEnv);
      } else {
        m.stack.push(new LetFrame(this, outer, frame, i, slot));
        m.env = evalEnv;
        m.node = r;
        return;
      }
    }
    m.env = frame;
    m.node = this.body;
  }
}

class LetFrame extends Frame {
  constructor(
    readonly node: Let,
    readonly outer: Env,
    public frame: Env,
    readonly i: number,
    readonly slot: number,
  ) {
    super();
  }
  override clone(): Frame {
    // A letrec frame is captured by closures in its right-hand sides; sharing
    // it on re-entry is what Racket does too. A plain let frame is private.
    return this.node.isRec ? this : new LetFrame(this.node, this.outer, this.frame.slice(), this.i, this.slot);
  }
  resume(m: Machine): void {
    const n = this.node.counts[this.i];
    let slot = this.slot;
    if (n === 1) this.frame[slot++] = single(m.val);
    else if (n !== 0) {
      // A count of 0 is an expression among a body's definitions: its values are dropped.
      const vals = valuesOf(m.val, n);
      for (let k = 0; k < n; k++) this.frame[slot++] = vals[k];
    }
    this.node.runFrom(m, this.outer, this.frame, this.i + 1, slot);
  }
}

// ---------------------------------------------------------------- application

export class App extends Node {
  readonly simple = false;
  constructor(
    readonly fn: Node,
    readonly args: Node[],
    readonly loc: SrcLoc | null,
  ) {
    super();
  }
  exec(m: Machine): void {
    const vals: Value[] = new Array(this.args.length + 1);
    const env = m.env;
    if (this.fn.simple) {
      vals[0] = this.fn.ev(m, env);
      this.runFrom(m, env, vals, 1);
    } else {
      m.stack.push(new AppFrame(this, env, vals, 0));
      m.node = this.fn;
    }
  }
  /** Evaluates operands from index i (1-based; 0 is the operator) and applies. */
  runFrom(m: Machine, env: Env, vals: Value[], i: number): void {
    const args = this.args;
    for (; i <= args.length; i++) {
      const a = args[i - 1];
      if (a.simple) vals[i] = a.ev(m, env);
      else {
        m.stack.push(new AppFrame(this, env, vals, i));
        m.env = env;
        m.node = a;
        return;
      }
    }
    m.applyVals(vals[0], vals);
  }
}

class AppFrame extends Frame {
  constructor(
    readonly node: App,
    readonly env: Env,
    readonly vals: Value[],
    readonly i: number,
  ) {
    super();
  }
  override clone(): Frame {
    return new AppFrame(this.node, this.env, this.vals.slice(), this.i);
  }
  resume(m: Machine): void {
    this.vals[this.i] = single(m.val);
    this.node.runFrom(m, this.env, this.vals, this.i + 1);
  }
}

/** A call of a known simple primitive on simple arguments: evaluated directly. */
export class PrimApp extends SimpleNode {
  constructor(
    readonly prim: Primitive,
    readonly args: Node[],
  ) {
    super();
  }
  override ev(m: Machine, env: Env): Value {
    const a = this.args;
    const fn = this.prim.fn;
    switch (a.length) {
      case 0:
        return fn.call(m);
      case 1:
        return fn.call(m, a[0].ev(m, env));
      case 2:
        return fn.call(m, a[0].ev(m, env), a[1].ev(m, env));
      case 3:
        return fn.call(m, a[0].ev(m, env), a[1].ev(m, env), a[2].ev(m, env));
      default: {
        const vals = new Array(a.length);
        for (let i = 0; i < a.length; i++) vals[i] = a[i].ev(m, env);
        return fn.apply(m, vals);
      }
    }
  }
}

// ---------------------------------------------------------------- continuation marks

export class WithMark extends Node {
  readonly simple = false;
  constructor(
    readonly key: Node,
    readonly val: Node,
    readonly body: Node,
  ) {
    super();
  }
  exec(m: Machine): void {
    if (!this.key.simple || !this.val.simple) {
      // Rare: evaluate key and value through a generic application of a helper.
      m.stack.push(new WithMarkFrame(this, m.env, undefined, 0));
      m.node = this.key;
      return;
    }
    const env = m.env;
    this.install(m, this.key.ev(m, env), this.val.ev(m, env));
    m.env = env;
    m.node = this.body;
  }
  install(m: Machine, key: Value, val: Value): void {
    m.setMark(key, val);
  }
}

class WithMarkFrame extends Frame {
  constructor(
    readonly node: WithMark,
    readonly env: Env,
    readonly key: Value,
    readonly step: number,
  ) {
    super();
  }
  resume(m: Machine): void {
    if (this.step === 0) {
      m.stack.push(new WithMarkFrame(this.node, this.env, single(m.val), 1));
      m.env = this.env;
      m.node = this.node.val;
    } else {
      this.node.install(m, this.key, single(m.val));
      m.env = this.env;
      m.node = this.node.body;
    }
  }
}

export { MarkEntry, MarkFrame };

/** Runs its body under a fresh continuation prompt (each module-level form). */
export class Prompt extends Node {
  readonly simple = false;
  constructor(readonly body: Node) {
    super();
  }
  exec(m: Machine): void {
    m.stack.push(new PromptFrame({ name: 'prompt' }, m.marks, m.winders));
    m.node = this.body;
  }
}
