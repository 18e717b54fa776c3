// racket/pretty's layout: the algorithm of Racket 8.7's pretty printer
// (itself descended from Marc Feeley's genwrite), in our own structure.
//
// A session prints one value. It first walks the value to find cycles and
// shared parts (labelled `#n=` with print-graph or when there is a cycle)
// and, in print mode, which parts cannot be quoted and so print as
// constructor calls (`(list 1 (mcons 2 3))`). Then, with a finite width,
// each compound value is first tried on one line, into a tentative port
// that gives up as soon as the line is too long; if it does not fit, it is
// printed across lines, in the style its head symbol asks for in the style
// table (define and lambda keep their first part on the first line, let
// keeps its bindings there, and so on), else one element per line.
//
// The printer never recurses on the JS stack through the value: every step
// that would print a part pushes a task instead, and a loop runs the tasks
// (`run`), so values nested any depth print. Only a one-line attempt runs
// its own loop inside the current task, and custom writers (Racket code,
// run nested) come back in through port handlers.

import { runningMachine } from '../eval/machine.js';
import type { Machine } from '../eval/machine-type.js';
import { EscapeSignal, ThenFrame } from '../eval/machine.js';
import { MarkEntry } from '../eval/frames.js';
import { PARAMZ_KEY, Paramz, ThreadCell } from '../eval/marks.js';
import { runNested } from '../eval/nested.js';
import { type Parameter, Primitive } from '../eval/procedures.js';
import { OutputPort } from '../io/output-port.js';
import { formatNumber, isNumber } from '../printer/number-format.js';
import {
  displayString,
  isCustomPrintable,
  prefabKey,
  printQuotable,
  printString,
  structQuotable,
  writeString,
  type PrintParams,
} from '../printer/print.js';
import { symbolToPrintString } from '../printer/symbol-format.js';
import { FlVector, FxVector, numericVectorParts } from '../values/flvectors.js';
import { RHash } from '../values/hash.js';
import { Impersonator, seeThrough } from '../values/impersonator.js';
import { StructInstance, type StructType, propCustomWrite } from '../values/struct.js';
import {
  Box,
  RBytes,
  Complex,
  Flonum,
  Keyword,
  MPair,
  NULL,
  Pair,
  RVector,
  Rational,
  Sym,
  VOID,
  sym,
  type Value,
} from '../values/types.js';
import { prettyHashEntries } from './hash-order.js';
import { PrettyPort, makeTentativePort, transferTentative } from './pretty-ports.js';

type QuoteDepth = 0 | 1 | null;
type Depth = number | null;
type Task = () => void;

/** How a list is taken apart: pairs or mutable pairs. */
interface Access {
  isPair(v: Value): boolean;
  car(v: Value): Value;
  cdr(v: Value): Value;
}
const PAIRS: Access = {
  isPair: (v) => v instanceof Pair,
  car: (v) => (v as Pair).car,
  cdr: (v) => (v as Pair).cdr,
};
const MPAIRS: Access = {
  isPair: (v) => v instanceof MPair,
  car: (v) => (v as MPair).car,
  cdr: (v) => (v as MPair).cdr,
};

/** A constructor name printed bare at the head of a constructor-style form: `list`, `vector`, `point`. */
class Unquoted {
  constructor(readonly name: string) {}
}
/** A hash table's value, printed after ` . ` without its own hooks. */
class Hide {
  constructor(readonly v: Value) {}
}
/** The fields of an opaque level of a partly transparent struct: `...`. */
const STRUCT_ELLIPSES = new Unquoted('...');

const UNQ_LIST = new Unquoted('list');
const UNQ_LIST_STAR = new Unquoted('list*');
const UNQ_CONS = new Unquoted('cons');
const UNQ_MCONS = new Unquoted('mcons');
const UNQ_VECTOR = new Unquoted('vector');
const UNQ_FLVECTOR = new Unquoted('flvector');
const UNQ_FXVECTOR = new Unquoted('fxvector');
const UNQ_BOX = new Unquoted('box');

const QUOTE = sym('quote');
const QUASIQUOTE = sym('quasiquote');
const UNQUOTE = sym('unquote');
const UNQUOTE_SPLICING = sym('unquote-splicing');
const SYNTAX = sym('syntax');
const QUASISYNTAX = sym('quasisyntax');
const UNSYNTAX = sym('unsyntax');
const UNSYNTAX_SPLICING = sym('unsyntax-splicing');
const DOT = sym('.');

const READ_MACRO_PREFIX = new Map<Sym, string>([
  [QUOTE, "'"],
  [QUASIQUOTE, '`'],
  [UNQUOTE, ','],
  [UNQUOTE_SPLICING, ',@'],
  [SYNTAX, "#'"],
  [QUASISYNTAX, '#`'],
  [UNSYNTAX, '#,'],
  [UNSYNTAX_SPLICING, '#,@'],
]);

/** A value seen twice: labelled `#n=` when it is first printed, `#n#` after. */
interface Mark {
  readonly escapes: boolean;
  label: string | null;
  defined: { v: boolean };
}

/** What a session is told: the value's mode, the printing parameters and the hooks. */
export interface PrettySettings {
  display: boolean;
  /** print mode's quote depth; null in write and display mode. */
  quoteDepth: QuoteDepth;
  /** pretty-print-columns as given (a number or 'infinity), and as a number (null: infinity). */
  widthValue: Value;
  width: number | null;
  depth: Depth;
  params: PrintParams;
  showInexactness: boolean;
  exactAsDecimal: boolean;
  dotWithoutBars: boolean;
  abbreviateReadMacros: boolean;
  /** Whether the pre- and post-print hooks are not both the default (which does nothing). */
  prePostHooks: boolean;
  /** The size hook, or null for the default (which measures nothing). */
  sizeHook: Value | null;
  /** pretty-print-remap-stylable's procedure, or null for the default. */
  remap: Value | null;
  /** The current style table: symbol → the symbol whose style it takes. */
  styles: ReadonlyMap<Sym, Sym>;
  /** pretty-printing and pretty-print-columns, which custom writers are run under. */
  prettyPrintingParam: Parameter;
  columnsParam: Parameter;
}

