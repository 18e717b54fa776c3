// The value printer: `display`, `write` and `print` as Racket 8.7 does them
// with its default printing parameters (print-as-expression #t,
// print-pair-curly-braces #f, print-mpair-curly-braces #t,
// print-reader-abbreviations #f, print-graph #f, print-hash-table #t, ...).
//
// The structure follows Racket's own printer (racket/src/io/print/): four
// modes, DISPLAY, WRITE, and PRINT at quote depth 1 ("quoted": inside a
// quoted datum) or 0 ("unquoted": expression position). In print mode at
// depth 0 a compound value is printed as a quoted datum (`'(1 a "s")`)
// unless something inside it cannot be written as a quoted literal (a
// mutable pair, a transparent struct, ...), in which case it prints in
// constructor style (`(list 1 (mcons 1 2))`) and each part decides for
// itself again. Opaque values such as procedures, `#<void>` and `#<eof>`
// are "self-quoting": they print the same inside and outside a quote and do
// not force constructor style (`'(1 #<procedure:f>)`).
//
// Extension protocol. Kinds of value defined elsewhere (procedures,
// structs, ports, threads, parameters, ...) print themselves through a
// method stored under the exported symbol `customPrint`, optionally with a
// quotability under `printQuotable`, mirroring Racket's `prop:custom-write`
// and `prop:custom-print-quotable`:
//
//   class Procedure {
//     [customPrint](ctx: PrintContext) { return printNamed('procedure', this.name); }
//   }
//
// A method under a symbol was chosen over a registry (`registerPrinter(cls,
// fn)`) because it needs no global mutable state, is found by ordinary
// prototype lookup (so subclasses and per-instance overrides just work),
// costs one property check, and keeps a kind's printing next to its
// definition. Quotability is a property (it may be a getter) because
// Racket attaches it per struct type, e.g. transparent structs are 'never,
// prefab structs 'maybe, opaque things 'self (the default). The protocol
// and helpers for implementing it live in src/values/printable.ts
// (re-exported here).
//
// Struct instances (src/values/struct.ts) that do not implement the
// protocol themselves get Racket's default struct printing from
// struct-print.ts; plain JS functions print as `#<procedure:name>`.

import { compareBytes } from '../values/equal.js';
import { FlVector, FxVector, numericVectorParts } from '../values/flvectors.js';
import { RHash } from '../values/hash.js';
import { Impersonator, seeThrough } from '../values/impersonator.js';
import { pairGraphs } from '../values/placeholder.js';
import { type SrcLoc, Syntax } from '../values/syntax.js';
import {
  Box,
  Char,
  Complex,
  Eof,
  Flonum,
  Keyword,
  MPair,
  Null,
  Pair,
  RBytes,
  RString,
  RVector,
  Rational,
  Sym,
  Void,
  sym,
  type Value,
} from '../values/types.js';
import { StructInstance, propCustomWrite } from '../values/struct.js';
import { formatNumber, isNumber } from './number-format.js';
import {
  type PrintContext,
  type PrintMode,
  type Quotable,
  customPrint,
  isCustomPrintable,
  printNamed,
  printQuotable,
} from '../values/printable.js';
import { printStructDefault, structQuotable } from './struct-print.js';
import { bytesToDisplayString, writeBytesLiteral, writeCharLiteral, writeStringLiteral } from './string-format.js';
import { symbolToPrintString } from './symbol-format.js';

export {
  type CustomPrintable,
  type PrintContext,
  type PrintMode,
  type Quotable,
  customPrint,
  isCustomPrintable,
  printNamed,
  printPrefabStruct,
  printQuotable,
  printTransparentStruct,
} from '../values/printable.js';
export { printStructDefault, prefabKey, structQuotable } from './struct-print.js';

// ---------------------------------------------------------------------------
// The printing parameters (print-graph, print-pair-curly-braces, ...). The
// printer reads them once per top-level print call from a source the
// primitives install (prims/print-params.ts), so that a program that never
// changes them pays one call.

