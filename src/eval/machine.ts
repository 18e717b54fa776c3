// The machine: one per green thread. It runs compiled nodes with the
// continuation on the heap (an array of frames plus frozen segments), so a
// thread can be parked between any two steps, tail calls take no space, and
// recursion is as deep as memory allows.

import { Pair, MultipleValues, NULL, type Value } from '../values/types.js';
import { StructInstance, propProcedure } from '../values/struct.js';
import { arityError, arityMismatch, notAProcedure } from '../errors/messages.js';
import { MARKS_PENDING, RacketThrow, isExn, makeExn, exnFailT, exnFailContractContinuationT } from '../errors/exn.js';
import { UNSUPPLIED } from '../expand/core.js';
import { type EscapeFrame, Frame, MarkEntry, MarkFrame, PromptFrame, type PromptTag, Segment, type Winder } from './frames.js';
import { CAPTURE, Capture, Pending, TAIL, type LambdaNode, type Node, CaseClosure, Closure } from './nodes.js';
import { compileLambda } from './jit.js';
import { ContinuationProc, MachinePrimitive, Parameter, Primitive, type Env } from './procedures.js';
import type { MachineRuntime, MachineThread } from './context.js';
import { ExitSignal } from '../errors/exn.js';
import { Block } from './block.js';
import { ContinuationMarkSet, EXN_HANDLER_KEY, PARAMZ_KEY, type Paramz } from './marks.js';
import { ErrorContext } from './error-context.js';

/** How many frames an underflow copies out of a frozen segment at once. */
const UNDERFLOW_CHUNK = 64;

/**
 * How many closure calls direct mode nests on the JS stack before handing
 * the rest to the machine's heap stack (which has no such limit).
 */
const DIRECT_DEPTH = 200;

/** The initial tail-call argument array, shared so that an idle thread costs less. */
const NO_VALUES: Value[] = [];

export const enum RunStatus {
  Done,
  Yielded,
  Blocked,
}

/** A captured full continuation. */
export class CapturedK {
  constructor(
    readonly rest: Segment | null,
    readonly marks: MarkEntry | null,
    readonly winders: Winder | null,
  ) {}
}

// The type that frames, nodes and procedures name (see machine-type.ts) is this class.
declare module './machine-type.js' {
  interface Machine extends MachineClass {}
}
type MachineClass = Machine;

/** An escape continuation applied on a nested machine whose frame is in the machine it is nested in. */
export class EscapeSignal {
  constructor(
    readonly tag: object,
    readonly then: (m: Machine) => void,
  ) {}
}

/** The machine whose steps are running now (innermost, when one runs nested in another's step), if any. */
let running: Machine | null = null;

/**
 * Applying a struct with prop:arity-string to vals[1..]: raises the
 * arity error, with the property's arity text, when the struct does not
 * accept that many. Installed by prims/struct-properties.ts.
 */
/**
 * A frame to put under the frames a continuation application reinstates,
 * to guard the results that reach `prompt` (the nearest prompt): the
 * guards of wrapped prompt tags. Installed by prims/prompt-tag-impersonators.ts.
 */
interface ContinuationGuards {
  /** The guard the capture tag's procedures make (they run now), or null when they make none. */
  refine(m: Machine, captureTag: Value): Value | null;
  /** The frame that runs `guard` and the prompt's guards on the results, or null when there are none. */
  frame(m: Machine, prompt: PromptFrame | null, guard: Value | null): Frame | null;
}
let continuationGuards: ContinuationGuards = { refine: () => null, frame: () => null };
export function setContinuationGuards(g: ContinuationGuards): void {
  continuationGuards = g;
}

/** Checks the argument count of a struct's application (prims/struct-properties.ts): Racket's message for it. */
let structArityCheck: ((m: Machine, f: StructInstance, vals: readonly Value[]) => void) | null = null;
export function setStructArityCheck(check: (m: Machine, f: StructInstance, vals: readonly Value[]) => void): void {
  structArityCheck = check;
}

/** For code called from a step without its machine at hand (printing a struct with prop:custom-write). */
export function runningMachine(): Machine | null {
  return running;
}