/** The values that may print across several lines. */
function kindOf(
  v: Value,
  params: PrintParams,
): 'pair' | 'mpair' | 'vector' | 'numeric-vector' | 'box' | 'custom' | 'struct' | 'hash' | null {
  if (v instanceof Pair) return 'pair';
  if (v instanceof FlVector || v instanceof FxVector) return 'numeric-vector';
  if (v instanceof MPair) return 'mpair';
  if (v instanceof RVector) return 'vector';
  if (v instanceof Box) return params.box ? 'box' : null;
  if (v instanceof StructInstance) {
    if (customWriteOf(v) !== undefined) return 'custom';
    return isInspectable(v.type) && params.struct ? 'struct' : null;
  }
  if (v instanceof RHash) return params.hashTable ? 'hash' : null;
  return null;
}

function customWriteOf(v: StructInstance): Value | undefined {
  return v.type.prop(propCustomWrite);
}

/** `struct?`: some level of the type is transparent (or it is prefab). */
function isInspectable(type: StructType): boolean {
  for (let t: StructType | null = type; t !== null; t = t.parent) if (t.transparent || t.prefab !== null) return true;
  return false;
}

/** `struct->vector` with the opaque levels' fields shown as one `...` each. */
function structToArray(v: StructInstance): Value[] {
  const levels: StructType[] = [];
  for (let t: StructType | null = v.type; t !== null; t = t.parent) levels.push(t);
  levels.reverse();
  const out: Value[] = [sym(`struct:${v.type.name}`)];
  for (const t of levels) {
    const start = t.fieldOffset;
    const count = t.ownInitFields + t.ownAutoFields;
    if (t.transparent || t.prefab !== null) {
      for (let i = 0; i < count; i++) out.push(v.fields[start + i]);
    } else if (out[out.length - 1] !== STRUCT_ELLIPSES) out.push(STRUCT_ELLIPSES);
  }
  return out;
}

function list(items: readonly Value[], tail: Value = NULL): Value {
  let r = tail;
  for (let i = items.length - 1; i >= 0; i--) r = new Pair(items[i], r);
  return r;
}

/** A proper list, cycles included (which are not lists). */
function isProperList(v: Value): boolean {
  if (v === NULL) return true;
  if (!(v instanceof Pair)) return false;
  return v.isList;
}

/** The elements of a vector as printed with print-vector-length: a repeated last element once. */
function repeatless(items: readonly Value[], vectorLength: boolean): readonly Value[] {
  if (!vectorLength || items.length === 0) return items;
  let n = items.length;
  while (n > 1 && items[n - 2] === items[n - 1]) n--;
  return items.slice(0, n);
}

function isInexact(v: Value): boolean {
  if (v instanceof Flonum) return true;
  return v instanceof Complex && (v.re instanceof Flonum || v.im instanceof Flonum);
}

/** number->string, or with pretty-print-exact-as-decimal the exact decimal expansion when there is one. */
function decimalString(v: Value): string {
  if (v instanceof Complex) {
    const re = decimalString(v.re);
    const im = decimalString(v.im);
    return `${re}${im.startsWith('-') || im.startsWith('+') ? '' : '+'}${im}i`;
  }
  if (!(v instanceof Rational)) return formatNumber(v as never);
  let d = v.den;
  let twos = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  let fives = 0;
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return formatNumber(v);
  const tens = Math.max(twos, fives);
  const scale = 2n ** BigInt(tens - twos) * 5n ** BigInt(tens - fives);
  const n = v.num < 0n ? -v.num : v.num;
  let s = (n * scale).toString();
  if (s.length < tens + 1) s = '0'.repeat(tens + 1 - s.length) + s;
  return `${v.num < 0n ? '-' : ''}${s.slice(0, s.length - tens)}.${s.slice(s.length - tens)}`;
}

/** Runs `proc` on a machine nested in `outer`'s step, with parameters bound. */
function applyParameterized(outer: Machine, bindings: [Parameter, Value][], proc: Value, args: Value[]): Value {
  return runNested(outer, (m) => {
    let pz = (m.firstMark(PARAMZ_KEY) as Paramz | undefined) ?? null;
    for (const [p, v] of bindings) pz = new Paramz(p, new ThreadCell(v, true), pz);
    m.marks = new MarkEntry(PARAMZ_KEY, pz, null);
    m.stack.push(new ThenFrame((m2) => m2.applyArray(proc, args)));
    m.returnValue(VOID);
  });
}

function machine(fallback: Machine): Machine {
  return runningMachine() ?? fallback;
}

/** A procedure that prints one value in the mode a pp-style function gives its parts. */
type Layout = (expr: Value, extra: number, depth: Depth, acc: Access, open: string, close: string, qd: QuoteDepth) => void;

export class PrettySession {
  private display: boolean;
  private port: PrettyPort;
  private tasks: Task[] = [];
  /** Values seen more than once (only when there is a cycle or with print-graph). */
  private found: Map<object, Mark> | null = null;
  /** Compound values that must print in constructor style at quote depth 0. */
  private readonly escapes = new Set<object>();
  private labelCounter = 0;
  private readonly plain = new Map<Impersonator, Value>();
  private readonly pairOpen: string;
  private readonly pairClose: string;
  private readonly mpairOpen: string;
  private readonly mpairClose: string;

  constructor(
    private readonly m: Machine,
    private readonly s: PrettySettings,
    port: PrettyPort,
    /** The port the user gave, which the size hook is told. */
    private readonly userPort: OutputPort,
  ) {
    this.display = s.display;
    this.port = port;
    this.pairOpen = s.params.pairCurlyBraces ? '{' : '(';
    this.pairClose = s.params.pairCurlyBraces ? '}' : ')';
    this.mpairOpen = s.params.mpairCurlyBraces ? '{' : '(';
    this.mpairClose = s.params.mpairCurlyBraces ? '}' : ')';
  }

  /** generic-write: the whole printing of `obj`, with the first and (with `newline`) last line hooks. */
  print(obj: Value, newline: boolean): void {
    this.scanAll(obj);
    this.port.info.printLine(true, 0, this.s.widthValue);
    const qd = this.s.quoteDepth;
    if (this.s.width !== null) this.run(() => this.pr(obj, 0, this.ppExpr, this.s.depth, qd));
    else this.run(() => this.wr(obj, this.s.depth, qd));
    if (newline) this.port.info.printLine(false, this.port.column, this.s.widthValue);
  }

  // ---------------------------------------------------------------- the task loop

  private run(first: Task): void {
    const saved = this.tasks;
    const tasks: Task[] = [first];
    this.tasks = tasks;
    try {
      while (tasks.length > 0) tasks.pop()!();
    } finally {
      this.tasks = saved;
    }
  }