export interface PrintParams {
  asExpression: boolean;
  booleanLongForm: boolean;
  box: boolean;
  graph: boolean;
  hashTable: boolean;
  mpairCurlyBraces: boolean;
  pairCurlyBraces: boolean;
  readerAbbreviations: boolean;
  struct: boolean;
  vectorLength: boolean;
  /** print-syntax-width: how many characters of a syntax object's datum show (Infinity: all). */
  syntaxWidth: number;
  /** null when unreadable values print; else raises `write`'s error for one (print-unreadable #f). */
  refuseUnreadable: ((shown: string) => never) | null;
}

export const DEFAULT_PRINT_PARAMS: PrintParams = {
  asExpression: true,
  booleanLongForm: false,
  box: true,
  graph: false,
  hashTable: true,
  mpairCurlyBraces: true,
  pairCurlyBraces: false,
  readerAbbreviations: false,
  struct: true,
  vectorLength: false,
  syntaxWidth: 256,
  refuseUnreadable: null,
};

let printParamsSource: () => PrintParams = () => DEFAULT_PRINT_PARAMS;

/** Installs where the printer finds the current printing parameters. */
export function setPrintParamsSource(source: () => PrintParams): void {
  printParamsSource = source;
}

// ---------------------------------------------------------------------------
// Entry points

/** `(display v)`: strings, characters, symbols, byte strings as raw text. */
export function displayString(v: Value): string {
  return new Printer().run(v, DISPLAY);
}

/** `(write v)`. */
export function writeString(v: Value): string {
  return new Printer().run(v, WRITE);
}

/**
 * `(print v)` with `print-as-expression` #t, which is what the REPL and
 * module-level expression printing use: quote depth 0 by default
 * (`'(1 a)`, `'a`, `"s"`, `(mcons 1 2)`); quote depth 1 prints as if
 * already inside a quote (`(1 a)`, `a`).
 */
export function printString(v: Value, quoteDepth: 0 | 1 = 0): string {
  return new Printer().run(v, quoteDepth === 0 ? UNQUOTED : QUOTED);
}

// ---------------------------------------------------------------------------
// The printer

// Modes. QUOTED and UNQUOTED are print mode at quote depth 1 and 0.
const DISPLAY = 0;
const WRITE = 1;
const QUOTED = 2;
const UNQUOTED = 3;
type Mode = typeof DISPLAY | typeof WRITE | typeof QUOTED | typeof UNQUOTED;

const QUOTE = sym('quote');
const QUASIQUOTE = sym('quasiquote');
const UNQUOTE = sym('unquote');
const UNQUOTE_SPLICING = sym('unquote-splicing');
const SYNTAX = sym('syntax');
const QUASISYNTAX = sym('quasisyntax');
const UNSYNTAX = sym('unsyntax');
const UNSYNTAX_SPLICING = sym('unsyntax-splicing');

function modeName(mode: Mode): PrintMode {
  return mode === DISPLAY ? 'display' : mode === WRITE ? 'write' : 'print';
}

function toMode(mode: PrintMode, quoteDepth: 0 | 1): Mode {
  return mode === 'display' ? DISPLAY : mode === 'write' ? WRITE : quoteDepth === 0 ? UNQUOTED : QUOTED;
}

/** The quotability of a value that prints itself (or a struct), null for other values. */
function customQuotable(v: Value): Quotable | null {
  if (isCustomPrintable(v)) return v[printQuotable] ?? 'self';
  if (v instanceof StructInstance) return structQuotable(v);
  return null;
}

function printCustom(v: Value, ctx: PrintContext): string {
  if (isCustomPrintable(v)) return v[customPrint](ctx);
  return printStructDefault(v as StructInstance, ctx);
}

