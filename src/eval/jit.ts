// The JIT: turns a hot lambda body into one JS function that does what the
// body's nodes do in direct mode (`dev`, see nodes.ts), so V8 optimizes it
// as a whole. Frame variables become JS locals, references to primitives
// and to constant module-level variables become closure constants, and the
// commonest primitives on fixnums are open-coded.
//
// The generated code keeps every contract of direct mode: environment
// frames have the same layout as the interpreter's, and when a call returns
// CAPTURE it pushes the same heap frames that the nodes would, innermost
// first, so the machine resumes in the node tree exactly where the compiled
// code stopped. Nodes the generator does not know run through their own
// `ev`/`dev`.

import { Flonum, MultipleValues, NULL, Pair, VOID, type Value } from '../values/types.js';
import { resultArityError, undefinedVariable, useBeforeInit } from '../errors/messages.js';
import type { TopVar } from '../expand/core.js';
import {
  App,
  AppFrame,
  AssignFrame,
  CAPTURE,
  CheckedLocalRef,
  Const,
  GlobalRef,
  If,
  IfFrame,
  IfSimple,
  LambdaNode,
  Let,
  LetFrame,
  LocalRef,
  LocalRef0,
  LocalRef1,
  PrimApp,
  SINGLE_VALUE_FRAME,
  SingleValue,
  Seq,
  SeqFrame,
  SeqSimple,
  SetGlobal,
  SetLocal,
  TAIL,
  valuesOf,
  type Node,
  Closure,
} from './nodes.js';
import type { Env } from './procedures.js';
import type { Machine } from './machine-type.js';

export type DirectCode = (m: Machine, env: Env) => Value;

/** What generated code refers to by name. */
const RUNTIME = {
  CAPTURE,
  TAIL,
  VOID,
  NULL,
  Pair,
  Flonum,
  Closure,
  AppFrame,
  IfFrame,
  SeqFrame,
  LetFrame,
  AssignFrame,
  SINGLE_VALUE_FRAME,
  MAX: Number.MAX_SAFE_INTEGER,
  single(v: Value): Value {
    if (v instanceof MultipleValues) resultArityError(1, v.vals.length);
    return v;
  },
  checked(v: Value, name: string): Value {
    if (v === undefined) useBeforeInit(name);
    return v;
  },
  global(cell: TopVar): Value {
    const v = cell.value;
    if (v === undefined) undefinedVariable(cell.name, cell.moduleDescription);
    return v;
  },
  valuesOf,
};

/** Compiles `lam`'s body; null when the body is not one direct mode runs. */
export function compileLambda(lam: LambdaNode, dump: ((source: string) => void) | null = null): DirectCode | null {
  if (!lam.bodyDirect) return null;
  const g = new Generator(lam);
  let body = g.stmt(lam.body, ['env'], null, []);
  // Self tail calls `continue` this loop with a new frame in `env`.
  if (g.loops) body = `for (;;) {\n${body}\n}`;
  const temps = g.temps > 0 ? `let ${Array.from({ length: g.temps }, (_, i) => `t${i + 1}`).join(', ')};\n` : '';
  const consts = g.consts.map((_, i) => `const k${i} = K[${i}];`).join('\n');
  const names = Object.keys(RUNTIME);
  const source = `'use strict';\nconst {${names.join(', ')}} = R;\n${consts}\nreturn function ${safeName(lam.name)}(m, env) {\n${temps}${body}\n};`;
  dump?.(source);
  const factory = new Function('K', 'R', source) as (k: unknown[], r: typeof RUNTIME) => DirectCode;
  return factory(g.consts, RUNTIME);
}

function safeName(name: string | null): string {
  const s = (name ?? 'lambda').replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[A-Za-z_$]/.test(s) ? `rkt_${s}` : 'rkt_lambda';
}

/** Open-coded primitives: given the operand expressions (already pure), the fast-path expression. */
type Inline = (a: string[], call: string) => string;

/** `typeof x === 'number'`, known true for a fixnum literal. */
function isNum(x: string): string {
  return /^\(?-?\d+\)?$/.test(x) ? 'true' : `typeof ${x} === 'number'`;
}