  private push(t: Task): void {
    this.tasks.push(t);
  }

  private out(s: string): void {
    this.port.write(s);
  }

  private col(): number {
    return this.port.column;
  }

  private see(v: Value): Value {
    if (!(v instanceof Impersonator)) return v;
    let p = this.plain.get(v);
    if (p === undefined) {
      p = seeThrough(v);
      this.plain.set(v, p);
    }
    return p;
  }

  // ---------------------------------------------------------------- hooks

  private sizeOf(v: Value): Value {
    const hook = this.s.sizeHook;
    if (hook === null) return false;
    return runNestedApply(machine(this.m), hook, [v, this.display, this.userPort]);
  }

  private remapped(head: Value): Value {
    const f = this.s.remap;
    if (f === null) return false;
    return runNestedApply(machine(this.m), f, [head]);
  }

  /** do-remap: what the style table and read-macro tests see of a head. */
  private doRemap(head: Value): Value {
    const r = this.remapped(head);
    return r === false ? head : r;
  }

  // ---------------------------------------------------------------- the first walk

  /** Finds cycles and sharing, and which parts escape (need constructor style); fills `found` and `escapes`. */
  private scanAll(root: Value): void {
    const table = new Map<object, 'busy' | 'done' | 'done-escapes' | Mark>();
    const state = { cycle: false };
    const init: boolean | 0 | 1 = this.s.display ? false : this.s.quoteDepth !== null ? this.s.quoteDepth : true;
    this.scan(root, init, table, state);
    if (state.cycle || this.s.params.graph) {
      const found = new Map<object, Mark>();
      for (const [k, g] of table) if (typeof g === 'object') found.set(k, g);
      this.found = found;
    }
  }

  /** Racket's first `loop`, with an explicit stack: whether `root` escapes. */
  private scan(
    root: Value,
    mode: boolean | 0 | 1,
    table: Map<object, 'busy' | 'done' | 'done-escapes' | Mark>,
    state: { cycle: boolean },
  ): boolean {
    interface Frame {
      obj: object;
      children: Value[];
      i: number;
      esc: boolean;
      /** The escapes? result from the children's. */
      finish: (childEsc: boolean) => boolean;
    }
    const stack: Frame[] = [];
    const escapes = (obj: object): boolean => {
      if (typeof mode === 'boolean') return false;
      this.escapes.add(obj);
      return true;
    };
    const end = (obj: object, esc: boolean): boolean => {
      if (table.get(obj) === 'busy') table.set(obj, esc ? 'done-escapes' : 'done');
      return esc;
    };
    /** Visits one value: its result now, or null when a frame was pushed. */
    const visit = (v0: Value): boolean | null => {
      const v = this.see(v0);
      if (typeof v !== 'object' || v === null) return false;
      const g = table.get(v);
      if (g !== undefined) {
        if (g === 'busy') state.cycle = true;
        if (typeof g !== 'object') table.set(v, { escapes: g === 'done-escapes', label: null, defined: { v: false } });
        return g === 'done-escapes' || (typeof g === 'object' && g.escapes);
      }
      const begin = (children: Value[], finish: (e: boolean) => boolean): null => {
        table.set(v, 'busy');
        stack.push({ obj: v, children, i: 0, esc: false, finish });
        return null;
      };
      if (v instanceof RVector) return begin(v.items.slice(), (e) => e && escapes(v));
      // As Racket's pretty printer has it, always in constructor style at quote depth 0.
      if (v instanceof FlVector || v instanceof FxVector) return true;
      if (v instanceof Pair) return begin([v.car, v.cdr], (e) => e && escapes(v));
      if (v instanceof MPair) return begin([v.car, v.cdr], () => true);
      if (v instanceof Box) return this.s.params.box ? begin([v.value], (e) => e && escapes(v)) : false;
      if (v instanceof StructInstance) {
        const writer = customWriteOf(v);
        if (writer !== undefined) {
          table.set(v, 'busy');
          return end(v, this.scanCustom(v, writer, mode, table, state) && escapes(v));
        }
        if (!isInspectable(v.type)) return false;
        const prefab = v.type.prefab !== null;
        return begin(structToArray(v), (e) => (e || !prefab) && escapes(v));
      }
      if (v instanceof RHash) {
        if (!v.mutable && v.size === 0) return false;
        const children: Value[] = [];
        for (const [k, val] of v.entries()) children.push(val, k);
        return begin(children, (e) => e && escapes(v));
      }
      if (isCustomPrintable(v) && v[printQuotable] === 'never') return escapes(v);
      return false;
    };
    const first = visit(root);
    if (first !== null) return first;
    while (stack.length > 0) {
      const f = stack[stack.length - 1];
      if (f.i < f.children.length) {
        if (visit(f.children[f.i++]) === true) f.esc = true;
        continue;
      }
      stack.pop();
      const r = end(f.obj, f.finish(f.esc));
      if (stack.length === 0) return r;
      if (r) stack[stack.length - 1].esc = true;
    }
    return false;
  }

  /** The first walk through a custom writer: the parts it prints are walked, and decide its quoting. */
  private scanCustom(
    v: StructInstance,
    writer: Value,
    mode: boolean | 0 | 1,
    table: Map<object, 'busy' | 'done' | 'done-escapes' | Mark>,
    state: { cycle: boolean },
  ): boolean {
    const kind = structQuotable(v);
    let escapes = kind === 'never';
    const sub = (o: Value, m: boolean | 0 | 1): void => {
      const esc = this.scan(o, m, table, state);
      if (!(escapes || !esc || typeof m === 'boolean' || kind === 'self' || kind === 'always')) escapes = true;
    };
    const p = new OutputPort('null', () => {}, true);
    p.writeHandler = new Primitive('pretty-print-scan-write', 2, 2, (o: Value) => {
      sub(o, true);
      return VOID;
    });
    p.displayHandler = new Primitive('pretty-print-scan-display', 2, 2, (o: Value) => {
      sub(o, false);
      return VOID;
    });
    p.printHandler = new Primitive('pretty-print-scan-print', 2, 3, (o: Value, _p: Value, d: Value = 0) => {
      sub(o, d === 1 ? 1 : 0);
      return VOID;
    });
    const arg = mode === 0 && kind === 'always' ? 1 : mode;
    applyParameterized(machine(this.m), [[this.s.prettyPrintingParam, false]], writer, [v, p, arg]);
    return escapes;
  }