class Printer {
  private out = '';
  private readonly o = printParamsSource();
  /** Values printed with `#n=` labels (cycles; with print-graph, all sharing), and their labels once given. */
  private labels: Map<object, number> | null = null;
  private nextLabel = 0;
  /** Whether a compound value needs constructor style at quote depth 0. */
  private readonly unquotedMemo = new Map<object, boolean>();
  /** Printing the datum of a syntax object: nested syntax prints as its datum. */
  private stripSyntax = false;

  /** A chaperoned value, read through its interposition procedures once per printing. */
  private seeThrough(v: Impersonator): Value {
    if (this.seen === null) this.seen = new Map();
    let plain = this.seen.get(v);
    if (plain === undefined) {
      plain = seeThrough(v);
      this.seen.set(v, plain);
    }
    return plain;
  }
  private seen: Map<Impersonator, Value> | null = null;

  run(v: Value, mode: Mode): string {
    if (!this.o.asExpression && (mode === QUOTED || mode === UNQUOTED)) mode = WRITE;
    if (typeof v === 'object' && v !== null && isContainer(v)) this.findLabels(v);
    this.p(v, mode);
    return this.out;
  }

  /** Marks the containers under `v` that must print with a label: those in a cycle, and with print-graph every shared one. */
  private findLabels(root: object): void {
    const state = new Map<object, number>(); // 1: being visited, 2: done
    // Racket labels sharing too once a value has a cycle, even without print-graph.
    const cyclic = new Set<object>();
    const shared = new Set<object>();
    const graph = this.o.graph;
    const visit = (v: Value): void => {
      // the cdr chain of a list is walked with a loop; its nodes stay "being visited" until its end
      const spine: object[] = [];
      let x = v;
      for (;;) {
        if (typeof x !== 'object' || x === null || !isContainer(x)) break;
        const s = state.get(x);
        if (s !== undefined) {
          (s === 1 ? cyclic : shared).add(x);
          break;
        }
        state.set(x, 1);
        spine.push(x);
        if (x instanceof Pair || x instanceof MPair) {
          visit(x.car);
          x = x.cdr;
          continue;
        }
        if (x instanceof RVector) {
          for (const item of x.items) visit(item);
        } else if (x instanceof Box) {
          visit(x.value);
        } else if (x instanceof RHash) {
          for (const [k, item] of x.entries()) {
            visit(k);
            visit(item);
          }
        }
        break;
      }
      for (const n of spine) state.set(n, 2);
    };
    // Immutable pairs form a cycle only through a reader graph, so without
    // print-graph (and before any reader graph) a tree of them needs no walk.
    if (!graph && !pairGraphs.built && root instanceof Pair && !holdsMutable(root)) return;
    visit(root);
    if (cyclic.size === 0 && !graph) return;
    const labelled = [...cyclic, ...shared];
    if (labelled.length > 0) this.labels = new Map(labelled.map((x) => [x, -1]));
  }

  /** Whether `v` prints with a label. */
  private labelled(v: Value): boolean {
    return this.labels !== null && typeof v === 'object' && v !== null && this.labels.has(v);
  }

  /** Print `v` into a fresh string (for custom printers' `recur`). */
  private sub(v: Value, mode: Mode): string {
    const saved = this.out;
    this.out = '';
    try {
      this.p(v, mode);
      return this.out;
    } finally {
      this.out = saved;
    }
  }

  /** Racket's `p/no-graph`: at quote depth 0, decide between `'` and constructor style. */
  private p(v: Value, mode: Mode): void {
    if (v instanceof Impersonator) v = this.seeThrough(v);
    if (this.labels !== null && typeof v === 'object' && v !== null) {
      const n = this.labels.get(v);
      if (n !== undefined) {
        if (n >= 0) {
          this.out += `#${n}#`;
          return;
        }
        const label = this.nextLabel++;
        this.labels.set(v, label);
        this.out += `#${label}=`;
      }
    }
    if (mode === UNQUOTED) {
      if (v === Null.instance || v instanceof Sym || v instanceof Keyword) {
        this.out += "'";
        mode = QUOTED;
      } else if (v instanceof Pair || v instanceof RVector || v instanceof Box || v instanceof RHash) {
        if (!this.isUnquoted(v)) {
          this.out += "'";
          mode = QUOTED;
        }
      } else {
        const q = customQuotable(v);
        if (q !== null && q !== 'self' && !this.isUnquoted(v)) {
          this.out += "'";
          mode = QUOTED;
        }
      }
    }
    this.pNoQuote(v, mode);
  }