export class Machine {
  // Registers. `node !== null`: run that node in `env`. Otherwise return `val`.
  node: Node | null = null;
  env: Env = [];
  val: Value = undefined;
  stack: Frame[] = [];
  rest: Segment | null = null;
  marks: MarkEntry | null = null;
  winders: Winder | null = null;
  /** Steps left before the thread yields to the scheduler. */
  budget = 0;
  /** Set when a primitive asked to block; the run loop parks the thread. */
  blocked: Block | null = null;
  /** The green thread this machine runs; set by the scheduler. */
  thread!: MachineThread;
  /** The Block whose events the scheduler is polling (replace-evt keeps its timeout). */
  syncing: Block | null = null;
  /** Direct mode: closure calls nested on the JS stack, and the pending tail call (see nodes.ts). */
  depth = 0;
  /**
   * The lambdas whose bodies run in direct mode, outermost first: `depth` of
   * them are live. Only an error's context reads it (see error-context.ts);
   * a throw leaves it as it was at the throw.
   */
  readonly dstack: LambdaNode[] = [];
  /** Inside runDirect (a throw leaves it set): the heap machine's node is not where the error is. */
  inDirect = false;
  /** The frame the step loop resumed last: the procedure an error in its resume is in. */
  resumed: Frame | null = null;
  tailF: Value = undefined;
  tailVals: Value[] = NO_VALUES;
  pending: Capture | null = null;
  /** Set on a machine run to completion from JS (eval/nested.ts): an uncaught raise ends the run and is recorded here. */
  nested: { failed: boolean; failure: Value } | null = null;

  constructor(readonly rt: MachineRuntime) {}

  // ------------------------------------------------------------ the loop

  /** Runs until the thread finishes, blocks, or uses up `budget` steps. */
  run(budget: number): RunStatus {
    this.budget = budget;
    const outer = running;
    running = this;
    try {
      for (;;) {
        try {
          return this.steps();
        } catch (e) {
          this.raiseSafely(e);
          // Direct mode was left by the throw.
          this.depth = 0;
          this.inDirect = false;
          if (this.budget <= 0) return this.blocked !== null ? RunStatus.Blocked : RunStatus.Yielded;
        }
      }
    } finally {
      running = outer;
    }
  }

  /**
   * Raises what a step threw. Starting a handler can itself raise (a
   * with-handlers predicate that is not a procedure): that is raised in turn.
   */
  private raiseSafely(e: unknown): void {
    for (let attempts = 0; ; attempts++) {
      try {
        if (attempts < 100) this.raiseThrown(e);
        else this.rt.uncaught(this, makeExn(exnFailT, 'internal error: exception handling keeps failing'));
        return;
      } catch (again) {
        if (again instanceof ExitSignal || (again instanceof EscapeSignal && this.nested !== null)) throw again;
        e = again;
      }
    }
  }

  /** The step loop, kept free of try/catch so that it optimizes well. */
  private steps(): RunStatus {
    for (;;) {
      const node = this.node;
      if (node !== null) {
        node.exec(this);
      } else {
        let f = this.stack.pop();
        if (f === undefined) {
          f = this.underflow();
          if (f === undefined) return RunStatus.Done;
        }
        this.resumed = f;
        f.resume(this);
      }
      if (--this.budget <= 0) {
        return this.blocked !== null ? RunStatus.Blocked : RunStatus.Yielded;
      }
    }
  }

  /** Takes the next frame from the frozen segments below the stack, cloning a chunk of them. */
  private underflow(): Frame | undefined {
    const seg = this.rest;
    if (seg === null) return undefined;
    const from = Math.max(0, seg.len - UNDERFLOW_CHUNK);
    const stack: Frame[] = new Array(seg.len - from);
    for (let i = from; i < seg.len; i++) stack[i - from] = seg.frames[i].clone();
    this.rest = from > 0 ? new Segment(seg.frames, from, seg.next) : seg.next;
    this.stack = stack;
    return stack.pop();
  }

  /** Ask the run loop to stop after this step (to park on `b`). */
  park(b: Block): void {
    this.blocked = b;
    this.budget = 0;
  }

  // ------------------------------------------------------------ application

  /** Applies `f` to vals[1..]; vals[0] is scratch. Leaves the machine ready to continue. */
  applyVals(f: Value, vals: Value[]): void {
    // Kept small so that it inlines into its callers: the common case is a
    // closure with only required parameters, whose frame is the array itself.
    if (f instanceof Closure) {
      const lam = f.lam;
      if (lam.fixed === vals.length - 1) {
        vals[0] = f.env;
        if (lam.bodySimple) {
          this.val = this.runBody(lam, vals);
          this.node = null;
        } else if (lam.bodyDirect) {
          this.runDirect(lam, vals);
        } else {
          this.env = vals;
          this.node = lam.body;
        }
        return;
      }
    }
    this.applyOther(f, vals);
  }