  // ---------------------------------------------------------------- labels and quoting

  private exprFound(ref: Mark): void {
    const n = this.labelCounter++;
    ref.label = `#${n}#`;
    ref.defined = this.port.info.defined;
    this.out(`#${n}=`);
  }

  /**
   * check-expr-found: a value already labelled prints its label (`ifLabelled`,
   * or just the label); a value to be labelled gets `#n=` (or `ifToLabel`
   * decides); then `otherwise` prints it.
   */
  private checkFound(
    obj: Value,
    check: boolean,
    ifLabelled: ((label: string) => void) | null,
    ifToLabel: (() => void) | null,
    otherwise: () => void,
  ): void {
    const ref = check && this.found !== null && typeof obj === 'object' && obj !== null ? this.found.get(obj) : undefined;
    if (ref !== undefined && ref.defined.v) {
      if (ifLabelled !== null) ifLabelled(ref.label!);
      else this.out(ref.label!);
      return;
    }
    if (ref !== undefined && ifToLabel !== null) {
      ifToLabel();
      return;
    }
    if (ref !== undefined) this.exprFound(ref);
    otherwise();
  }

  /** to-quoted: at quote depth 0 a value that does not escape gets `'` and depth 1. */
  private toQuoted(qd: QuoteDepth, obj: Value): QuoteDepth {
    if (qd !== 0) return qd;
    if (typeof obj === 'object' && obj !== null && this.escapes.has(obj)) return 0;
    this.out("'");
    return 1;
  }

  private convertPair(obj: Pair): Value {
    if (isProperList(obj)) return new Pair(UNQ_LIST, new Pair(obj.car, obj.cdr));
    const found = this.found;
    if (obj.cdr instanceof Pair && !(found !== null && found.has(obj.cdr))) {
      const items: Value[] = [UNQ_LIST_STAR, obj.car];
      let x: Value = obj.cdr;
      for (;;) {
        if (found !== null && typeof x === 'object' && x !== null && found.has(x)) break;
        if (!(x instanceof Pair)) break;
        items.push(x.car);
        x = x.cdr;
      }
      items.push(x);
      return list(items);
    }
    return list([UNQ_CONS, obj.car, obj.cdr]);
  }

  private convertHash(h: RHash, expr: boolean): Value {
    const entries = prettyHashEntries(h);
    if (expr) {
      const kind = h.kind === 'eq' ? 'hasheq' : h.kind === 'eqv' ? 'hasheqv' : h.kind === 'equal-always' ? 'hashalw' : 'hash';
      const flat: Value[] = [new Unquoted(kind)];
      for (const [k, v] of entries) flat.push(k, v);
      return list(flat);
    }
    return list(entries.map(([k, v]) => new Pair(k, new Hide(v))));
  }

  private hashPrefix(h: RHash): string {
    return h.kind === 'eq' ? '#hasheq' : h.kind === 'eqv' ? '#hasheqv' : h.kind === 'equal-always' ? '#hashalw' : '#hash';
  }

  private isReadMacro(l: Value, acc: Access): boolean {
    if (!this.s.abbreviateReadMacros) return false;
    const head = this.doRemap(acc.car(l));
    if (!(head instanceof Sym) || !READ_MACRO_PREFIX.has(head)) return false;
    const tail = acc.cdr(l);
    return acc.isPair(tail) && acc.cdr(tail) === NULL;
  }

  private readMacroPrefix(l: Value, acc: Access): string {
    return READ_MACRO_PREFIX.get(this.doRemap(acc.car(l)) as Sym)!;
  }

  // ---------------------------------------------------------------- one line (wr*)

  private wr(obj0: Value, depth: Depth, qd: QuoteDepth): void {
    const obj = this.see(obj0);
    const hidden = obj instanceof Hide;
    const info = this.port.info;
    if (!hidden && this.s.prePostHooks) {
      info.prePrint(obj);
      this.push(() => this.port.info.postPrint(obj));
    }
    if (depth !== null && depth < 0 && !hidden) {
      this.out('...');
      return;
    }
    if (this.s.sizeHook !== null) {
      const len = this.sizeOf(obj);
      if (len !== false) {
        info.outputHooked(obj, typeof len === 'number' ? len : 0, this.display);
        return;
      }
    }
    const d1 = depth === null ? null : depth - 1;
    if (obj instanceof Pair) {
      this.checkFound(obj, true, null, null, () => {
        const q = this.toQuoted(qd, obj);
        if (q === 0) this.wrExpr(this.convertPair(obj), depth, PAIRS, '(', ')', q);
        else this.wrExpr(obj, depth, PAIRS, this.pairOpen, this.pairClose, q);
      });
      return;
    }
    if (obj instanceof MPair) {
      this.checkFound(obj, true, null, null, () => {
        if (qd === 0) this.wrList(list([UNQ_MCONS, obj.car, obj.cdr]), false, depth, PAIRS, '(', ')', qd);
        else this.wrExpr(obj, depth, MPAIRS, this.mpairOpen, this.mpairClose, qd);
      });
      return;
    }
    if (obj === NULL) {
      this.toQuoted(qd, obj);
      this.out('()');
      return;
    }
    if (obj instanceof RVector) {
      this.checkFound(obj, true, null, null, () => {
        const q = this.toQuoted(qd, obj);
        if (q === 0) this.wrList(list([UNQ_VECTOR, ...obj.items]), false, depth, PAIRS, '(', ')', q);
        else {
          this.out('#');
          if (this.s.params.vectorLength && !this.display) this.out(String(obj.items.length));
          this.wrList(list(repeatless(obj.items, this.s.params.vectorLength && !this.display)), false, depth, PAIRS, '(', ')', q);
        }
      });
      return;
    }
    if (obj instanceof FlVector || obj instanceof FxVector) {
      this.checkFound(obj, true, null, null, () => {
        const counted = this.s.params.vectorLength && !this.display;
        if (qd === 0) {
          const { tag, items } = numericVectorParts(obj, false);
          this.wrList(list([tag === 'fl' ? UNQ_FLVECTOR : UNQ_FXVECTOR, ...items]), false, depth, PAIRS, '(', ')', qd);
        } else {
          const { tag, items } = numericVectorParts(obj, counted);
          this.out(`#${tag}${counted ? String(obj.items.length) : ''}`);
          this.wrList(list(items), false, depth, PAIRS, '(', ')', qd);
        }
      });
      return;
    }
    if (obj instanceof Box && this.s.params.box) {
      this.checkFound(obj, true, null, null, () => {
        const q = this.toQuoted(qd, obj);
        if (q === 0) this.wrList(list([UNQ_BOX, obj.value]), false, depth, PAIRS, '(', ')', q);
        else {
          this.out('#&');
          this.push(() => this.wr(obj.value, d1, q));
        }
      });
      return;
    }
    if (obj instanceof StructInstance) {
      const writer = customWriteOf(obj);
      if (writer !== undefined) {
        this.checkFound(obj, true, null, null, () => {
          const kind = structQuotable(obj);
          const q = kind === 'self' || kind === 'never' ? qd : this.toQuoted(qd, obj);
          this.writeCustom(obj, writer, depth, q, false);
        });
        return;
      }
      if (isInspectable(obj.type)) {
        if (this.s.params.struct && depth !== 0) {
          this.checkFound(obj, true, null, null, () => this.structBody(obj, qd, (l, q) => this.wrList(l, false, d1, PAIRS, '(', ')', q)));
        } else this.out(`#<${obj.type.name}>`);
        return;
      }
    }
    if (obj instanceof Hide) {
      this.push(() => this.wr(obj.v, depth, qd));
      return;
    }
    if (obj instanceof Unquoted) {
      this.out(obj.name);
      return;
    }
    if (obj instanceof RHash) {
      if (this.s.params.hashTable && depth !== 0) {
        this.checkFound(obj, true, null, null, () => {
          const q = this.toQuoted(qd, obj);
          const expr = q === 0;
          if (!expr) this.out(this.hashPrefix(obj));
          this.wrList(this.convertHash(obj, expr), false, depth, PAIRS, '(', ')', q);
        });
      } else this.out('#<hash>');
      return;
    }
    this.atom(obj, qd);
  }