  private pNoQuote(v: Value, mode: Mode): void {
    if (typeof v === 'number' || typeof v === 'bigint') {
      this.out += formatNumber(v);
      return;
    }
    if (typeof v === 'boolean') {
      if (this.o.booleanLongForm) this.out += v ? '#true' : '#false';
      else this.out += v ? '#t' : '#f';
      return;
    }
    if (v instanceof Pair) return this.printList(v, mode);
    if (v instanceof Sym) {
      this.out += mode === DISPLAY ? v.name : symbolToPrintString(v.name);
      return;
    }
    if (v === Null.instance) {
      this.out += '()';
      return;
    }
    if (v instanceof RString) {
      this.out += mode === DISPLAY ? v.s : writeStringLiteral(v.s);
      return;
    }
    if (v instanceof Char) {
      this.out += mode === DISPLAY ? String.fromCodePoint(v.code) : writeCharLiteral(v.code);
      return;
    }
    if (isNumber(v)) {
      this.out += formatNumber(v);
      return;
    }
    if (v instanceof Keyword) {
      this.out += '#:' + (mode === DISPLAY ? v.name : symbolToPrintString(v.name, { forKeyword: true }));
      return;
    }
    if (v instanceof RVector) return this.printSeq(v.items, mode, '#(', '(vector', true);
    if (v instanceof FlVector || v instanceof FxVector) {
      const counted = this.o.vectorLength && mode !== DISPLAY && mode !== UNQUOTED;
      const { tag, items } = numericVectorParts(v, counted);
      return this.printSeq(items, mode, counted ? `#${tag}${v.items.length}(` : `#${tag}(`, `(${tag}vector`);
    }
    if (v instanceof Box) {
      if (!this.o.box) {
        this.out += '#<box>';
        return;
      }
      if (mode === UNQUOTED) {
        this.out += '(box ';
        this.p(v.value, mode);
        this.out += ')';
      } else {
        this.out += '#&';
        this.p(v.value, mode);
      }
      return;
    }
    if (v instanceof RHash) {
      if (this.o.hashTable) return this.printHash(v, mode);
      this.out += '#<hash>';
      return;
    }
    if (v instanceof MPair) return this.printMList(v, mode);
    if (v instanceof RBytes) {
      this.out += mode === DISPLAY ? bytesToDisplayString(v.bytes) : writeBytesLiteral(v.bytes);
      return;
    }
    if (v === Void.instance) return this.unreadable('#<void>', mode);
    if (v === Eof.instance) return this.unreadable('#<eof>', mode);
    if (v instanceof Syntax) return this.printSyntax(v, mode);
    if (v instanceof StructInstance && !this.o.struct && v.type.prefab === null && v.type.prop(propCustomWrite) === undefined) {
      return this.unreadable(`#<${v.type.name}>`, mode);
    }
    if (isCustomPrintable(v) || v instanceof StructInstance) {
      const shown = printCustom(v, this.context(mode));
      if (shown.startsWith('#<')) return this.unreadable(shown, mode);
      if (
        this.o.vectorLength &&
        mode === WRITE &&
        v instanceof StructInstance &&
        shown.startsWith('#(struct:') &&
        !shown.includes(' ...')
      ) {
        // a transparent struct prints as a vector: #n(struct:name field ...)
        this.out += `#${v.fields.length + 1}${shown.slice(1)}`;
        return;
      }
      this.out += shown;
      return;
    }
    if (typeof v === 'function') return this.unreadable(printNamed('procedure', v.name === '' ? null : v.name), mode);
    if (v === undefined) {
      this.out += '#<undefined>';
      return;
    }
    // A value of a kind this printer does not know about.
    const ctor = typeof v === 'object' && v !== null ? (v as object).constructor : undefined;
    this.out += `#<${typeof ctor === 'function' && ctor.name ? ctor.name : typeof v}>`;
  }

