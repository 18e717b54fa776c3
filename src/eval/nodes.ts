// Compiled nodes: the core language with lexical addresses resolved, ready to run.
//
// A node is either *simple* — it cannot capture a continuation, block, or call
// a Racket procedure, so `ev` computes its value directly on the JS stack
// (constants, variable references, lambda, calls of simple primitives on
// simple arguments) — or *complex*, run by `exec` on the machine, which keeps
// the continuation on the heap. Most arithmetic and data access is simple, so
// the machine only steps at calls of Racket procedures and at control points.
//
// Complex nodes can also run in *direct mode* (`dev`): a closure call then
// runs on the JS stack, which is several times faster than stepping. When
// direct code meets something only the machine can do — capture or jump to a
// continuation, block, a primitive that drives the machine, the step budget
// running out, or the JS stack growing too deep — it returns CAPTURE. As
// that passes each node on its way out, the node adds the heap frame
// the machine would have pushed at that point, so the machine takes over
// exactly where direct mode stopped (generalized stack inspection).

import type { SrcLoc } from '../values/syntax.js';
import { MultipleValues, VOID, type Value } from '../values/types.js';
import { bindingArityError, redefinedConstant, resultArityError, undefinedVariable, useBeforeInit } from '../errors/messages.js';
import type { TopVar } from '../expand/core.js';
import { Frame, MarkEntry, MarkFrame, PromptFrame } from './frames.js';
import type { Machine } from './machine-type.js';
import { MachinePrimitive, Primitive, type Env } from './procedures.js';
import { customPrint, printNamed } from '../values/printable.js';
import { Impersonator } from '../values/impersonator.js';
import { redirectMarkSet } from './marks.js';
import { ProcInfo } from './proc-info.js';

export abstract class Node {
  abstract readonly simple: boolean;
  /** The procedure body (or module body) the node is in, for error contexts; set by the compiler. */
  owner: ProcInfo | null = null;
  /** `dev` handles this node and everything in it (up to nested lambdas) without a Capture of its own. */
  get direct(): boolean {
    return false;
  }
  /** Direct evaluation; only for simple nodes. */
  ev(_m: Machine, _env: Env): Value {
    throw new Error('internal: ev on a complex node');
  }
  /**
   * Direct mode: computes the node's value on the JS stack. A node in tail
   * position of a lambda body may instead return TAIL, leaving the call to
   * make in the machine's tailF/tailVals. Nodes without direct support hand
   * themselves to the machine.
   */
  dev(m: Machine, env: Env): Value {
    if (this.simple) return this.ev(m, env);
    return m.capture(Pending.Exec, this, env);
  }
  /** Run on the machine: leave it returning a value (node = null) or about to run a node. */
  abstract exec(m: Machine): void;
}

abstract class SimpleNode extends Node {
  readonly simple = true;
  override get direct(): boolean {
    return true;
  }
  override dev(m: Machine, env: Env): Value {
    return this.ev(m, env);
  }
  exec(m: Machine): void {
    m.val = this.ev(m, m.env);
    m.node = null;
  }
}

/** What the machine must do when it takes over from direct mode. */
export const enum Pending {
  /** Apply procedure `a` to argument array `b` (slot 0 scratch). */
  Apply,
  /** Park on Block `a`; the value it yields goes to the captured frames. */
  Park,
  /** Run node `a` in environment `b`. */
  Exec,
}

/**
 * Direct mode stopping: returned as CAPTURE up the JS stack, collecting
 * the frames of what it unwinds (innermost first). Returning is much cheaper
 * than throwing through every level.
 */
export class Capture {
  readonly frames: Frame[] = [];
  constructor(
    readonly pending: Pending,
    readonly a: any,
    readonly b: any,
  ) {}
}