  /** Numbers, symbols, strings and the other values printed as `write` (or `display`) prints them. */
  private atom(obj: Value, qd: QuoteDepth): void {
    if (typeof obj === 'boolean') {
      this.out(this.s.params.booleanLongForm ? (obj ? '#true' : '#false') : obj ? '#t' : '#f');
      return;
    }
    if (typeof obj === 'number' || isNumber(obj)) {
      if (this.s.showInexactness && isInexact(obj)) this.out('#i');
      this.out(this.s.exactAsDecimal ? decimalString(obj) : formatNumber(obj as never));
      return;
    }
    if (obj === DOT && this.s.dotWithoutBars) {
      this.out('.');
      return;
    }
    if (qd !== null && (obj instanceof Sym || obj instanceof Keyword)) {
      this.toQuoted(qd, obj);
      this.out(writeString(obj));
      return;
    }
    if (qd !== null && isCustomPrintable(obj)) {
      // a value that prints itself (a set, a path): in print mode as `print` shows it
      const kind = obj[printQuotable] ?? 'self';
      const q = kind === 'self' || kind === 'never' ? qd : this.toQuoted(qd, obj);
      this.out(printString(obj, q === 0 ? 0 : 1));
      return;
    }
    if (this.display && obj instanceof RBytes) {
      // displayed as its raw bytes, as display writes them
      this.port.writeBytes(obj.bytes.slice());
      return;
    }
    this.out(this.display ? displayString(obj) : writeString(obj));
  }

  /** A transparent or prefab struct's fields as a list for `printList`, after its `#(`/`#s(` prefix. */
  private structBody(obj: StructInstance, qd: QuoteDepth, printList: (l: Value, q: QuoteDepth) => void): void {
    const v = structToArray(obj);
    const prefab = obj.type.prefab !== null;
    if (prefab) v[0] = prefabKey(obj.type);
    const vectorLength = this.s.params.vectorLength && !this.display && !prefab;
    const q = prefab ? this.toQuoted(qd, obj) : qd;
    const asExpr = q === 0;
    let l: Value;
    if (asExpr) l = list([new Unquoted(obj.type.name), ...v.slice(1)]);
    else l = list(repeatless(v, vectorLength));
    if (!asExpr) {
      this.out('#');
      if (prefab) this.out('s');
      if (vectorLength) this.out(String(v.length));
    }
    printList(l, q);
  }

  private wrExpr(expr: Value, depth: Depth, acc: Access, open: string, close: string, qd: QuoteDepth): void {
    if (open === '(' && this.isReadMacro(expr, acc)) {
      this.out(this.readMacroPrefix(expr, acc));
      const head = acc.car(expr);
      const body = acc.car(acc.cdr(expr));
      if ((head === UNQUOTE || head === UNSYNTAX) && body instanceof Sym) {
        const s = this.display ? body.name : symbolToPrintString(body.name);
        if (s.startsWith('@')) this.out(' ');
        this.out(s);
        return;
      }
      this.push(() => this.wr(body, depth, qd));
      return;
    }
    this.wrList(expr, true, depth, acc, open, close, qd);
  }

  private wrList(l: Value, check: boolean, depth: Depth, acc: Access, open: string, close: string, qd: QuoteDepth): void {
    if (!acc.isPair(l)) {
      this.out(open);
      this.out(close);
      return;
    }
    if (depth === 0) {
      this.out(open);
      this.out('...');
      this.out(close);
      return;
    }
    const d1 = depth === null ? null : depth - 1;
    this.out(open);
    const loop = (x: Value): void => {
      this.checkFound(
        x,
        check && acc.isPair(x),
        (label) => {
          this.out(' . ');
          this.out(label);
          this.out(close);
        },
        () => {
          this.out(' . ');
          this.push(() => this.out(close));
          this.push(() => this.checkFound(x, true, null, null, () => this.wrList(x, check, d1, acc, open, close, qd)));
        },
        () => {
          if (acc.isPair(x)) {
            const rest = acc.cdr(x);
            if (check && qd !== 1 && acc.isPair(rest) && acc.cdr(rest) === NULL && this.doRemap(acc.car(x)) === UNQUOTE) {
              this.out(' . ,');
              this.push(() => this.out(close));
              this.push(() => this.wr(acc.car(rest), d1, qd));
              return;
            }
            this.out(' ');
            this.push(() => loop(rest));
            this.push(() => this.wr(acc.car(x), d1, qd));
          } else if (x === NULL) this.out(close);
          else {
            this.out(' . ');
            this.push(() => this.out(close));
            this.push(() => this.wr(x, d1, qd));
          }
        },
      );
    };
    this.push(() => loop(acc.cdr(l)));
    this.push(() => this.wr(acc.car(l), d1, qd));
  }