  private applyOther(f: Value, vals: Value[]): void {
    if (f instanceof Closure) {
      const env = bindArgs(f, vals);
      if (f.lam.bodyDirect) this.runDirect(f.lam, env);
      else {
        this.env = env;
        this.node = f.lam.body;
      }
      return;
    }
    if (f instanceof Primitive) {
      const r = this.callPrimitive(f, vals);
      this.node = null;
      if (r instanceof Block) this.park(r);
      else this.val = r;
      return;
    }
    this.applySlow(f, vals);
  }

  /** Calls a JS primitive on vals[1..] after checking the argument count; it may return a Block. */
  private callPrimitive(f: Primitive, vals: Value[]): Value {
    const n = vals.length - 1;
    if (n < f.min || (f.max >= 0 && n > f.max)) arityError(f.name, f.min, f.max, n);
    const fn = f.fn;
    switch (n) {
      case 0:
        return fn.call(this);
      case 1:
        return fn.call(this, vals[1]);
      case 2:
        return fn.call(this, vals[1], vals[2]);
      case 3:
        return fn.call(this, vals[1], vals[2], vals[3]);
      default:
        return fn.apply(this, vals.slice(1));
    }
  }

  private applySlow(f: Value, vals: Value[]): void {
    const n = vals.length - 1;
    if (f instanceof MachinePrimitive) {
      if (n < f.min || (f.max >= 0 && n > f.max)) arityError(f.name, f.min, f.max, n);
      this.node = null;
      // Its caller's frames, if it has any left, are on the stack.
      this.resumed = null;
      f.run(this, vals);
      return;
    }
    if (f instanceof CaseClosure) {
      this.applyVals(caseClause(f, n), vals);
      return;
    }
    if (f instanceof ContinuationProc) {
      this.node = null;
      const v = n === 1 ? vals[1] : new MultipleValues(vals.slice(1));
      if (f.escapeTag !== null) this.escapeTo(f.escapeTag, (m) => (m.val = v));
      else if (f.composable) this.compose(f.k as CapturedK, v);
      else this.reinstate(f.k as CapturedK, v, null, f.captureTag);
      return;
    }
    if (f instanceof Parameter) {
      this.node = null;
      if (f.derived !== null && n < 2) this.rt.applyDerivedParam(this, f, vals);
      else if (n === 0) this.val = this.paramValue(f);
      else if (n === 1) this.rt.setParam(this, f, vals[1]);
      else arityError(f.name, 0, 1, n);
      return;
    }
    if (f instanceof StructInstance) {
      const p = f.type.prop(propProcedure);
      if (p !== undefined) {
        if (structArityCheck !== null) structArityCheck(this, f, vals);
        if (typeof p === 'number') {
          this.applyVals(f.fields[p], vals);
        } else {
          const v2 = new Array(vals.length + 1);
          v2[1] = f;
          for (let i = 1; i < vals.length; i++) v2[i + 1] = vals[i];
          this.applyVals(p, v2);
        }
        return;
      }
    }
    const kw = this.rt.applyHook(this, f, vals);
    if (kw) return;
    notAProcedure(f);
  }

  // ------------------------------------------------------------ direct mode

  /** Runs a closure body in direct mode; what it cannot finish is left to the machine. */
  private runDirect(lam: LambdaNode, env: Env): void {
    this.depth = 0;
    this.inDirect = true;
    let v = this.runBody(lam, env);
    if (v === TAIL) v = this.callDirect(this.tailF, this.tailVals);
    this.inDirect = false;
    if (v === CAPTURE) this.takeOver(this.pending!);
    else {
      this.val = v;
      this.node = null;
    }
  }

  /**
   * A lambda body in direct mode: compiled once it has run a few times.
   * While it runs, `lam` is live in `dstack` (a throw leaves it there).
   */
  runBody(lam: LambdaNode, env: Env): Value {
    const d = this.depth;
    this.dstack[d] = lam;
    this.depth = d + 1;
    const code = lam.code;
    const v = code !== null ? code(this, env) : this.interpretBody(lam, env);
    this.depth = d;
    return v;
  }