  /** An unreadable value's `#<...>` form; `write` refuses it when print-unreadable is #f. */
  private unreadable(shown: string, mode: Mode): void {
    const refuse = this.o.refuseUnreadable;
    if (refuse !== null && mode === WRITE) refuse(shown);
    this.out += shown;
  }

  private context(mode: Mode): PrintContext {
    const name = modeName(mode);
    const quoteDepth = mode === UNQUOTED ? 0 : 1;
    return {
      mode: name,
      quoteDepth,
      recur: (x: Value, m?: PrintMode, depth?: 0 | 1) => this.sub(x, toMode(m ?? name, depth ?? quoteDepth)),
    };
  }

  // --- quotability (Racket's `build-graph` without graph detection) ---

  /**
   * Does `v` have to print in constructor style at quote depth 0? True for
   * mutable pairs, custom values that are 'never quotable, and containers
   * (pairs, vectors, boxes, hash tables, 'maybe custom values) holding such
   * a value. List spines are walked with a loop.
   */
  private isUnquoted(v: Value): boolean {
    if (v instanceof Impersonator) v = this.seeThrough(v);
    if (typeof v !== 'object' || v === null) {
      return typeof v === 'function' && this.customUnquoted(v);
    }
    if (v instanceof MPair) return true;
    const known = this.unquotedMemo.get(v);
    if (known !== undefined) return known;
    this.unquotedMemo.set(v, false); // a cycle back to v decides nothing
    let r = false;
    if (v instanceof Pair) {
      const spine = pairGraphs.built ? new Set<Pair>([v]) : null;
      let x: Value = v;
      while (x instanceof Pair) {
        const a: Value = x.car;
        if (((typeof a === 'object' && a !== null) || typeof a === 'function') && this.isUnquoted(a)) {
          r = true;
          break;
        }
        x = x.cdr;
        // A spine that cycles (only a reader graph makes one) ends where it comes back.
        if (spine !== null && x instanceof Pair) {
          if (spine.has(x)) break;
          spine.add(x);
        }
      }
      if (!r && !(x instanceof Pair)) r = this.isUnquoted(x);
    } else if (v instanceof RVector) {
      r = v.items.some((e) => this.isUnquoted(e));
    } else if (v instanceof Box) {
      r = this.isUnquoted(v.value);
    } else if (v instanceof RHash) {
      for (const [k, val] of v.strength === 'weak' ? [] : v.entries()) {
        if (this.isUnquoted(k) || this.isUnquoted(val)) {
          r = true;
          break;
        }
      }
    } else if (v instanceof Syntax) {
      r = false;
    } else {
      r = this.customUnquoted(v);
    }
    this.unquotedMemo.set(v, r);
    return r;
  }

  private customUnquoted(v: Value): boolean {
    const q = customQuotable(v);
    return q === 'never' || (q === 'maybe' && this.checkCustom(v));
  }

  /** Run a 'maybe custom printer once, noting whether a part it prints at depth 0 needs constructor style. */
  private checkCustom(v: Value): boolean {
    let unquoted = false;
    const ctx: PrintContext = {
      mode: 'print',
      quoteDepth: 0,
      recur: (x: Value, m?: PrintMode, depth?: 0 | 1) => {
        if ((m === undefined || m === 'print') && (depth ?? 0) === 0 && this.isUnquoted(x)) unquoted = true;
        return '';
      },
    };
    printCustom(v, ctx);
    return unquoted;
  }