  // ---------------------------------------------------------------- custom writers

  /** Runs a prop:custom-write procedure on a port whose handlers print the parts through this session. */
  private writeCustom(obj: StructInstance, writer: Value, depth: Depth, qd: QuoteDepth, multi: boolean): void {
    const p = this.port.derive();
    const d1 = depth === null ? null : depth - 1;
    p.writeHandler = new Primitive('pretty-print-write', 2, 2, (v: Value, port: Value) => this.recur(port, v, d1, false, null, multi));
    p.displayHandler = new Primitive('pretty-print-display', 2, 2, (v: Value, port: Value) => this.recur(port, v, d1, true, null, multi));
    p.printHandler = new Primitive('pretty-print-print', 2, 3, (v: Value, port: Value, q?: Value) =>
      this.recur(port, v, d1, false, q === undefined ? qd : q === 1 ? 1 : 0, multi),
    );
    const mode = qd !== null ? qd : !this.display;
    const saved = this.port;
    try {
      applyParameterized(
        machine(this.m),
        [
          [this.s.prettyPrintingParam, multi],
          [this.s.columnsParam, this.s.widthValue],
        ],
        writer,
        [obj, p, mode],
      );
    } finally {
      this.port = saved;
    }
  }

  /** A part a custom writer prints: on one line (in a one-line attempt) or laid out (after one failed). */
  private recur(port0: Value, v: Value, depth: Depth, display: boolean, qd: QuoteDepth, multi: boolean): Value {
    const port = port0 instanceof PrettyPort ? port0 : null;
    if (port === null) {
      // A handler moved to another port: print there as write/display would.
      if (port0 instanceof OutputPort) port0.write(display ? displayString(v) : writeString(v));
      return VOID;
    }
    const savedPort = this.port;
    const savedDisplay = this.display;
    this.port = port;
    this.display = display;
    try {
      if (multi && this.s.width !== null) this.run(() => this.pr(v, 0, this.ppExpr, depth, qd));
      else this.run(() => this.wr(v, depth, qd));
    } finally {
      this.port = savedPort;
      this.display = savedDisplay;
    }
    return VOID;
  }

  // ---------------------------------------------------------------- across lines (pp*)

  private spaces(n: number): void {
    if (n > 0) this.out(' '.repeat(n));
  }

  private indent(to: number, needSpace = true): void {
    const col = this.col();
    if (needSpace ? to <= col : to < col) {
      const c = this.port.info.printLine(true, col, this.s.widthValue);
      this.spaces(to - c);
    } else this.spaces(to - col);
  }

  /** Tries `obj` on one line within `width - extra` columns; on success its text is written. */
  private fitsOnLine(obj: Value, extra: number, depth: Depth, qd: QuoteDepth): boolean {
    const limit = this.s.width! - extra;
    const tag = {};
    const signal = new EscapeSignal(tag, () => {});
    const tentative = makeTentativePort(this.port, limit, () => {
      throw signal;
    });
    const saved = this.port;
    this.port = tentative;
    let escaped = false;
    try {
      this.run(() => this.wr(obj, depth, qd));
    } catch (e) {
      if (!(e instanceof EscapeSignal && e.tag === tag)) throw e;
      escaped = true;
    } finally {
      this.port = saved;
    }
    if (!escaped && tentative.column <= limit) {
      transferTentative(tentative, saved);
      return true;
    }
    tentative.info.defined.v = false;
    return false;
  }

  private pr(obj0: Value, extra: number, ppPair: Layout, depth: Depth, qd: QuoteDepth): void {
    const obj = this.see(obj0 instanceof Hide ? obj0.v : obj0);
    const kind = kindOf(obj, this.s.params);
    const canMulti = kind !== null && (this.s.sizeHook === null || this.sizeOf(obj) === false);
    const ref = canMulti && this.found !== null ? this.found.get(obj as object) : undefined;
    if (!canMulti || (ref !== undefined && ref.defined.v)) {
      this.wr(obj, depth, qd);
      return;
    }
    const counter = this.labelCounter;
    if (this.fitsOnLine(obj, extra, depth, qd)) return;
    this.labelCounter = counter;
    if (ref !== undefined) this.exprFound(ref);
    if (this.s.prePostHooks) {
      this.port.info.prePrint(obj);
      this.push(() => this.port.info.postPrint(obj));
    }
    switch (kind) {
      case 'pair': {
        const p = obj as Pair;
        const q = this.toQuoted(qd, p);
        if (q === 0) ppPair(this.convertPair(p), extra, depth, PAIRS, '(', ')', q);
        else ppPair(p, extra, depth, PAIRS, this.pairOpen, this.pairClose, q);
        return;
      }
      case 'mpair': {
        const p = obj as MPair;
        if (qd === 0) this.ppList(list([UNQ_MCONS, p.car, p.cdr]), extra, this.ppExpr, false, depth, PAIRS, '(', ')', qd);
        else ppPair(p, extra, depth, MPAIRS, this.mpairOpen, this.mpairClose, qd);
        return;
      }
      case 'vector': {
        const v = obj as RVector;
        const q = this.toQuoted(qd, v);
        if (q === 0) this.ppList(list([UNQ_VECTOR, ...v.items]), extra, this.ppExpr, false, depth, PAIRS, this.pairOpen, this.pairClose, q);
        else {
          const vectorLength = this.s.params.vectorLength && !this.display;
          this.out('#');
          if (vectorLength) this.out(String(v.items.length));
          this.ppList(list(repeatless(v.items, vectorLength)), extra, this.ppExpr, false, depth, PAIRS, this.pairOpen, this.pairClose, q);
        }
        return;
      }
      case 'numeric-vector': {
        const v = obj as FlVector | FxVector;
        if (qd === 0) {
          const { tag, items } = numericVectorParts(v, false);
          this.ppList(
            list([tag === 'fl' ? UNQ_FLVECTOR : UNQ_FXVECTOR, ...items]),
            extra,
            this.ppExpr,
            false,
            depth,
            PAIRS,
            this.pairOpen,
            this.pairClose,
            qd,
          );
        } else {
          const counted = this.s.params.vectorLength && !this.display;
          const { tag, items } = numericVectorParts(v, counted);
          this.out(`#${tag}${counted ? String(v.items.length) : ''}`);
          this.ppList(list(items), extra, this.ppExpr, false, depth, PAIRS, this.pairOpen, this.pairClose, qd);
        }
        return;
      }
      case 'custom': {
        const s = obj as StructInstance;
        const k = structQuotable(s);
        const q = k === 'self' || k === 'never' ? qd : this.toQuoted(qd, s);
        this.writeCustom(s, customWriteOf(s)!, depth, q, true);
        return;
      }
      case 'struct':
        this.structBody(obj as StructInstance, qd, (l, q) =>
          this.ppList(l, extra, this.ppExpr, false, depth, PAIRS, this.pairOpen, this.pairClose, q),
        );
        return;
      case 'hash': {
        const h = obj as RHash;
        const q = this.toQuoted(qd, h);
        const expr = q === 0;
        if (!expr) this.out(this.hashPrefix(h));
        this.ppList(this.convertHash(h, expr), extra, this.ppExpr, false, depth, PAIRS, this.pairOpen, this.pairClose, q);
        return;
      }
      case 'box': {
        const b = obj as Box;
        const q = this.toQuoted(qd, b);
        if (q === 0) ppPair(list([UNQ_BOX, b.value]), extra, depth, PAIRS, this.pairOpen, this.pairClose, q);
        else {
          this.out('#&');
          this.push(() => this.pr(b.value, extra, ppPair, depth, q));
        }
        return;
      }
    }
  }