  /** A body not compiled yet: compiles it once it is hot, runs it in the node tree until then. */
  private interpretBody(lam: LambdaNode, env: Env): Value {
    if (++lam.calls >= this.rt.jitAfter) {
      try {
        lam.code = compileLambda(lam, this.rt.jitDump);
      } catch (e) {
        // A body the JIT cannot compile keeps running in the node tree.
        lam.calls = -Infinity;
        this.rt.jitFailures.push(e);
      }
    }
    return lam.body.dev(this, env);
  }

  /** Stops direct mode: the machine will do `pending` once the JS stack has unwound. */
  capture(pending: Pending, a: unknown, b: unknown): Value {
    this.pending = new Capture(pending, a, b);
    return CAPTURE;
  }

  /** Adds the frame of a node that direct mode is unwinding through. */
  captured(frame: Frame): Value {
    this.pending!.frames.push(frame);
    return CAPTURE;
  }

  /**
   * Direct mode: applies `f` to vals[1..] on the JS stack and returns the
   * result. Tail calls loop here instead of nesting.
   */
  callDirect(f: Value, vals: Value[]): Value {
    for (;;) {
      if (f instanceof Closure) {
        const lam = f.lam;
        if (!lam.bodyDirect || --this.budget <= 0 || this.depth >= DIRECT_DEPTH) return this.capture(Pending.Apply, f, vals);
        let env: Env;
        if (lam.fixed === vals.length - 1) {
          vals[0] = f.env;
          env = vals;
        } else env = bindArgs(f, vals);
        const v = this.runBody(lam, env);
        if (v !== TAIL) return v;
        f = this.tailF;
        vals = this.tailVals;
      } else if (f instanceof Primitive) {
        const r = this.callPrimitive(f, vals);
        if (r instanceof Block) return this.capture(Pending.Park, r, null);
        return r;
      } else if (f instanceof CaseClosure) {
        f = caseClause(f, vals.length - 1);
      } else if (f instanceof Parameter && vals.length === 1 && f.derived === null) {
        return this.paramValue(f);
      } else return this.capture(Pending.Apply, f, vals);
    }
  }

  /** Puts the frames a Capture collected on the heap stack and does what direct mode could not. */
  private takeOver(c: Capture): void {
    this.pending = null;
    // What it does next is in the frames' procedures, not in the node that entered direct mode.
    this.node = null;
    this.resumed = null;
    const frames = c.frames;
    for (let i = frames.length - 1; i >= 0; i--) this.stack.push(frames[i]);
    switch (c.pending) {
      case Pending.Apply: {
        const f = c.a as Value;
        const vals = c.b as Value[];
        if (f instanceof Closure) {
          // Not direct again: the budget or the depth limit may be why we are here.
          if (f.lam.fixed === vals.length - 1) {
            vals[0] = f.env;
            this.env = vals;
          } else this.env = bindArgs(f, vals);
          this.node = f.lam.body;
        } else this.applyOther(f, vals);
        return;
      }
      case Pending.Park:
        this.node = null;
        this.park(c.a as Block);
        return;
      case Pending.Exec:
        this.env = c.b as Env;
        this.node = c.a as Node;
        return;
    }
  }

  /** Applies `f` to a plain argument array. */
  applyArray(f: Value, args: readonly Value[]): void {
    const vals = new Array(args.length + 1);
    for (let i = 0; i < args.length; i++) vals[i + 1] = args[i];
    this.applyVals(f, vals);
  }

  /** Delivers `v` to the current continuation. */
  returnValue(v: Value): void {
    this.val = v;
    this.node = null;
  }

  // ------------------------------------------------------------ marks and parameters

  setMark(key: Value, val: Value): void {
    // The frame may be in a frozen segment (after a capture): it is only read, never changed.
    const top = this.topFrame();
    if (top instanceof MarkFrame) {
      // Same frame: replace the key's mark among the marks this frame owns.
      const own: MarkEntry[] = [];
      for (let e = this.marks; e !== top.prevMarks && e !== null; e = e.next) if (e.key !== key) own.push(e);
      let chain: MarkEntry | null = top.prevMarks;
      for (let i = own.length - 1; i >= 0; i--) chain = new MarkEntry(own[i].key, own[i].value, chain, top);
      this.marks = new MarkEntry(key, val, chain, top);
    } else {
      const frame = new MarkFrame(this.marks);
      this.stack.push(frame);
      this.marks = new MarkEntry(key, val, this.marks, frame);
    }
  }