  // --- compound values ---

  /** Reader abbreviation prefix for `(quote x)` and friends (print mode only, since print-reader-abbreviations is #f). */
  private abbreviation(v: Value, mode: Mode): string | null {
    if (mode !== QUOTED && mode !== UNQUOTED && !(this.o.readerAbbreviations && mode === WRITE)) return null;
    if (!(v instanceof Pair) || !(v.cdr instanceof Pair) || v.cdr.cdr !== Null.instance) return null;
    const head = v.car;
    if (!(head instanceof Sym)) return null;
    switch (head) {
      case QUOTE:
        return "'";
      case QUASIQUOTE:
        return '`';
      case UNQUOTE:
        return startsWithAt(v.cdr.car) ? ', ' : ',';
      case UNQUOTE_SPLICING:
        return ',@';
      case SYNTAX:
        return "#'";
      case QUASISYNTAX:
        return '#`';
      case UNSYNTAX:
        return startsWithAt(v.cdr.car) ? '#, ' : '#,';
      case UNSYNTAX_SPLICING:
        return '#,@';
      default:
        return null;
    }
  }

  /** Racket's `print-list` for pairs: `(1 2 . 3)`, `'a`, `(list ...)`, `(cons ...)`, `(list* ...)`. */
  private printList(v: Pair, mode: Mode): void {
    const abbrev = this.abbreviation(v, mode);
    if (abbrev !== null) {
      this.out += abbrev;
      this.p((v.cdr as Pair).car, mode);
      return;
    }
    let unquotedPairs = false;
    if (mode === UNQUOTED) {
      let x: Value = v;
      while (x instanceof Pair && (x === v || !this.labelled(x))) x = x.cdr;
      unquotedPairs = x !== Null.instance;
      this.out += unquotedPairs ? (v.cdr instanceof Pair ? '(list* ' : '(cons ') : '(list ';
    } else {
      this.out += this.o.pairCurlyBraces ? '{' : '(';
    }
    const close = mode !== UNQUOTED && this.o.pairCurlyBraces ? '}' : ')';
    let x = v;
    for (;;) {
      const d = x.cdr;
      if (d === Null.instance && !unquotedPairs) {
        this.p(x.car, mode);
        this.out += close;
        return;
      }
      if (d instanceof Pair && this.abbreviation(d, mode) === null && !this.labelled(d)) {
        this.p(x.car, mode);
        this.out += ' ';
        x = d;
        continue;
      }
      this.p(x.car, mode);
      this.out += unquotedPairs ? ' ' : ' . ';
      this.p(d, mode);
      this.out += close;
      return;
    }
  }