  private readonly ppExpr: Layout = (expr, extra, depth, acc, open, close, qd) => {
    if (open === '(' && this.isReadMacro(expr, acc)) {
      const tail = acc.cdr(expr);
      if (!(this.found !== null && typeof tail === 'object' && tail !== null && this.found.has(tail))) {
        this.out(this.readMacroPrefix(expr, acc));
        const body = acc.car(tail);
        this.push(() => this.pr(body, extra, this.ppExpr, depth, qd));
        return;
      }
    }
    const head = acc.car(expr);
    if ((head instanceof Sym && (this.s.sizeHook === null || this.sizeOf(head) === false)) || this.remapped(head) !== false) {
      const layout = this.style(head, expr, acc);
      if (layout !== null) {
        const q = this.toQuoted(qd, expr);
        layout(expr, extra, depth, acc, q === 0 ? '(' : open, q === 0 ? ')' : close, q);
        return;
      }
    }
    this.ppList(expr, extra, this.ppExpr, true, depth, acc, open, close, qd);
  };

  private readonly ppExprList: Layout = (l, extra, depth, acc, open, close, qd) =>
    this.ppList(l, extra, this.ppExpr, true, depth, acc, open, close, qd);

  /** (item1 item2 item3) one per line, under the first. */
  private ppList(
    l: Value,
    extra: number,
    item: Layout,
    check: boolean,
    depth: Depth,
    acc: Access,
    open: string,
    close: string,
    qd: QuoteDepth,
  ): void {
    this.out(open);
    const col = this.col();
    this.ppDown(close, l, col, col, extra, item, false, check, depth, acc, qd, false);
  }

  /** (head item1 item2): items under the first one, after the head. */
  private ppCall(expr: Value, extra: number, item: Layout, depth: Depth, acc: Access, open: string, close: string, qd: QuoteDepth): void {
    this.out(open);
    this.push(() => {
      const col = this.col() + 1;
      this.ppDown(close, acc.cdr(expr), col, col, extra, item, true, true, depth, acc, qd);
    });
    this.push(() => this.wr(acc.car(expr), depth === null ? null : depth - 1, qd));
  }

  /** (head item1 item2 \n item3): two on the first line, the rest indented by one. */
  private ppTwoUp(expr: Value, extra: number, item: Layout, depth: Depth, acc: Access, open: string, close: string, qd: QuoteDepth): void {
    this.out(open);
    const col = this.col();
    const d1 = depth === null ? null : depth - 1;
    this.push(() => this.ppDown(close, acc.cdr(acc.cdr(expr)), this.col() + 1, col + 1, extra, item, true, true, depth, acc, qd));
    this.push(() => this.wr(acc.car(acc.cdr(expr)), d1, qd));
    this.push(() => this.out(' '));
    this.push(() => this.wr(acc.car(expr), d1, qd));
  }

  /** (head item1 \n item2): the head alone, the rest indented by one. */
  private ppOneUp(expr: Value, extra: number, item: Layout, depth: Depth, acc: Access, open: string, close: string, qd: QuoteDepth): void {
    this.out(open);
    const col = this.col();
    this.push(() => this.ppDown(close, acc.cdr(expr), this.col() + 1, col + 1, extra, item, true, true, depth, acc, qd));
    this.push(() => this.wr(acc.car(expr), depth === null ? null : depth - 1, qd));
  }

  private ppDown(
    closer: string,
    l: Value,
    col1: number,
    col2: number,
    extra: number,
    item: Layout,
    checkFirst: boolean,
    checkRest: boolean,
    depth: Depth,
    acc: Access,
    qd: QuoteDepth,
    needSpace0 = true,
  ): void {
    const d1 = depth === null ? null : depth - 1;
    const loop = (x: Value, icol: number, check: boolean, needSpace: boolean): void => {
      this.checkFound(
        x,
        check && acc.isPair(x),
        (label) => {
          this.indent(col2);
          this.out('.');
          this.indent(col2);
          this.out(label);
          this.out(closer);
        },
        () => {
          this.indent(col2);
          this.out('.');
          this.indent(col2);
          this.push(() => this.out(closer));
          this.push(() => this.pr(x, extra, item, depth, qd));
        },
        () => {
          if (acc.isPair(x)) {
            const rest = acc.cdr(x);
            const extra2 = rest === NULL ? extra + 1 : 0;
            this.indent(icol, needSpace);
            this.push(() => loop(rest, col2, checkRest, true));
            this.push(() => this.pr(acc.car(x), extra2, item, d1, qd));
          } else if (x === NULL) this.out(closer);
          else {
            this.indent(col2);
            this.out('.');
            this.indent(col2);
            this.push(() => this.out(closer));
            this.push(() => this.pr(x, extra + 1, item, d1, qd));
          }
        },
      );
    };
    loop(l, col1, checkFirst, needSpace0);
  }