  firstMark(key: Value): Value | undefined {
    for (let e = this.marks; e !== null; e = e.next) if (e.key === key) return e.value;
    return undefined;
  }

  paramValue(p: Parameter): Value {
    const pz = this.firstMark(PARAMZ_KEY) as Paramz | null | undefined;
    if (pz != null) {
      const cell = pz.lookup(p);
      if (cell !== undefined) return cell.get(this.thread);
    }
    return this.rt.paramBaseValue(this, p);
  }

  // ------------------------------------------------------------ continuations

  /** Captures the whole current continuation (O(1): freezes the stack). */
  captureK(): CapturedK {
    if (this.stack.length > 0) {
      this.rest = new Segment(this.stack, this.stack.length, this.rest);
      this.stack = [];
    }
    return new CapturedK(this.rest, this.marks, this.winders);
  }

  /**
   * Jumps to a captured continuation, running dynamic-wind thunks on the
   * way, and delivers `v` to it, or (call-in-continuation) runs `then` there.
   */
  reinstate(k: CapturedK, v: Value, then: ((m: Machine) => void) | null = null, captureTag: Value = false): void {
    const common = commonWinder(this.winders, k.winders);
    if (this.winders !== common) {
      // Leave the innermost active dynamic-wind first, then try again.
      const w = this.winders!;
      this.winders = w.next;
      this.marks = w.marks;
      this.stack.push(new ThenFrame((m) => m.reinstate(k, v, then, captureTag)));
      this.applyArray(w.post, []);
      return;
    }
    if (k.winders !== common) {
      // Re-enter the outermost dynamic-wind not yet entered, then try again.
      let w = k.winders!;
      while (w.next !== common) w = w.next!;
      this.stack.push(
        new ThenFrame((m) => {
          m.winders = w;
          m.reinstate(k, v, then, captureTag);
        }),
      );
      this.marks = w.marks;
      this.applyArray(w.pre, []);
      return;
    }
    // Replace the current continuation up to its nearest prompt with the
    // captured frames above their nearest prompt.
    // Wrapped prompt tags: the capture tag's procedures run before the jump, the guards after.
    const guard = captureTag === false ? null : continuationGuards.refine(this, captureTag);
    const captured = framesAbovePrompt(k.rest);
    this.truncateToPrompt();
    const prompt = this.topFrame();
    if (guard !== null || (prompt instanceof PromptFrame && prompt.wrappedTag !== false)) {
      const frame = continuationGuards.frame(this, prompt instanceof PromptFrame ? prompt : null, guard);
      if (frame !== null) this.stack.push(frame);
    }
    if (this.stack.length > 0) {
      this.rest = new Segment(this.stack, this.stack.length, this.rest);
    }
    this.stack = [];
    if (captured.length > 0) this.rest = new Segment(captured, captured.length, this.rest);
    this.marks = k.marks;
    this.winders = k.winders;
    this.val = v;
    this.node = null;
    if (then !== null) then(this);
  }

  /**
   * Applies a composable continuation: its frames above their nearest
   * prompt run on top of the current continuation, which gets `v` back
   * when they return. The current marks and dynamic-winds stay as they are
   * (a dynamic-wind or mark inside the captured part is not re-entered).
   */
  compose(k: CapturedK, v: Value): void {
    const captured = framesAbovePrompt(k.rest);
    if (this.stack.length > 0) {
      this.rest = new Segment(this.stack, this.stack.length, this.rest);
      this.stack = [];
    }
    if (captured.length > 0) this.rest = new Segment(captured, captured.length, this.rest);
    this.val = v;
    this.node = null;
  }

  /** The innermost frame of the continuation, if any. */
  topFrame(): Frame | null {
    if (this.stack.length > 0) return this.stack[this.stack.length - 1];
    return this.rest === null || this.rest.len === 0 ? null : this.rest.frames[this.rest.len - 1];
  }