  /** A flat sequence: `#(1 2)` / `(vector 1 2)`, and constructor-style hashes. */
  private printSeq(items: readonly Value[], mode: Mode, prefix: string, constructorName: string, vector = false): void {
    if (vector && mode !== DISPLAY && mode !== UNQUOTED && this.o.vectorLength) {
      // #n(...) with a repeated last element written once
      let n = items.length;
      while (n > 1 && items[n - 2] === items[n - 1]) n--;
      this.out += `#${items.length}(`;
      for (let i = 0; i < n; i++) {
        if (i > 0) this.out += ' ';
        this.p(items[i], mode);
      }
      this.out += ')';
      return;
    }
    if (mode === UNQUOTED) {
      this.out += constructorName;
      for (const item of items) {
        this.out += ' ';
        this.p(item, mode);
      }
      this.out += ')';
      return;
    }
    this.out += prefix;
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.out += ' ';
      this.p(items[i], mode);
    }
    this.out += ')';
  }

  /** Racket's `print-mlist`: `{1 2 . 3}`, or `(mcons 1 (mcons 2 3))` at quote depth 0. */
  private printMList(v: MPair, mode: Mode): void {
    if (mode === UNQUOTED) {
      // (mcons a (mcons b c)): iterate down the spine, close at the end.
      let closers = 0;
      let x: MPair = v;
      for (;;) {
        this.out += '(mcons ';
        closers++;
        this.p(x.car, mode);
        this.out += ' ';
        if (x.cdr instanceof MPair && !this.labelled(x.cdr)) {
          x = x.cdr;
          continue;
        }
        this.p(x.cdr, mode);
        break;
      }
      this.out += ')'.repeat(closers);
      return;
    }
    const curly = this.o.mpairCurlyBraces;
    this.out += curly ? '{' : '(';
    let x = v;
    for (;;) {
      const d = x.cdr;
      this.p(x.car, mode);
      if (d === Null.instance) break;
      if (d instanceof MPair && !this.labelled(d)) {
        this.out += ' ';
        x = d;
        continue;
      }
      this.out += ' . ';
      this.p(d, mode);
      break;
    }
    this.out += curly ? '}' : ')';
  }

  /** `#hash((k . v) ...)`, `#hasheq(...)`, `#hasheqv(...)`, or `(hash k v ...)` at quote depth 0. */
  private printHash(h: RHash, mode: Mode): void {
    // Racket CS prints a weak table opaquely, whatever it holds.
    if (h.strength === 'weak') {
      this.out += '#<hash>';
      return;
    }
    const entries = sortedEntries(h);
    const kind = h.kind === 'eq' ? 'hasheq' : h.kind === 'eqv' ? 'hasheqv' : h.kind === 'equal-always' ? 'hashalw' : 'hash';
    if (mode === UNQUOTED) {
      const flat: Value[] = [];
      for (const [k, val] of entries) flat.push(k, val);
      this.printSeq(flat, mode, '', `(${kind}`);
      return;
    }
    this.out += `#${kind}(`;
    let first = true;
    for (const [k, val] of entries) {
      this.out += first ? '(' : ' (';
      first = false;
      this.p(k, mode);
      this.out += ' . ';
      this.p(val, mode);
      this.out += ')';
    }
    this.out += ')';
  }

  /** `#<syntax:src:line:col datum>`; the datum is always written (`write` mode), syntax stripped. */
  private printSyntax(s: Syntax, mode: Mode): void {
    if (this.stripSyntax) return this.pNoQuote(s.e, mode);
    const loc = s.loc ? srclocString(s.loc) : null;
    const width = this.o.syntaxWidth;
    if (width === 0) {
      this.out += loc === null ? '#<syntax>' : `#<syntax:${loc}>`;
      return;
    }
    this.out += loc === null ? '#<syntax ' : `#<syntax:${loc} `;
    const start = this.out.length;
    this.stripSyntax = true;
    try {
      this.pNoQuote(s.e, WRITE);
    } finally {
      this.stripSyntax = false;
    }
    if (this.out.length - start > width) this.out = `${this.out.slice(0, start + width - 3)}...`;
    this.out += '>';
  }
}

/** The values whose sharing and cycles the printer shows with labels. */
function isContainer(v: object): boolean {
  return v instanceof Pair || v instanceof MPair || v instanceof RVector || v instanceof Box || v instanceof RHash;
}

/** Whether an immutable list tree holds any mutable container (which could lead back into it). */
function holdsMutable(root: Pair): boolean {
  const stack: Value[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v instanceof Pair) {
      stack.push(v.car, v.cdr);
    } else if (typeof v === 'object' && v !== null && isContainer(v)) return true;
  }
  return false;
}

function startsWithAt(v: Value): boolean {
  return v instanceof Sym && symbolToPrintString(v.name).startsWith('@');
}

// ---------------------------------------------------------------------------
// Hash key order: Racket sorts the keys when they are all reals, all
// symbols, all keywords, all strings or all byte strings; otherwise it keeps
// the table's order (here: insertion order).