const INLINE: Record<string, { arity: number; code: Inline }> = {
  '+': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} && Math.abs(${a} + ${b}) <= MAX ? ${a} + ${b} : ${call})` },
  '-': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} && Math.abs(${a} - ${b}) <= MAX ? ${a} - ${b} : ${call})` },
  '<': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} ? ${a} < ${b} : ${call})` },
  '>': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} ? ${a} > ${b} : ${call})` },
  '<=': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} ? ${a} <= ${b} : ${call})` },
  '>=': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} ? ${a} >= ${b} : ${call})` },
  '=': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} ? ${a} === ${b} : ${call})` },
  '*': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} && Math.abs(${a} * ${b}) <= MAX ? ${a} * ${b} + 0 : ${call})` },
  'even?': { arity: 1, code: ([a], call) => `(${isNum(a)} ? ${a} % 2 === 0 : ${call})` },
  'odd?': { arity: 1, code: ([a], call) => `(${isNum(a)} ? ${a} % 2 !== 0 : ${call})` },
  add1: { arity: 1, code: ([a], call) => `(${isNum(a)} && ${a} < MAX ? ${a} + 1 : ${call})` },
  sub1: { arity: 1, code: ([a], call) => `(${isNum(a)} && ${a} > -MAX ? ${a} - 1 : ${call})` },
  'zero?': { arity: 1, code: ([a], call) => `(${a} === 0 || (typeof ${a} !== 'number' && ${call}))` },
  not: { arity: 1, code: ([a]) => `(${a} === false)` },
  'null?': { arity: 1, code: ([a]) => `(${a} === NULL)` },
  'pair?': { arity: 1, code: ([a]) => `(${a} instanceof Pair)` },
  car: { arity: 1, code: ([a], call) => `(${a} instanceof Pair ? ${a}.car : ${call})` },
  cdr: { arity: 1, code: ([a], call) => `(${a} instanceof Pair ? ${a}.cdr : ${call})` },
  cons: { arity: 2, code: ([a, b]) => `new Pair(${a}, ${b})` },
  // racket/fixnum on two numbers (fixnums past 2^53 are bigints, which take the call) and racket/flonum on two flonums.
  'fx+': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} && Math.abs(${a} + ${b}) <= MAX ? ${a} + ${b} : ${call})` },
  'fx-': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} && Math.abs(${a} - ${b}) <= MAX ? ${a} - ${b} : ${call})` },
  'fx<': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} ? ${a} < ${b} : ${call})` },
  'fx>': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} ? ${a} > ${b} : ${call})` },
  'fx<=': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} ? ${a} <= ${b} : ${call})` },
  'fx>=': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} ? ${a} >= ${b} : ${call})` },
  'fx=': { arity: 2, code: ([a, b], call) => `(${isNum(a)} && ${isNum(b)} ? ${a} === ${b} : ${call})` },
  ...Object.fromEntries(
    (['+', '-', '*', '/'] as const).map((op) => [
      `fl${op}`,
      {
        arity: 2,
        code: ([a, b]: string[], call: string) =>
          `(${a} instanceof Flonum && ${b} instanceof Flonum ? new Flonum(${a}.n ${op} ${b}.n) : ${call})`,
      },
    ]),
  ),
  ...Object.fromEntries(
    (
      [
        ['<', '<'],
        ['>', '>'],
        ['<=', '<='],
        ['>=', '>='],
        ['=', '==='],
      ] as const
    ).map(([name, op]) => [
      `fl${name}`,
      {
        arity: 2,
        code: ([a, b]: string[], call: string) => `(${a} instanceof Flonum && ${b} instanceof Flonum ? ${a}.n ${op} ${b}.n : ${call})`,
      },
    ]),
  ),
};

class Generator {
  /** Whether a self tail call was compiled as a jump (the body then runs in a loop). */
  loops = false;
  constructor(private readonly self: LambdaNode) {}
  readonly consts: unknown[] = [];
  private readonly constIndex = new Map<unknown, number>();
  temps = 0;
  private frames = 0;

  /** A closure constant holding `v`. */
  k(v: unknown): string {
    let i = this.constIndex.get(v);
    if (i === undefined) {
      i = this.consts.length;
      this.consts.push(v);
      this.constIndex.set(v, i);
    }
    return `k${i}`;
  }

  temp(): string {
    return `t${++this.temps}`;
  }

  /** The JS expression for slot `index` of the frame `depth` levels out. */
  private ref(envs: string[], depth: number, index: number): string {
    if (depth < envs.length) return `${envs[depth]}[${index}]`;
    return `${envs[envs.length - 1]}${'[0]'.repeat(depth - envs.length + 1)}[${index}]`;
  }

  /** Whether evaluating the expression twice is the same as once (no effects, cheap). */
  private pure(n: Node): boolean {
    return n instanceof Const || n instanceof LocalRef0 || n instanceof LocalRef1 || n instanceof LocalRef;
  }