  /** The head, an optional name, then up to two parts laid out by `pp1` and `pp2` on the head's line, the rest under by 2. */
  private ppGeneral(
    expr: Value,
    extra: number,
    named: boolean,
    pp1: Layout | null,
    pp2: Layout | null,
    pp3: Layout,
    depth: Depth,
    acc: Access,
    open: string,
    close: string,
    qd: QuoteDepth,
  ): void {
    const head = acc.car(expr);
    const rest = acc.cdr(expr);
    const col = this.col();
    const d1 = depth === null ? null : depth - 1;
    const tail3 = (r: Value, col1: number): void => this.ppDown(close, r, col1, col1, extra, pp3, false, true, depth, acc, qd);
    const tail2 = (r: Value, col1: number, col3: number): void => {
      if (pp2 !== null && acc.isPair(r)) {
        const val = acc.car(r);
        const r2 = acc.cdr(r);
        this.indent(col3);
        this.push(() => tail3(r2, col1));
        this.push(() => this.pr(val, r2 === NULL ? extra + 1 : 0, pp2, depth, qd));
      } else tail3(r, col1);
    };
    const tail1 = (r: Value, col1: number, col3: number): void => {
      if (pp1 !== null && acc.isPair(r)) {
        const val = acc.car(r);
        const r2 = acc.cdr(r);
        this.indent(col3);
        this.push(() => tail2(r2, col1, col3));
        this.push(() => this.pr(val, r2 === NULL ? extra + 1 : 0, pp1, depth, qd));
      } else tail2(r, col1, col3);
    };
    this.out(open);
    if (named && acc.isPair(rest)) {
      const name = acc.car(rest);
      const r2 = acc.cdr(rest);
      this.push(() => tail1(r2, col + 2, this.col() + 1));
      this.push(() => this.wr(name, d1, qd));
      this.push(() => this.out(' '));
    } else this.push(() => tail1(rest, col + 2, this.col() + 1));
    this.push(() => this.wr(head, d1, qd));
  }

  /** Whether the first `count + 1` pairs of `expr` exist and none past the first is shared. */
  private noSharing(expr: Value, count: number, acc: Access): boolean {
    let x = expr;
    for (let n = count; ; n--) {
      if (!acc.isPair(x)) return false;
      const d = acc.cdr(x);
      if (this.found !== null && typeof d === 'object' && d !== null && this.found.has(d)) return false;
      if (n === 0) return true;
      x = d;
    }
  }

  /** The layout the style table gives a form with this head, or null for a plain list. */
  private style(head: Value, expr: Value, acc: Access): Layout | null {
    const key = this.doRemap(head);
    const name = (key instanceof Sym ? this.s.styles.get(key) : undefined) ?? key;
    if (!(name instanceof Sym)) return null;
    const general =
      (named: boolean, pp1: Layout | null, pp2: Layout | null, pp3: Layout): Layout =>
      (e, extra, depth, a, open, close, qd) =>
        this.ppGeneral(e, extra, named, pp1, pp2, pp3, depth, a, open, close, qd);
    switch (name.name) {
      case 'lambda':
      case 'λ':
      case 'define':
      case 'define-macro':
      case 'define-syntax':
      case 'syntax-rules':
      case 'shared':
      case 'unless':
      case 'when':
        return this.noSharing(expr, 1, acc) ? general(false, this.ppExprList, null, this.ppExpr) : null;
      case 'if':
      case 'set!':
      case 'set!-values':
        return this.noSharing(expr, 1, acc) ? general(false, this.ppExpr, null, this.ppExpr) : null;
      case 'cond':
      case 'case-lambda':
        return this.noSharing(expr, 0, acc)
          ? (e, extra, depth, a, open, close, qd) => this.ppList(e, extra, this.ppExprList, true, depth, a, open, close, qd)
          : null;
      case 'case':
      case 'class':
        return this.noSharing(expr, 1, acc) ? general(false, this.ppExpr, null, this.ppExprList) : null;
      case 'and':
      case 'or':
      case 'import':
      case 'export':
      case 'require':
      case 'require-for-syntax':
      case 'require-for-template':
      case 'provide':
      case 'link':
      case 'public':
      case 'private':
      case 'override':
      case 'rename':
      case 'inherit':
      case 'field':
      case 'init':
        return this.noSharing(expr, 0, acc)
          ? (e, extra, depth, a, open, close, qd) => this.ppCall(e, extra, this.ppExpr, depth, a, open, close, qd)
          : null;
      case 'let':
      case 'letrec':
      case 'let*':
      case 'let-values':
      case 'letrec-values':
      case 'let*-values':
      case 'let-syntax':
      case 'letrec-syntax':
      case 'let-syntaxes':
      case 'letrec-syntaxes': {
        const cdr = acc.cdr(expr);
        const count = acc.isPair(cdr) && acc.car(cdr) instanceof Sym ? 2 : 1;
        if (!this.noSharing(expr, count, acc)) return null;
        return (e, extra, depth, a, open, close, qd) => {
          const r = a.cdr(e);
          const named = a.isPair(r) && this.doRemap(a.car(r)) instanceof Sym;
          this.ppGeneral(e, extra, named, this.ppExprList, null, this.ppExpr, depth, a, open, close, qd);
        };
      }
      case 'begin':
      case 'begin0':
        return this.noSharing(expr, 0, acc) ? general(false, null, null, this.ppExpr) : null;
      case 'do':
      case 'letrec-syntaxes+values':
        return this.noSharing(expr, 2, acc) ? general(false, this.ppExprList, this.ppExprList, this.ppExpr) : null;
      case 'module':
      case 'send':
        return this.noSharing(expr, 2, acc)
          ? (e, extra, depth, a, open, close, qd) => this.ppTwoUp(e, extra, this.ppExpr, depth, a, open, close, qd)
          : null;
      case 'syntax-case':
      case 'instantiate':
        return this.noSharing(expr, 2, acc)
          ? (e, extra, depth, a, open, close, qd) => this.ppTwoUp(e, extra, this.ppExprList, depth, a, open, close, qd)
          : null;
      case 'make-object':
        return this.noSharing(expr, 1, acc)
          ? (e, extra, depth, a, open, close, qd) => this.ppOneUp(e, extra, this.ppExprList, depth, a, open, close, qd)
          : null;
      default:
        return null;
    }
  }
}

/** Applies a Racket procedure to completion from here (a hook), in the running thread. */
function runNestedApply(m: Machine, proc: Value, args: Value[]): Value {
  return applyParameterized(m, [], proc, args);
}