function sortedEntries(h: RHash): [Value, Value][] {
  const entries = h.entries().map(([k, v]) => [k, v] as [Value, Value]);
  if (entries.length < 2) return entries;
  const first = entries[0]![0];
  let cmp: ((a: Value, b: Value) => number) | null = null;
  let all: (k: Value) => boolean = () => false;
  if (isReal(first)) {
    all = isReal;
    cmp = compareReals;
  } else if (first instanceof Sym) {
    all = (k) => k instanceof Sym;
    cmp = (a, b) => compareCodePoints((a as Sym).name, (b as Sym).name);
  } else if (first instanceof Keyword) {
    all = (k) => k instanceof Keyword;
    cmp = (a, b) => compareCodePoints((a as Keyword).name, (b as Keyword).name);
  } else if (first instanceof RString) {
    all = (k) => k instanceof RString;
    cmp = (a, b) => compareCodePoints((a as RString).s, (b as RString).s);
  } else if (first instanceof RBytes) {
    all = (k) => k instanceof RBytes;
    cmp = (a, b) => compareBytes((a as RBytes).bytes, (b as RBytes).bytes);
  }
  if (cmp === null || !entries.every(([k]) => all(k))) return entries;
  const c = cmp;
  return entries.sort((a, b) => c(a[0], b[0]));
}

function isReal(v: Value): boolean {
  return isNumber(v) && !(v instanceof Complex);
}

function realToNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Flonum) return v.n;
  const r = v as Rational;
  return Number(r.num) / Number(r.den);
}

export function compareReals(a: Value, b: Value): number {
  // Exactly when both are exact; as doubles otherwise.
  const ea = exactParts(a);
  const eb = exactParts(b);
  if (ea !== null && eb !== null) {
    const l = ea[0] * eb[1];
    const r = eb[0] * ea[1];
    return l < r ? -1 : l > r ? 1 : 0;
  }
  const x = realToNumber(a);
  const y = realToNumber(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function exactParts(v: Value): [bigint, bigint] | null {
  if (v instanceof Rational) return [v.num, v.den];
  if (typeof v === 'bigint') return [v, 1n];
  if (typeof v === 'number' && Number.isInteger(v)) return [BigInt(v), 1n];
  return null;
}

/** Order by Unicode code point (= UTF-8 byte order), as `symbol<?` and `string<?`. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const cx = a.codePointAt(i)!;
      const cy = b.codePointAt(i)!;
      // Surrogates (astral code points) sort after every BMP character.
      const kx = x >= 0xd800 && x <= 0xdfff ? cx : x;
      const ky = y >= 0xd800 && y <= 0xdfff ? cy : y;
      return kx < ky ? -1 : kx > ky ? 1 : 0;
    }
  }
  return a.length - b.length;
}

// ---------------------------------------------------------------------------
// Source locations as Racket's `srcloc->string` shows them: `src:line:col`,
// `src::pos` without a line, `src` alone without either; an absolute source
// under the current directory is shown relative to it.

function srclocString(loc: SrcLoc): string | null {
  const src = loc.source;
  if (src === null || src === undefined || src === '') return null;
  const shown = loc.shown ?? relativeSource(src);
  if (typeof loc.line === 'number' && loc.line >= 1 && typeof loc.column === 'number' && loc.column >= 0) {
    return `${shown}:${loc.line}:${loc.column}`;
  }
  if (typeof loc.position === 'number' && loc.position >= 1) return `${shown}::${loc.position}`;
  return shown;
}

function relativeSource(src: string): string {
  const proc = (globalThis as { process?: { cwd?: () => string } }).process;
  if (!src.startsWith('/') || !proc?.cwd) return src;
  let dir: string;
  try {
    dir = proc.cwd();
  } catch {
    return src;
  }
  if (!dir.endsWith('/')) dir += '/';
  return src.startsWith(dir) && src.length > dir.length ? src.slice(dir.length) : src;
}