  /** A JS expression for a simple node. */
  expr(n: Node, envs: string[]): string {
    const env = envs[0];
    if (n instanceof Const) {
      const v = n.v;
      if (typeof v === 'number' && Number.isSafeInteger(v) && !Object.is(v, -0)) return `(${v})`;
      if (v === true || v === false) return String(v);
      return this.k(v);
    }
    if (n instanceof LocalRef0) return `${env}[${n.index}]`;
    if (n instanceof LocalRef1) return this.ref(envs, 1, n.index);
    if (n instanceof LocalRef) return this.ref(envs, n.depth, n.index);
    if (n instanceof CheckedLocalRef) return `checked(${this.ref(envs, n.depth, n.index)}, ${this.k(n.name)})`;
    if (n instanceof GlobalRef) {
      // A constant variable that has its value keeps it: use the value itself.
      if (n.cell.constant && n.cell.value !== undefined) return this.k(n.cell.value);
      return `global(${this.k(n.cell)})`;
    }
    if (n instanceof LambdaNode) return `new Closure(${this.k(n)}, ${env})`;
    if (n instanceof IfSimple) return `(${this.expr(n.c, envs)} !== false ? ${this.expr(n.th, envs)} : ${this.expr(n.el, envs)})`;
    if (n instanceof SeqSimple) return `(${n.es.map((e) => this.expr(e, envs)).join(', ')})`;
    if (n instanceof PrimApp) return this.primApp(n, envs);
    if (n instanceof SetLocal) return `(${this.ref(envs, n.depth, n.index)} = ${this.expr(n.rhs, envs)}, VOID)`;
    return `${this.k(n)}.ev(m, ${env})`;
  }

  private primApp(n: PrimApp, envs: string[]): string {
    const prim = n.prim;
    const inline = Object.hasOwn(INLINE, prim.name) ? INLINE[prim.name] : undefined;
    if (inline !== undefined && inline.arity === n.args.length) {
      // Operands that are not pure go through temporaries, evaluated once, in order.
      const setup: string[] = [];
      const operands = n.args.map((a) => {
        const e = this.expr(a, envs);
        if (this.pure(a)) return e;
        const t = this.temp();
        setup.push(`${t} = ${e}`);
        return t;
      });
      const call = `${this.k(prim.fn)}.call(m${operands.map((o) => `, ${o}`).join('')})`;
      const code = inline.code(operands, call);
      return setup.length > 0 ? `(${setup.join(', ')}, ${code})` : code;
    }
    const args = n.args.map((a) => `, ${this.expr(a, envs)}`).join('');
    return `${this.k(prim.fn)}.call(m${args})`;
  }

  /** Code that returns CAPTURE after pushing the frames of the enclosing evaluations. */
  private onCapture(v: string, pending: string[]): string {
    if (pending.length === 0) return `if (${v} === CAPTURE) return CAPTURE;`;
    return `if (${v} === CAPTURE) { ${pending.map((f) => `m.captured(${f});`).join(' ')} return CAPTURE; }`;
  }

  /**
   * Statements that evaluate `n` and assign its value to `target`, or return
   * it when `target` is null (tail position of the body; nothing pending).
   * `pending` holds the frames to push if a call inside returns CAPTURE.
   */
  stmt(n: Node, envs: string[], target: string | null, pending: string[]): string {
    const env = envs[0];
    const done = (e: string) => (target === null ? `return ${e};` : `${target} = ${e};`);
    if (n.simple) return done(this.expr(n, envs));
    if (n instanceof If) {
      let test: string;
      let pre = '';
      if (n.c.simple) test = this.expr(n.c, envs);
      else {
        const t = this.temp();
        pre = this.stmt(n.c, envs, t, [`new IfFrame(${this.k(n)}, ${env})`, ...pending]) + `\n${t} = single(${t});\n`;
        test = t;
      }
      return `${pre}if (${test} !== false) {\n${this.stmt(n.th, envs, target, pending)}\n} else {\n${this.stmt(n.el, envs, target, pending)}\n}`;
    }
    if (n instanceof Seq) {
      const out: string[] = [];
      const last = n.es.length - 1;
      n.es.forEach((e, i) => {
        if (i === last) out.push(this.stmt(e, envs, target, pending));
        else if (e.simple) out.push(`${this.expr(e, envs)};`);
        else out.push(this.stmt(e, envs, this.temp(), [`new SeqFrame(${this.k(n)}, ${env}, ${i + 1})`, ...pending]));
      });
      return out.join('\n');
    }
    if (n instanceof SingleValue) {
      // Not in tail position: a Capture inside leaves the check's frame under it.
      const t = this.temp();
      return `${this.stmt(n.e, envs, t, ['SINGLE_VALUE_FRAME', ...pending])}\n${done(`single(${t})`)}`;
    }
    if (n instanceof Let) return this.letStmt(n, envs, target, pending);
    if (n instanceof App) return this.appStmt(n, envs, target, pending);
    if (n instanceof SetLocal || n instanceof SetGlobal) {
      const t = this.temp();
      const assign =
        n instanceof SetLocal ? `${this.ref(envs, n.depth, n.index)} = single(${t});` : `${this.k(n)}.assign(${env}, single(${t}));`;
      return `${this.stmt(n.rhs, envs, t, [`new AssignFrame(${this.k(n)}, ${env})`, ...pending])}\n${assign}\n${done('VOID')}`;
    }
    // Any other node runs its own direct-mode code.
    if (target === null) return `return ${this.k(n)}.dev(m, ${env});`;
    return `${target} = ${this.k(n)}.dev(m, ${env});\n${this.onCapture(target, pending)}`;
  }