/** Returned by a tail call in direct mode: the call waits in the machine's tailF/tailVals. */
export const TAIL: Value = { tailCall: true };
/** Returned while direct mode unwinds into the machine: the Capture is in the machine's `pending`. */
export const CAPTURE: Value = { capture: true };

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
export abstract class AssignNode extends Node {
  readonly simple: boolean;
  constructor(readonly rhs: Node) {
    super();
    this.simple = rhs.simple;
  }
  abstract assign(env: Env, v: Value): void;
  override get direct(): boolean {
    return this.rhs.direct;
  }
  override ev(m: Machine, env: Env): Value {
    this.assign(env, this.rhs.ev(m, env));
    return VOID;
  }
  override dev(m: Machine, env: Env): Value {
    const v = this.rhs.dev(m, env);
    if (v === CAPTURE) return m.captured(new AssignFrame(this, env));
    this.assign(env, single(v));
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

export class AssignFrame extends Frame {
  constructor(
    readonly node: AssignNode,
    readonly env: Env,
  ) {
    super();
  }
  override ctxInfo(): ProcInfo | null {
    return this.node.owner;
  }
  override ctxEnv(): unknown {
    return this.env;
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
    const cell = this.cell;
    if (cell.value === undefined) {
      if (!this.isDefinition) undefinedVariable(cell.name, cell.moduleDescription);
    } else if (this.isDefinition && cell.constant) redefinedConstant(cell.name, cell.moduleDescription);
    cell.value = v;
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
  override ctxInfo(): ProcInfo | null {
    return this.node.owner;
  }
  resume(m: Machine): void {
    const cells = this.node.cells;
    // (define-values () e) names no definition in its error.
    const vals = valuesOf(m.val, cells.length, cells.length === 0 ? '' : `definition of ${cells[0].name} ...`, 'define-values: ');
    for (const cell of cells) if (cell.value !== undefined && cell.constant) redefinedConstant(cell.name, cell.moduleDescription);
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

/** Marks the calls in tail position of a lambda body (see App.tail). */
function markTailCalls(n: Node): void {
  if (n instanceof App) n.tail = true;
  else if (n instanceof If) {
    markTailCalls(n.th);
    markTailCalls(n.el);
  } else if (n instanceof Seq) markTailCalls(n.es[n.es.length - 1]);
  else if (n instanceof Let) markTailCalls(n.body);
}

/** A procedure made by evaluating a lambda node: its code and the environment it closes over. */
export class Closure {
  constructor(
    readonly lam: LambdaNode,
    readonly env: Env,
  ) {}
  [customPrint](): string {
    return printNamed('procedure', this.lam.name);
  }
}

/** A `case-lambda` with more than one clause. */
export class CaseClosure {
  constructor(
    readonly clauses: Closure[],
    readonly name: string | null,
  ) {}
  [customPrint](): string {
    return printNamed('procedure', this.name);
  }
}

export class LambdaNode extends SimpleNode {
  /** Argument count when the lambda has only required parameters, else -1. */
  readonly fixed: number;
  /** The body is simple: a call can compute it directly, without a machine step. */
  readonly bodySimple: boolean;
  /** The body runs in direct mode (see `dev`) without handing itself to the machine. */
  readonly bodyDirect: boolean;
  /** The body compiled to JS once it is hot (see jit.ts); calls in direct mode so far until then. */
  code: ((m: Machine, env: Env) => Value) | null = null;
  calls = 0;
  constructor(
    readonly nreq: number,
    readonly nopt: number,
    readonly hasRest: boolean,
    /** Slots in the frame: parameters, then nothing else (bodies allocate their own frames). */
    readonly body: Node,
    public name: string | null,
    /** What error contexts say of the procedure's frames. */
    readonly info: ProcInfo = new ProcInfo(name, null, false),
  ) {
    super();
    this.fixed = nopt === 0 && !hasRest ? nreq : -1;
    this.bodySimple = body.simple;
    this.bodyDirect = body.direct;
    markTailCalls(body);
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
  private readonly cSimple: boolean;
  readonly thSimple: boolean;
  readonly elSimple: boolean;
  constructor(
    readonly c: Node,
    readonly th: Node,
    readonly el: Node,
  ) {
    super();
    this.cSimple = c.simple;
    this.thSimple = th.simple;
    this.elSimple = el.simple;
  }
  override get direct(): boolean {
    return this.c.direct && this.th.direct && this.el.direct;
  }
  override dev(m: Machine, env: Env): Value {
    let t: Value;
    if (this.cSimple) t = this.c.ev(m, env);
    else {
      t = this.c.dev(m, env);
      if (t === CAPTURE) return m.captured(new IfFrame(this, env));
      if (t instanceof MultipleValues) resultArityError(1, t.vals.length);
    }
    return t !== false ? this.th.dev(m, env) : this.el.dev(m, env);
  }
  exec(m: Machine): void {
    if (this.cSimple) {
      const env = m.env;
      if (this.c.ev(m, env) !== false) {
        if (this.thSimple) {
          m.val = this.th.ev(m, env);
          m.node = null;
        } else this.th.exec(m);
      } else if (this.elSimple) {
        m.val = this.el.ev(m, env);
        m.node = null;
      } else this.el.exec(m);
    } else {
      m.stack.push(new IfFrame(this, m.env));
      this.c.exec(m);
    }
  }
}

export class IfFrame extends Frame {
  constructor(
    readonly node: If,
    readonly env: Env,
  ) {
    super();
  }
  override ctxInfo(): ProcInfo | null {
    return this.node.owner;
  }
  override ctxEnv(): unknown {
    return this.env;
  }
  resume(m: Machine): void {
    m.env = this.env;
    const n = this.node;
    const yes = single(m.val) !== false;
    const b = yes ? n.th : n.el;
    if (yes ? n.thSimple : n.elSimple) {
      m.val = b.ev(m, this.env);
      m.node = null;
    } else b.exec(m);
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
  private readonly eSimple: boolean[];
  constructor(readonly es: Node[]) {
    super();
    this.eSimple = es.map((e) => e.simple);
  }
  override get direct(): boolean {
    return this.es.every((e) => e.direct);
  }
  override dev(m: Machine, env: Env): Value {
    const es = this.es;
    const last = es.length - 1;
    for (let i = 0; i < last; i++) {
      if (this.eSimple[i]) es[i].ev(m, env);
      else {
        const r = es[i].dev(m, env);
        if (r === CAPTURE) return m.captured(new SeqFrame(this, env, i + 1));
      }
    }
    return es[last].dev(m, env);
  }
  exec(m: Machine): void {
    this.runFrom(m, m.env, 0);
  }
  runFrom(m: Machine, env: Env, i: number): void {
    const es = this.es;
    const last = es.length - 1;
    for (; i < last; i++) {
      const e = es[i];
      if (this.eSimple[i]) e.ev(m, env);
      else {
        m.stack.push(new SeqFrame(this, env, i + 1));
        m.env = env;
        e.exec(m);
        return;
      }
    }
    m.env = env;
    es[last].exec(m);
  }
}

export class SeqFrame extends Frame {
  constructor(
    readonly node: Seq,
    readonly env: Env,
    readonly next: number,
  ) {
    super();
  }
  override ctxInfo(): ProcInfo | null {
    return this.node.owner;
  }
  override ctxEnv(): unknown {
    return this.env;
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
  override ctxInfo(): ProcInfo | null {
    return this.node.owner;
  }
  override ctxEnv(): unknown {
    return this.env;
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

// ---------------------------------------------------------------- (values e)

/**
 * `(values e)` with a complex `e`: e's value, which must be one, and e is not
 * in tail position (a mark e sets belongs to a frame of its own, as in Racket).
 * A simple `e` needs no node: its value is always one and it sets no marks.
 */
export class SingleValue extends Node {
  readonly simple = false;
  constructor(readonly e: Node) {
    super();
  }
  override get direct(): boolean {
    return this.e.direct;
  }
  override dev(m: Machine, env: Env): Value {
    const v = this.e.dev(m, env);
    if (v === CAPTURE) return m.captured(SINGLE_VALUE_FRAME);
    return single(v);
  }
  exec(m: Machine): void {
    m.stack.push(SINGLE_VALUE_FRAME);
    this.e.exec(m);
  }
}

/** Checks that the value coming back is one (it holds no state, so one frame serves all). */
export class SingleValueFrame extends Frame {
  resume(m: Machine): void {
    m.val = single(m.val);
  }
}
export const SINGLE_VALUE_FRAME = new SingleValueFrame();

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
    this.rhsSimple = rhss.map((r) => r.simple);
  }
  private readonly rhsSimple: boolean[];
  override get direct(): boolean {
    return this.body.direct && this.rhss.every((r) => r.direct);
  }
  override dev(m: Machine, env: Env): Value {
    const frame: Env = new Array(this.size + 1);
    frame[0] = env;
    const rhss = this.rhss;
    const evalEnv = this.isRec ? frame : env;
    let slot = 1;
    for (let i = 0; i < rhss.length; i++) {
      const r = rhss[i];
      const n = this.counts[i];
      const simple = this.rhsSimple[i];
      if (simple && n === 1) {
        frame[slot++] = r.ev(m, evalEnv);
      } else {
        let v: Value;
        v = r.dev(m, evalEnv);
        if (v === CAPTURE) return m.captured(new LetFrame(this, env, frame, i, slot));
        if (n === 1) frame[slot++] = single(v);
        else if (n !== 0) {
          const vals = valuesOf(v, n);
          for (let k = 0; k < n; k++) frame[slot++] = vals[k];
        }
      }
    }
    return this.body.dev(m, frame);
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
      const simple = this.rhsSimple[i];
      if (simple && n === 1) {
        frame[slot++] = r.ev(m, evalEnv);
      } else if (simple && n === 0) {
        r.ev(m, evalEnv);
      } else {
        m.stack.push(new LetFrame(this, outer, frame, i, slot));
        m.env = evalEnv;
        r.exec(m);
        return;
      }
    }
    m.env = frame;
    this.body.exec(m);
  }
}

export class LetFrame extends Frame {
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
  override ctxInfo(): ProcInfo | null {
    return this.node.owner;
  }
  override ctxEnv(): unknown {
    return this.outer;
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

/** How App reads an operand: from a frame slot, a constant, by `ev`, or on the machine. */
const enum ArgKind {
  Local0,
  Constant,
  Simple,
  Complex,
}

export class App extends Node {
  readonly simple = false;
  // What kind of node each operand is, decided once: reading `simple` off
  // nodes of many classes (and calling their `ev`) is megamorphic, the
  // slowest thing in the hottest path, so locals and constants are read
  // directly and a global operator's cell is read without a call.
  private readonly kinds: ArgKind[];
  private readonly slots: (number | Value)[];
  private readonly fnCell: TopVar | null;
  private readonly fnSimple: boolean;
  /** In tail position of a lambda body: in direct mode the call is left to the caller's loop. */
  tail = false;
  constructor(
    readonly fn: Node,
    readonly args: Node[],
    readonly loc: SrcLoc | null,
  ) {
    super();
    this.fnSimple = fn.simple;
    this.fnCell = fn instanceof GlobalRef ? fn.cell : null;
    this.kinds = args.map((a) =>
      a instanceof LocalRef0 ? ArgKind.Local0 : a instanceof Const ? ArgKind.Constant : a.simple ? ArgKind.Simple : ArgKind.Complex,
    );
    this.slots = args.map((a) => (a instanceof LocalRef0 ? a.index : a instanceof Const ? a.v : 0));
  }
  override get direct(): boolean {
    // A call of a primitive known to block or drive the machine would only
    // hand itself over; leaving the whole body to the machine is cheaper.
    const cell = this.fnCell;
    if (cell?.constant) {
      const f = cell.value;
      if (f instanceof MachinePrimitive || (f instanceof Primitive && !f.simple)) return false;
    }
    return this.fn.direct && this.args.every((a) => a.direct);
  }
  override dev(m: Machine, env: Env): Value {
    const args = this.args;
    const vals: Value[] = new Array(args.length + 1);
    const cell = this.fnCell;
    if (cell !== null) {
      const f = cell.value;
      if (f === undefined) undefinedVariable(cell.name, cell.moduleDescription);
      vals[0] = f;
    } else if (this.fnSimple) {
      vals[0] = this.fn.ev(m, env);
    } else {
      const f = this.fn.dev(m, env);
      if (f === CAPTURE) return m.captured(new AppFrame(this, env, vals, 0));
      vals[0] = single(f);
    }
    const kinds = this.kinds;
    for (let i = 1; i <= args.length; i++) {
      switch (kinds[i - 1]) {
        case ArgKind.Local0:
          vals[i] = env[this.slots[i - 1] as number];
          break;
        case ArgKind.Constant:
          vals[i] = this.slots[i - 1];
          break;
        case ArgKind.Simple:
          vals[i] = args[i - 1].ev(m, env);
          break;
        default: {
          const v = args[i - 1].dev(m, env);
          if (v === CAPTURE) return m.captured(new AppFrame(this, env, vals, i));
          if (v instanceof MultipleValues) resultArityError(1, v.vals.length);
          vals[i] = v;
        }
      }
    }
    if (this.tail) {
      m.tailF = vals[0];
      m.tailVals = vals;
      return TAIL;
    }
    return m.callDirect(vals[0], vals);
  }
  exec(m: Machine): void {
    const vals: Value[] = new Array(this.args.length + 1);
    const env = m.env;
    const cell = this.fnCell;
    if (cell !== null) {
      const f = cell.value;
      if (f === undefined) undefinedVariable(cell.name, cell.moduleDescription);
      vals[0] = f;
      this.runFrom(m, env, vals, 1, null);
    } else if (this.fnSimple) {
      vals[0] = this.fn.ev(m, env);
      this.runFrom(m, env, vals, 1, null);
    } else {
      m.stack.push(new AppFrame(this, env, vals, 0));
      this.fn.exec(m);
    }
  }
  /**
   * Evaluates operands from index i (1-based; 0 is the operator) and applies.
   * `frame` is the frame that just resumed, reused for the next operand.
   */
  runFrom(m: Machine, env: Env, vals: Value[], i: number, frame: AppFrame | null): void {
    const args = this.args;
    const kinds = this.kinds;
    for (; i <= args.length; i++) {
      switch (kinds[i - 1]) {
        case ArgKind.Local0:
          vals[i] = env[this.slots[i - 1] as number];
          break;
        case ArgKind.Constant:
          vals[i] = this.slots[i - 1];
          break;
        case ArgKind.Simple:
          vals[i] = args[i - 1].ev(m, env);
          break;
        default:
          if (frame === null) frame = new AppFrame(this, env, vals, i);
          else frame.i = i;
          m.stack.push(frame);
          m.env = env;
          args[i - 1].exec(m);
          return;
      }
    }
    m.applyVals(vals[0], vals);
  }
}

export class AppFrame extends Frame {
  constructor(
    readonly node: App,
    readonly env: Env,
    readonly vals: Value[],
    public i: number,
  ) {
    super();
  }
  override clone(): Frame {
    return new AppFrame(this.node, this.env, this.vals.slice(), this.i);
  }
  override ctxInfo(): ProcInfo | null {
    return this.node.owner;
  }
  override ctxEnv(): unknown {
    return this.env;
  }
  resume(m: Machine): void {
    const v = m.val;
    if (v instanceof MultipleValues) resultArityError(1, v.vals.length);
    this.vals[this.i] = v;
    this.node.runFrom(m, this.env, this.vals, this.i + 1, this);
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
    const vals = new Array(a.length);
    for (let i = 0; i < a.length; i++) vals[i] = a[i].ev(m, env);
    return this.prim.fn.apply(m, vals);
  }
  /** The node for a call with `args`, specialized by argument count. */
  static make(prim: Primitive, args: Node[]): Node {
    switch (args.length) {
      case 0:
        return new PrimApp0(prim, args);
      case 1:
        return new PrimApp1(prim, args);
      case 2:
        return new PrimApp2(prim, args);
      case 3:
        return new PrimApp3(prim, args);
      default:
        return new PrimApp(prim, args);
    }
  }
}

class PrimApp0 extends PrimApp {
  override ev(m: Machine): Value {
    return this.prim.fn.call(m);
  }
}

class PrimApp1 extends PrimApp {
  readonly a0: Node;
  constructor(prim: Primitive, args: Node[]) {
    super(prim, args);
    this.a0 = args[0];
  }
  override ev(m: Machine, env: Env): Value {
    return this.prim.fn.call(m, this.a0.ev(m, env));
  }
}

class PrimApp2 extends PrimApp {
  readonly a0: Node;
  readonly a1: Node;
  constructor(prim: Primitive, args: Node[]) {
    super(prim, args);
    this.a0 = args[0];
    this.a1 = args[1];
  }
  override ev(m: Machine, env: Env): Value {
    return this.prim.fn.call(m, this.a0.ev(m, env), this.a1.ev(m, env));
  }
}

class PrimApp3 extends PrimApp {
  override ev(m: Machine, env: Env): Value {
    const a = this.args;
    return this.prim.fn.call(m, a[0].ev(m, env), a[1].ev(m, env), a[2].ev(m, env));
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
    if (key instanceof Impersonator) {
      // A wrapped continuation mark key: its set procedures give the value, kept under the key underneath.
      const [base, v] = redirectMarkSet(m, key, val);
      m.setMark(base, v);
      return;
    }
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
  override ctxInfo(): ProcInfo | null {
    return this.node.owner;
  }
  override ctxEnv(): unknown {
    return this.env;
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
/** The escape tag of the prompts around module-level forms (the default error escape handler passes them by). */
export const MODULE_FORM_PROMPT = { name: 'module-form-prompt' };

export class Prompt extends Node {
  readonly simple = false;
  constructor(
    readonly body: Node,
    /** The module body the form is in: error contexts end with its `body of` line. */
    readonly module: ProcInfo | null = null,
  ) {
    super();
  }
  exec(m: Machine): void {
    m.stack.push(this.module === null ? new PromptFrame(MODULE_FORM_PROMPT, m.marks, m.winders) : new ModuleFormFrame(m, this.module));
    m.node = this.body;
  }
}

/** The prompt around a module-level form, which error contexts show as the module's body. */
class ModuleFormFrame extends PromptFrame {
  constructor(
    m: Machine,
    readonly module: ProcInfo,
  ) {
    super(MODULE_FORM_PROMPT, m.marks, m.winders);
  }
  override ctxInfo(): ProcInfo | null {
    return this.module;
  }
}

/**
 * Applies a procedure as the machine's next step: how work that starts
 * outside the step loop (a new thread's thunk, a sync result's wrapper)
 * gets run inside it, where what it raises is handled in the right thread.
 */
export class ApplyNode extends Node {
  readonly simple = false;
  constructor(
    readonly proc: Value,
    readonly args: Value[],
  ) {
    super();
  }
  exec(m: Machine): void {
    m.applyArray(this.proc, this.args);
  }
}