  /** Drops the frames above the nearest prompt. */
  private truncateToPrompt(): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i] instanceof PromptFrame) {
        this.stack.length = i + 1;
        return;
      }
    }
    this.stack = [];
    for (let s = this.rest; s !== null; s = s.next) {
      for (let i = s.len - 1; i >= 0; i--) {
        if (s.frames[i] instanceof PromptFrame) {
          this.rest = new Segment(s.frames, i + 1, s.next);
          return;
        }
      }
    }
    this.rest = null;
  }

  /**
   * Escapes to the frame tagged `tag` (which must be in the current
   * continuation), running the post thunks of dynamic-winds left on the way,
   * then pops the frame and calls `then`.
   */
  /** Leaves dynamic-wind `w` (its post thunk runs), then escapes to `tag` again: one winder at a time. */
  private unwindThenEscape(w: NonNullable<Machine['winders']>, tag: object, then: (m: Machine) => void): void {
    this.truncateTo(w, false);
    this.winders = w.next;
    this.marks = w.marks;
    this.stack.push(new ThenFrame((m) => m.escapeTo(tag, then)));
    this.applyArray(w.post, []);
  }

  escapeTo(tag: object, then: (m: Machine) => void): void {
    const target = this.findFrame(tag);
    if (target === null) {
      // From a machine nested in another's step (a reader macro, a custom writer), the frame
      // may be the outer machine's: the outer one makes the jump (see raiseThrown).
      // The nested machine's dynamic-wind post thunks run first, one by one.
      if (this.nested !== null) {
        const w = this.winders;
        if (w === null) throw new EscapeSignal(tag, then);
        this.unwindThenEscape(w, tag, then);
        return;
      }
      throw new RacketThrow(makeExn(exnFailContractContinuationT, 'continuation application: attempt to jump into an escape continuation'));
    }
    const targetWinders = target.winders;
    if (this.winders !== targetWinders && this.winders !== null && (targetWinders === null || this.winders.depth > targetWinders.depth)) {
      this.unwindThenEscape(this.winders, tag, then);
      return;
    }
    this.truncateTo(tag, true);
    this.marks = target.marks;
    this.winders = targetWinders;
    this.node = null;
    then(this);
  }

  /** The innermost prompt for prompt tag `tag` in the current continuation, if any. */
  findPrompt(tag: PromptTag): PromptFrame | null {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i];
      if (f instanceof PromptFrame && f.promptTag === tag) return f;
    }
    for (let s = this.rest; s !== null; s = s.next) {
      for (let i = s.len - 1; i >= 0; i--) {
        const f = s.frames[i];
        if (f instanceof PromptFrame && f.promptTag === tag) return f;
      }
    }
    return null;
  }

  private findFrame(tag: object): EscapeFrame | null {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i];
      if (f.tag === tag) return f as EscapeFrame;
    }
    for (let s = this.rest; s !== null; s = s.next) {
      for (let i = s.len - 1; i >= 0; i--) if (s.frames[i].tag === tag) return s.frames[i] as EscapeFrame;
    }
    return null;
  }

  /** Drops the frames above the one tagged `tag`, and that frame too when `inclusive`. */
  private truncateTo(tag: object, inclusive: boolean): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i].tag === tag) {
        this.stack.length = inclusive ? i : i + 1;
        return;
      }
    }
    this.stack = [];
    for (let s = this.rest; s !== null; s = s.next) {
      for (let i = s.len - 1; i >= 0; i--) {
        if (s.frames[i].tag === tag) {
          const keep = inclusive ? i : i + 1;
          this.rest = keep > 0 ? new Segment(s.frames, keep, s.next) : s.next;
          return;
        }
      }
    }
    this.rest = null;
  }

  // ------------------------------------------------------------ exceptions

  /** Turns anything thrown by a step into a Racket raise in this thread. */
  private raiseThrown(e: unknown): void {
    if (e instanceof ExitSignal) throw e;
    if (e instanceof EscapeSignal) {
      // A machine nested deeper (a port procedure run from a primitive of this one) may jump to a frame of this one.
      if (this.nested !== null && this.findFrame(e.tag) === null) throw e;
      this.escapeTo(e.tag, e.then);
      return;
    }
    if (e instanceof RacketThrow) {
      this.raise(e.value, e.barrier, !e.inApplication);
      return;
    }
    if (e instanceof RangeError && /call stack/.test(e.message)) {
      this.raise(makeExn(exnFailT, 'internal error: JS stack exhausted in a primitive (value nested too deeply)'), true);
      return;
    }
    // A bug in the runtime: report it as a Racket exception, never as a JS trace.
    const msg = e instanceof Error ? e.message : String(e);
    this.raise(makeExn(exnFailT, `internal error: ${msg}`), true);
  }

  /**
   * The procedures on the current continuation, for an error's context (see
   * error-context.ts): the direct-mode ones, or else the one the heap
   * machine is in, and the heap frames, which it freezes as a continuation
   * capture does. Nothing of it is computed until it is read. `running`
   * false: of a thread that is not running, whose frames are all there is.
   */
  errorContext(thrown = false, running = true): ErrorContext {
    let n = running ? this.depth : 0;
    // An error raised directly in a module-level expression is the module body's.
    if (thrown && n > 0 && this.dstack[n - 1].info.expression) n--;
    const direct = new Array(n);
    for (let i = 0; i < n; i++) direct[i] = this.dstack[i].info;
    let topInfo = null;
    let topEnv: unknown = null;
    if (running && this.depth === 0 && !this.inDirect) {
      if (this.node !== null) {
        topInfo = this.node.owner;
        topEnv = this.env;
      } else if (this.resumed !== null) {
        topInfo = this.resumed.ctxInfo();
        topEnv = this.resumed.ctxEnv();
      }
      if (thrown && topInfo?.expression) topInfo = null;
    }
    if (this.stack.length > 0) {
      this.rest = new Segment(this.stack, this.stack.length, this.rest);
      this.stack = [];
    }
    return new ErrorContext(direct, topInfo, topEnv, this.rest);
  }

  /** `(current-continuation-marks)`: the marks, and the context to go with them (`thrown`: of an error a primitive threw). */
  currentMarks(thrown = false): ContinuationMarkSet {
    return new ContinuationMarkSet(this.marks, this.errorContext(thrown));
  }

  /**
   * `raise`: calls the innermost exception handler in the current
   * continuation. `thrown`: a primitive's own code threw `v` (a
   * RacketThrow, not an error applying a procedure).
   */
  raise(v: Value, nonContinuable: boolean, thrown = false): void {
    if (isExn(v) && v.fields[1] === MARKS_PENDING) v.fields[1] = this.currentMarks(thrown);
    this.node = null;
    const h = this.firstMark(EXN_HANDLER_KEY);
    if (h === undefined) {
      this.rt.uncaught(this, v);
      return;
    }
    this.rt.callHandler(this, h, v, nonContinuable);
  }
}