  private letStmt(n: Let, envs: string[], target: string | null, pending: string[]): string {
    const outer = envs[0];
    const f = `f${++this.frames}`;
    const out = [`const ${f} = [${[outer, ...Array.from({ length: n.size }, () => 'undefined')].join(', ')}];`];
    const inner = [f, ...envs];
    const evalEnvs = n.isRec ? inner : envs;
    let slot = 1;
    n.rhss.forEach((r, i) => {
      const count = n.counts[i];
      if (r.simple && count === 1) out.push(`${f}[${slot++}] = ${this.expr(r, evalEnvs)};`);
      else if (r.simple && count === 0) out.push(`${this.expr(r, evalEnvs)};`);
      else {
        const t = this.temp();
        out.push(this.stmt(r, evalEnvs, t, [`new LetFrame(${this.k(n)}, ${outer}, ${f}, ${i}, ${slot})`, ...pending]));
        if (count === 1) out.push(`${f}[${slot++}] = single(${t});`);
        else if (count > 1) {
          out.push(`${t} = valuesOf(${t}, ${count});`);
          for (let j = 0; j < count; j++) out.push(`${f}[${slot++}] = ${t}[${j}];`);
        }
      }
    });
    out.push(this.stmt(n.body, inner, target, pending));
    return `{\n${out.join('\n')}\n}`;
  }

  private appStmt(n: App, envs: string[], target: string | null, pending: string[]): string {
    const env = envs[0];
    const parts = [n.fn, ...n.args];
    const out: string[] = [];
    // Operands are evaluated in order; one read before a call that comes
    // later is kept in a temporary (the call may change what it reads).
    let lastCall = -1;
    parts.forEach((p, i) => {
      if (!p.simple) lastCall = i;
    });
    const exprs: string[] = [];
    parts.forEach((p, i) => {
      if (p.simple) {
        const e = this.expr(p, envs);
        if (i < lastCall && !this.stable(p)) {
          const t = this.temp();
          out.push(`${t} = ${e};`);
          exprs.push(t);
        } else exprs.push(e);
      } else {
        const t = this.temp();
        // The frame for a Capture here holds the operands so far, as App's own frame would.
        const sofar = [...exprs, ...Array.from({ length: parts.length - i }, () => 'undefined')].join(', ');
        out.push(this.stmt(p, envs, t, [`new AppFrame(${this.k(n)}, ${env}, [${sofar}], ${i})`, ...pending]));
        out.push(`${t} = single(${t});`);
        exprs.push(t);
      }
    });
    const v = `v${++this.frames}`;
    out.push(`const ${v} = [${exprs.join(', ')}];`);
    if (n.tail) {
      out.push(this.selfTailCall(n, v));
      out.push(`m.tailF = ${v}[0];\nm.tailVals = ${v};\nreturn TAIL;`);
    } else if (target === null) {
      out.push(`return m.callDirect(${v}[0], ${v});`);
    } else {
      out.push(`${target} = m.callDirect(${v}[0], ${v});`);
      out.push(this.onCapture(target, pending));
    }
    return `{\n${out.join('\n')}\n}`;
  }

  /**
   * A tail call of the lambda being compiled (a named let's loop, a
   * recursive module-level function) jumps back to the top of the body
   * with the new frame, as long as the step budget lasts.
   */
  private selfTailCall(n: App, v: string): string {
    const lam = this.self;
    if (lam.fixed !== n.args.length) return '';
    const f = n.fn;
    if (this.stable(f)) {
      const value = f instanceof Const ? f.v : (f as GlobalRef).cell.value;
      if (!(value instanceof Closure) || value.lam !== lam) return '';
      this.loops = true;
      return `if (--m.budget > 0) { ${v}[0] = ${this.k(value.env)}; env = ${v}; continue; }`;
    }
    if (!(f instanceof LocalRef0 || f instanceof LocalRef1 || f instanceof LocalRef || f instanceof CheckedLocalRef)) return '';
    this.loops = true;
    return `if (${v}[0] instanceof Closure && ${v}[0].lam === ${this.k(lam)} && --m.budget > 0) { ${v}[0] = ${v}[0].env; env = ${v}; continue; }`;
  }

  /** Whether the node's value cannot change: reading it late is the same as reading it early. */
  private stable(n: Node): boolean {
    return n instanceof Const || (n instanceof GlobalRef && n.cell.constant && n.cell.value !== undefined);
  }
}