/** Runs a JS continuation when a value comes back (used for multi-step control transfers). */
export class ThenFrame extends Frame {
  constructor(readonly then: (m: Machine) => void) {
    super();
  }
  resume(m: Machine): void {
    this.then(m);
  }
}

/** The frames of a captured continuation above its nearest prompt, bottom first. */
function framesAbovePrompt(rest: Segment | null): Frame[] {
  const out: Frame[] = [];
  for (let s = rest; s !== null; s = s.next) {
    for (let i = s.len - 1; i >= 0; i--) {
      const f = s.frames[i];
      if (f instanceof PromptFrame) return out.reverse();
      out.push(f);
    }
  }
  return out.reverse();
}

function commonWinder(a: Winder | null, b: Winder | null): Winder | null {
  while (a !== b) {
    if (a === null || b === null) return null;
    if (a.depth > b.depth) a = a.next;
    else if (b.depth > a.depth) b = b.next;
    else {
      a = a.next;
      b = b.next;
    }
  }
  return a;
}

/** The clause of a case-lambda that takes `n` arguments. */
function caseClause(f: CaseClosure, n: number): Closure {
  for (const c of f.clauses) {
    const lam = c.lam;
    if (n >= lam.nreq && (lam.hasRest || n <= lam.nreq + lam.nopt)) return c;
  }
  return arityMismatch(f.name, null, n);
}

/** Binds arguments for a closure with optional or rest parameters, checking arity. */
function bindArgs(f: Closure, vals: Value[]): Env {
  const lam = f.lam;
  const n = vals.length - 1;
  const max = lam.hasRest ? -1 : lam.nreq + lam.nopt;
  if (n < lam.nreq || (max >= 0 && n > max)) arityError(lam.name, lam.nreq, max, n);
  const env: Env = new Array(1 + lam.nreq + lam.nopt + (lam.hasRest ? 1 : 0));
  env[0] = f.env;
  const fixed = lam.nreq + lam.nopt;
  for (let i = 1; i <= fixed; i++) env[i] = i <= n ? vals[i] : UNSUPPLIED;
  if (lam.hasRest) {
    let rest: Value = NULL;
    for (let i = n; i > fixed; i--) rest = new Pair(vals[i], rest);
    env[fixed + 1] = rest;
  }
  return env;
}
