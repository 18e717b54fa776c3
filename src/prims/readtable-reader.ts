// The reader that follows a readtable: a character-level reader over the
// port itself, used only when `current-readtable` is not #f (and by
// read/recursive), so that reader macros see the port where Racket's reader
// leaves it. It follows Racket 8.7's reader (racket/src/expander/read):
// every place a datum starts dispatches on the readtable's mappings, symbols
// end at terminating macro characters, and the parts a readtable cannot
// change inside a token (string escapes, character names, hash openers,
// regexps, here strings, `#lang`) are decoded by the fast reader's scanners.
//
// On a port whose text is still arriving, running out of characters aborts
// the read (NeedMore): the caller puts the port back where the read started
// and tries again when more text has come.

import type { Machine } from '../eval/machine.js';
import { RacketThrow, exnFailContractArityT, exnFailReadEofT, exnFailReadT, makeExn } from '../errors/exn.js';
import { applyNested } from '../eval/nested.js';
import type { InputPort } from '../io/input-port.js';
import { ReadError, readOne as fastReadOne, syntaxToDatum, type ReadOptions } from '../reader/index.js';
import { DEFAULT_READER_SYNTAX, type ReaderSyntax } from '../reader/parser.js';
import { mightBeNumber, parseNumber, UNSUPPORTED_EXTFLONUM } from '../reader/number.js';
import { decodeString, foldcase, isDelimiter, isWhitespace, scanChar } from '../reader/scan.js';
import { allFieldsImmutable, isPrefabKey, prefabKeyCompatibleCount } from '../reader/prefab-key.js';
import { PrefabLiteral } from '../reader/prefab-literal.js';
import { makeHash, type HashKind } from '../values/hash.js';
import { internLiteral } from '../values/intern-literal.js';
import { Placeholder, readerGraph } from '../values/placeholder.js';
import { makePrefab } from '../values/prefab.js';
import { EMPTY_SCOPES, Syntax, type SrcLoc } from '../values/syntax.js';
import {
  Box,
  Char,
  EOF,
  MultipleValues,
  NULL,
  Pair,
  RBytes,
  RString,
  RVector,
  keyword,
  listFromArray,
  sym,
  type Value,
} from '../values/types.js';
import { SpecialComment } from './port-misc.js';
import { arityIncludes } from './procedures.js';
import type { Readtable } from './readtables.js';

/** Thrown when the port has no more characters yet but is not at its end. */
class NeedMore {}
const NEED_MORE = new NeedMore();

const HASH = 35;

interface Loc {
  readonly line: number | false;
  readonly col: number | false;
  readonly pos: number;
  /** The port's byte position there. */
  readonly byte: number;
}

interface Indentation {
  readonly closer: number;
  suspiciousCloser: number | null;
  multiline: boolean;
  readonly startLine: number | false;
  lastLine: number | false;
  suspiciousLine: number | null;
  maxIndent: number;
}

/** What changes between nested reads: Racket's read-config, in part. */
interface Cfg {
  readonly rt: Readtable | null;
  /** The readtable of the elements of a sequence (read/recursive's readtable applies to the first level only). */
  readonly next: Readtable | null;
  /** Return special comments instead of skipping them (read/recursive, and elements of sequences). */
  readonly keep: boolean;
  readonly indents: readonly Indentation[];
  /** Where the enclosing datum starts (null at the top): a character macro's result is located there, as in Racket. */
  readonly at: Loc | null;
}

/** What a read with a readtable is asked to do. */
export interface ReadtableRead {
  readtable: Readtable | null;
  next: Readtable | null;
  forSyntax: boolean;
  /** The source name in messages and syntax objects. */
  source: string;
  /** read-syntax's source argument: what reader macros get, and syntax-source when not a string. */
  sourceArg: Value;
  sourceValue?: Value;
  /** read/recursive: comments read as special comments; the graph is shared with the enclosing read unless `localGraph`. */
  recursive: boolean;
  localGraph: boolean;
  /** A character already read from the port (read/recursive's `start`). */
  initial: number | null;
  options: Pick<ReadOptions, 'decimalAsInexact' | 'singleFlonum' | 'syntax'>;
}

/** The last character offset worked out for a byte position of each port, so that finding the next is not quadratic. */
const knownOffsets = new WeakMap<InputPort, { byte: number; char: number }>();

/** The reads whose reader macros are running (innermost last): read/recursive joins the innermost. */
const activeReads: ReadtableReader[] = [];

class ReadtableReader {
  private readonly who: string;
  private readonly flags: ReaderSyntax;
  private caseSensitive: boolean;
  /** `#N=` placeholders of the outermost datum; shared by recursive reads. */
  graphTags: Map<string, Placeholder> | null = null;

  constructor(
    readonly m: Machine,
    readonly port: InputPort,
    readonly req: ReadtableRead,
  ) {
    this.who = req.forSyntax ? 'read-syntax' : 'read';
    this.flags = req.options.syntax ?? DEFAULT_READER_SYNTAX;
    this.caseSensitive = this.flags.caseSensitive;
  }

  // ---------------------------------------------------------------- characters

  private peek(): number {
    const p = this.port;
    if (!p.complete && !p.canReadChar()) throw NEED_MORE;
    return p.peekChar() ?? -1;
  }

  /** The character after the next one. */
  private peek2(): number {
    const p = this.port;
    if (!p.complete && !p.canReadChars(2)) throw NEED_MORE;
    const b = p.bytes[p.pos];
    if (b === undefined) return -1;
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return p.peekCharAt(len) ?? -1;
  }

  private next(): number {
    const p = this.port;
    if (!p.complete && !p.canReadChar()) throw NEED_MORE;
    return p.readChar() ?? -1;
  }

  private here(): Loc {
    const [line, col, pos] = this.port.location();
    return { line, col, pos, byte: this.port.pos };
  }

  private eff(rt: Readtable | null, c: number): number {
    return rt === null || c < 0 ? c : rt.effective(c);
  }

  /** Whether `c` ends a symbol or number. */
  private delimits(rt: Readtable | null, c: number): boolean {
    if (c < 0) return true;
    const d = rt === null ? undefined : rt.delimiters.get(c);
    if (d === 'no-delimit') return false;
    if (d === 'delimit') return true;
    const dc = d ?? c;
    return isDelimiter(dc) || (dc === 46 && this.flags.cdot);
  }

  // ---------------------------------------------------------------- results

  private srcloc(start: Loc): SrcLoc {
    const end = this.here();
    const counted = start.line !== false;
    const loc: SrcLoc = {
      source: this.req.source,
      line: counted ? (start.line as number) : null,
      column: counted ? (start.col as number) : null,
      position: start.pos,
      span: Math.max(0, end.pos - start.pos),
      shown: this.req.source,
    };
    return this.req.sourceValue === undefined ? loc : { ...loc, sourceValue: this.req.sourceValue };
  }

  /** An atom: a syntax object (its literal interned) for read-syntax, else the value. */
  private atom(v: Value, start: Loc): Value {
    if (!this.req.forSyntax) return v;
    return new Syntax(typeof v === 'number' ? v : internLiteral(v), this.srcloc(start));
  }

  private compound(v: Value, start: Loc, shape: number | null = null): Value {
    if (!this.req.forSyntax) return v;
    const props = shape === 91 || shape === 123 ? new Map<Value, Value>([['paren-shape', Char.of(shape)]]) : null;
    return new Syntax(v, this.srcloc(start), EMPTY_SCOPES, props);
  }

  private plain(v: Value): Value {
    return v instanceof Syntax ? syntaxToDatum(v) : v;
  }

  // ---------------------------------------------------------------- errors

  private where(at: Loc | null): string {
    if (at === null) return this.req.source;
    return at.line === false ? `${this.req.source}::${at.pos}` : `${this.req.source}:${at.line}:${at.col}`;
  }

  private fail(at: Loc | null, msg: string, eof = false): never {
    if (eof && !this.port.complete) throw NEED_MORE;
    throw new ReadError(`${this.where(at)}: ${this.who}: ${msg}`, null, eof);
  }

  private names(rt: Readtable | null, c: number, fallback: string): string {
    if (rt === null) return `\`${String.fromCodePoint(c)}\``;
    const cs = rt.equivalents(c).map((x) => `\`${String.fromCodePoint(x)}\``);
    if (cs.length === 0) return fallback;
    if (cs.length === 1) return cs[0];
    if (cs.length === 2) return `${cs[0]} or ${cs[1]}`;
    return `${cs.slice(0, -1).join(', ')}, or ${cs[cs.length - 1]}`;
  }

  // ---------------------------------------------------------------- indentation hints

  private track(cfg: Cfg, at: Loc): void {
    const indt = cfg.indents[0];
    if (indt === undefined || at.line === false || indt.lastLine === false || at.line <= indt.lastLine) return;
    indt.lastLine = at.line;
    indt.multiline = true;
    const col = at.col as number;
    if (col >= indt.maxIndent) {
      indt.maxIndent = col;
    } else if (indt.suspiciousLine === null) {
      indt.suspiciousCloser = indt.closer;
      indt.suspiciousLine = at.line;
    }
  }

  private possibleCause(cfg: Cfg): string {
    const indt = cfg.indents[0];
    if (indt === undefined || indt.suspiciousLine === null) return '';
    const closer = this.names(cfg.rt, indt.suspiciousCloser as number, 'closer');
    return `\n  possible cause: indentation suggests a missing ${closer} before line ${indt.suspiciousLine}`;
  }

  private unexpectedCloser(cfg: Cfg, ec: number, c: number): string {
    const ch = String.fromCodePoint(c);
    const indt = cfg.indents[0];
    if (indt === undefined) return `unexpected \`${ch}\``;
    let base: string;
    if (ec === indt.closer) {
      base = `unexpected \`${ch}\``;
    } else {
      const missing = cfg.indents.slice(1).some((i) => i.closer === ec) ? 'missing' : 'expected';
      const opener = this.names(cfg.rt, OPENER_OF[indt.closer], 'opener');
      const where = indt.multiline ? `${opener} on line ${indt.startLine}` : `preceding ${opener}`;
      base = `${missing} ${this.names(cfg.rt, indt.closer, 'closer')} to close ${where}, found instead \`${ch}\``;
    }
    return base + this.possibleCause(cfg);
  }

  // ---------------------------------------------------------------- reader macros

  /** Calls a reader macro found at `start`; a result that is not syntax gets the location `resultAt` (to the port's position). */
  private callMacro(proc: Value, c: number | null, start: Loc, resultAt: Loc | null): Value {
    const ch = c === null ? false : Char.of(c);
    const line = start.line;
    const col = start.col;
    let args: Value[];
    if (this.req.forSyntax) args = [ch, this.port, this.req.sourceArg, line, col, start.pos];
    else if (arityIncludes(proc, 2)) args = [ch, this.port];
    else args = [ch, this.port, false, line, col, start.pos];
    activeReads.push(this);
    let v: Value;
    try {
      // A macro that waits for more of the port's text: abort, and read again once it has come.
      v = applyNested(this.m, proc, args, () => {
        if (!this.port.complete) throw NEED_MORE;
      });
    } finally {
      activeReads.pop();
    }
    if (v instanceof SpecialComment) return v;
    if (v instanceof MultipleValues) {
      const msg = `result arity mismatch;\n expected number of values not received\n  expected: 1\n  received: ${v.vals.length}`;
      throw new RacketThrow(makeExn(exnFailContractArityT, msg, NULL));
    }
    return this.req.forSyntax ? this.toSyntax(v, resultAt === null ? this.nowhere() : this.srcloc(resultAt)) : this.plain(v);
  }

  /** The source alone, without line, column, position or span. */
  private nowhere(): SrcLoc {
    const none = null as unknown as number;
    const loc: SrcLoc = { source: this.req.source, line: null, column: null, position: none, span: none, shown: this.req.source };
    return this.req.sourceValue === undefined ? loc : { ...loc, sourceValue: this.req.sourceValue };
  }

  /** A reader macro's result as syntax: lists and pairs element by element, all at the macro's location. */
  private toSyntax(v: Value, loc: SrcLoc): Syntax {
    if (v instanceof Syntax) return v;
    if (v instanceof Pair) {
      const items: Value[] = [];
      let x: Value = v;
      while (x instanceof Pair) {
        items.push(this.toSyntax(x.car, loc));
        x = x.cdr;
      }
      return new Syntax(listFromArray(items, x === NULL ? NULL : this.toSyntax(x, loc)), loc);
    }
    return new Syntax(internLiteral(v), loc);
  }

  private retryComment(v: Value, cfg: Cfg): Value {
    return v instanceof SpecialComment && !cfg.keep ? this.readOne(null, cfg) : v;
  }

  // ---------------------------------------------------------------- whitespace and comments

  /** Skips whitespace and comments; the first other character, consumed, with where it started (or a comment, when kept). */
  private skip(init: { c: number; at: Loc } | null, cfg: Cfg): { c: number; at: Loc } | SpecialComment {
    const rt = cfg.rt;
    let first = init;
    for (;;) {
      let c: number;
      let at: Loc;
      if (first !== null) {
        c = first.c;
        at = first.at;
        first = null;
      } else {
        at = this.here();
        c = this.next();
      }
      const ec = this.eff(rt, c);
      if (ec === -1) return { c, at };
      if (ec >= 0 && isWhitespace(ec)) continue;
      if (ec === 59) {
        for (;;) {
          const d = this.next();
          if (d === -1 || this.eff(rt, d) === 10) break;
        }
        if (cfg.keep) return new SpecialComment(false);
        continue;
      }
      if (ec === HASH) {
        const d = this.hashEffective(rt, this.peek());
        if (d === 124) {
          this.blockComment();
          if (cfg.keep) return new SpecialComment(false);
          continue;
        }
        if (d === 33) {
          const e = this.peek2();
          if (e === 32 || e === 47) {
            this.shebangComment();
            if (cfg.keep) return new SpecialComment(false);
            continue;
          }
        }
        if (d === 59) {
          this.next();
          const v = this.readOne(null, { ...cfg, keep: false });
          // Reported where the enclosing datum starts (nowhere at the top).
          if (v === EOF) this.fail(cfg.at, 'expected a commented-out element for `#;`, but found end-of-file', true);
          if (cfg.keep) return new SpecialComment(false);
          continue;
        }
      }
      return { c, at };
    }
  }

  /** The character after `#`, or -3 when the readtable has a dispatch macro for it. */
  private hashEffective(rt: Readtable | null, c: number): number {
    return rt !== null && c >= 0 && rt.dispatch.has(c) ? -3 : c;
  }

  private blockComment(): void {
    // Reported at the `|` (where the port is after the `#`).
    const start = this.here();
    this.next();
    let prev = -1;
    let depth = 0;
    for (;;) {
      const c = this.next();
      if (c === -1) this.fail(start, 'end of file in `#|` comment', true);
      if (c === 124 && prev === HASH) {
        depth++;
        prev = -1;
      } else if (c === HASH && prev === 124) {
        if (depth === 0) return;
        depth--;
        prev = -1;
      } else {
        prev = c;
      }
    }
  }

  private shebangComment(): void {
    let backslash = false;
    for (;;) {
      const c = this.next();
      if (c === -1) return;
      if (c === 10) {
        if (!backslash) return;
        backslash = false;
      } else {
        backslash = c === 92;
      }
    }
  }

  // ---------------------------------------------------------------- datums

  /** One datum; EOF at the end; a special comment only when `cfg.keep`. With read-cdot, `a.b` after it reads as `(#%dot a b)`. */
  readOne(init: { c: number; at: Loc } | null, cfg: Cfg): Value {
    if (!this.flags.cdot) return this.readUndotted(init, cfg);
    const start = init?.at ?? this.here();
    let v = this.readUndotted(init, cfg);
    if (v instanceof SpecialComment || v === EOF) return v;
    for (;;) {
      const c = this.peek();
      const ec = this.eff(cfg.rt, c);
      if (ec >= 0 && isWhitespace(ec)) {
        this.next();
      } else if (ec === 46) {
        const dotAt = this.here();
        this.next();
        const dot = this.atom(sym('#%dot'), dotAt);
        const post = this.readUndotted(null, { ...cfg, keep: false });
        if (post === EOF) this.fail(dotAt, 'expected a datum after cdot, found end-of-file', true);
        v = this.compound(listFromArray([dot, v, post], NULL), start);
      } else {
        return v;
      }
    }
  }

  /** One datum without read-cdot's combining (Racket's read-undotted). */
  private readUndotted(init: { c: number; at: Loc } | null, cfgIn: Cfg): Value {
    let cfg = cfgIn;
    const r = this.skip(init, cfg);
    if (r instanceof SpecialComment) return r;
    const { c, at } = r;
    if (c === -1) return EOF;
    const rt = cfg.rt;
    const handler = rt === null ? null : rt.handler(c);
    if (handler !== null) return this.retryComment(this.callMacro(handler, c, at, cfg.at), cfg);
    const ec = this.eff(rt, c);
    const outer = cfg;
    cfg = { ...cfg, at };
    if (ec !== 41 && ec !== 93 && ec !== 125) this.track(cfg, at);
    const f = this.flags;
    const illegal = (): never => this.fail(at, `illegal use of \`${String.fromCodePoint(c)}\``);
    switch (ec) {
      case HASH:
        return this.dispatch(c, at, cfg);
      case 39:
        return this.quoted('quote', 'quoting "\'"', at, cfg);
      case 96:
        if (!f.acceptQuasiquote) illegal();
        return this.quoted('quasiquote', 'quasiquoting "`"', at, cfg);
      case 44:
        if (!f.acceptQuasiquote) illegal();
        if (this.peek() === 64) {
          this.next();
          return this.quoted('unquote-splicing', 'unquoting `,@`', at, cfg);
        }
        return this.quoted('unquote', 'unquoting `,`', at, cfg);
      case 40:
        return this.list(40, 41, at, cfg);
      case 91:
        if (!f.squareBracketAsParen && !f.squareBracketWithTag) illegal();
        return this.list(91, 93, at, cfg);
      case 123:
        if (!f.curlyBraceAsParen && !f.curlyBraceWithTag) illegal();
        return this.list(123, 125, at, cfg);
      case 41:
      case 93:
      case 125:
        if (ec === 93 && !f.squareBracketAsParen && !f.squareBracketWithTag) illegal();
        if (ec === 125 && !f.curlyBraceAsParen && !f.curlyBraceWithTag) illegal();
        return this.fail(at, this.unexpectedCloser(cfg, ec, c));
      case 34:
        return this.string(at, false);
      case 124:
        return this.symbolOrNumber(c, at, cfg, 'symbol', '');
      default: {
        const numeric = c === ec || (ec >= 48 && ec <= 57);
        return this.retryComment(this.symbolOrNumber(c, at, cfg, numeric ? 'symbol-or-number' : 'symbol/indirect', ''), outer);
      }
    }
  }

  private quoted(name: string, desc: string, at: Loc, cfg: Cfg): Value {
    const tag = this.atom(sym(name), at);
    const v = this.readOne(null, { ...cfg, keep: false });
    if (v === EOF) this.fail(at, `expected an element for ${desc}, found end-of-file`, true);
    return this.compound(new Pair(tag, new Pair(v, NULL)), at);
  }

  private list(opener: number, closer: number, at: Loc, cfg: Cfg): Value {
    const { items, tail } = this.sequence(opener, closer, at, cfg, true);
    const f = this.flags;
    if ((opener === 91 && f.squareBracketWithTag) || (opener === 123 && f.curlyBraceWithTag)) {
      items.unshift(this.atom(sym(opener === 91 ? '#%brackets' : '#%braces'), at));
    }
    const e = items.length === 0 && tail === null ? NULL : listFromArray(items, tail ?? NULL);
    return this.compound(e, at, opener);
  }

  /** The elements up to `closer` (Racket's read-unwrapped-sequence); with `dots`, `(a . b)` and `(a . f . b)`. */
  private sequence(opener: number, closer: number, start: Loc, cfg: Cfg, dots: boolean): { items: Value[]; tail: Value | null } {
    const openEnd = this.here();
    const indt: Indentation = {
      closer,
      suspiciousCloser: null,
      multiline: false,
      startLine: openEnd.line,
      lastLine: openEnd.line,
      suspiciousLine: null,
      maxIndent: openEnd.col === false ? 0 : openEnd.col + 1,
    };
    const seqCfg: Cfg = { ...cfg, keep: false, indents: [indt, ...cfg.indents] };
    const elemCfg: Cfg = { rt: cfg.next, next: cfg.next, keep: true, indents: seqCfg.indents, at: cfg.at };
    const items: Value[] = [];
    let head: Value | null = null;
    let tail: Value | null = null;
    const notEof = (v: Value): Value => {
      if (v === EOF) {
        const msg = `expected a ${this.names(elemCfg.rt, closer, 'closer')} to close \`${String.fromCodePoint(opener)}\`${this.possibleCause(seqCfg)}`;
        this.fail(start, msg, true);
      }
      return v;
    };
    let init: { c: number; at: Loc } | null = null;
    let first = true;
    for (;;) {
      const r = this.skip(init, seqCfg) as { c: number; at: Loc };
      init = null;
      const ec = this.eff(cfg.rt, r.c);
      if (ec === closer) break;
      if (!first && ec === 46 && this.flags.acceptDot && this.delimits(cfg.rt, this.peek())) {
        const dotAt = r.at;
        this.track(seqCfg, dotAt);
        if (!dots || head !== null) this.fail(dotAt, 'illegal use of `.`');
        const v = notEof(this.readOne(null, { ...elemCfg, keep: false }));
        const after = this.skip(null, seqCfg) as { c: number; at: Loc };
        const aec = this.eff(cfg.rt, after.c);
        if (aec === closer) {
          tail = v;
          break;
        }
        if (aec === 46 && this.flags.acceptInfixDot && this.delimits(cfg.rt, this.peek())) {
          head = v;
          this.track(seqCfg, this.here());
          const post = this.skip(null, seqCfg) as { c: number; at: Loc };
          const pec = this.eff(cfg.rt, post.c);
          if (pec === -1 || pec === closer) this.fail(dotAt, 'illegal use of `.`', pec === -1);
          init = post;
          continue;
        }
        this.fail(dotAt, 'illegal use of `.`', aec === -1);
      }
      const v = notEof(this.readOne(r, elemCfg));
      if (v instanceof SpecialComment) continue;
      items.push(v);
      first = false;
    }
    if (head !== null) items.unshift(head);
    return { items, tail };
  }

  // ---------------------------------------------------------------- `#` dispatch

  private dispatch(hashChar: number, at: Loc, cfg: Cfg): Value {
    const hashPos = at.byte;
    const c = this.next();
    const rt = cfg.rt;
    if (c >= 0 && rt !== null) {
      const h = rt.dispatch.get(c);
      if (h !== undefined) return this.retryComment(this.callMacro(h, c, at, at), cfg);
    }
    const f = this.flags;
    switch (c) {
      case 40:
      case 91:
      case 123:
        if ((c === 91 && !f.squareBracketAsParen) || (c === 123 && !f.curlyBraceAsParen)) break;
        return this.vector(c, null, at, cfg);
      case 115: // #s(
      case 83: {
        const o = this.peek();
        if (o !== 40 && o !== 91 && o !== 123) break;
        this.next();
        return this.prefab(o, at, cfg);
      }
      case 38: // #&
        if (!f.acceptBox) this.fail(at, '`#&` forms not enabled');
        return this.box(at, cfg);
      case 39:
        return this.quoted('syntax', "quoting #'", at, cfg);
      case 96:
        return this.quoted('quasisyntax', 'quasiquoting #`', at, cfg);
      case 44:
        if (this.peek() === 64) {
          this.next();
          return this.quoted('unsyntax-splicing', 'unquoting #,@', at, cfg);
        }
        return this.quoted('unsyntax', 'unquoting #,', at, cfg);
      case 92:
        return this.character(at);
      case 34:
        return this.string(at, true);
      case 37: // #%
        return this.symbolOrNumber(37, at, cfg, 'symbol', '#');
      case 58: // #:
        return this.symbolOrNumber(null, at, cfg, 'keyword', '');
      case 116:
      case 84:
      case 102:
      case 70:
        if (this.delimits(rt, this.peek())) return this.atom(c === 116 || c === 84, at);
        break;
      case 101:
      case 69:
      case 105:
      case 73:
      case 100:
      case 68:
      case 98:
      case 66:
      case 111:
      case 79:
      case 120:
      case 88:
        return this.symbolOrNumber(null, at, cfg, `#${String.fromCharCode(c)}`, '');
      case 99:
      case 67: {
        const d = this.next();
        if (d === 115 || d === 83 || d === 105 || d === 73) {
          const saved = this.caseSensitive;
          this.caseSensitive = d === 115 || d === 83;
          try {
            return this.readOne(null, cfg);
          } finally {
            this.caseSensitive = saved;
          }
        }
        return this.fail(
          at,
          `expected \`s', \`S\`, \`i\`, or \`I\` after \`${String.fromCodePoint(hashChar)}${String.fromCharCode(c)}\``,
          d === -1,
        );
      }
      case 104:
      case 72:
        return this.hashTable(hashChar, c, at, cfg);
      default:
        if (c >= 48 && c <= 57) return this.digits(c, hashPos, at, cfg);
    }
    return this.delegate(hashPos, at);
  }

  /** `#N(` vectors and `#N=` / `#N#` graph notation. */
  private digits(c: number, hashPos: number, at: Loc, cfg: Cfg): Value {
    let digits = String.fromCharCode(c);
    let d = this.peek();
    while (d >= 48 && d <= 57) {
      digits += String.fromCharCode(this.next());
      d = this.peek();
    }
    const ed = this.eff(cfg.rt, d);
    if (ed === 40 || ed === 91 || ed === 123) {
      this.next();
      return this.vector(ed, digits, at, cfg);
    }
    const graphOn = this.req.forSyntax ? false : this.flags.acceptGraph;
    if ((d === 61 || d === HASH) && graphOn) {
      this.next();
      const image = `#${digits}${String.fromCharCode(d)}`;
      if (digits.length > 8) this.fail(at, `graph ID too long in \`${image}\``);
      const root = this.graphRoot();
      const tags = root.graphTags ?? new Map<string, Placeholder>();
      root.graphTags = tags;
      if (d === HASH) {
        const p = tags.get(digits);
        if (p === undefined) this.fail(at, `no preceding \`#${digits}=\` for \`${image}\``);
        return p;
      }
      if (tags.has(digits)) this.fail(at, `multiple \`${image}\` tags`);
      const p = new Placeholder(false);
      tags.set(digits, p);
      const v = this.readOne(null, { ...cfg, keep: false });
      if (v === EOF) this.fail(at, `expected an element for graph after \`${image}\`, found end-of-file`, true);
      p.value = v;
      // `#0=#0#` (or a chain of tags back to this one) has no value at all.
      for (let q = v; q instanceof Placeholder; q = q.value) {
        if (q === p) throw new ReadError(`${this.who}: illegal placeholder cycle in value\n  value: #<placeholder>`, null, false);
      }
      return p;
    }
    return this.delegate(hashPos, at);
  }

  /** The reader whose graph tags a `#N=` belongs to. */
  private graphRoot(): ReadtableReader {
    return this.sharedGraph ?? this;
  }

  /** For read/recursive within a read: the enclosing read, whose `#N=` tags it shares. */
  sharedGraph: ReadtableReader | null = null;

  private vector(opener: number, length: string | null, at: Loc, cfg: Cfg): Value {
    const closer = CLOSER_OF[opener];
    const { items } = this.sequence(opener, closer, at, cfg, false);
    if (length !== null) {
      const want = BigInt(length);
      const have = items.length;
      if (want < BigInt(have)) this.fail(at, `vector length ${want} is too small, ${have} values provided`);
      if (want > BigInt(have)) {
        if (want > 1n << 28n) this.fail(at, 'out of memory');
        const fill = have > 0 ? items[have - 1] : this.atom(0, at);
        for (let i = have; i < Number(want); i++) items.push(fill);
      }
    }
    return this.compound(new RVector(items, this.req.forSyntax), at, opener);
  }

  private prefab(opener: number, at: Loc, cfg: Cfg): Value {
    const { items, tail } = this.sequence(opener, CLOSER_OF[opener], at, cfg, true);
    if (items.length === 0) this.fail(at, 'missing structure description in `#s` form');
    const key = this.plain(items[0]);
    if (!isPrefabKey(key)) this.fail(at, 'invalid structure description in `#s` form');
    if (tail !== null || !prefabKeyCompatibleCount(key, items.length - 1)) {
      this.fail(at, 'mismatch between structure description and number of provided field values in `#s` form');
    }
    if (this.req.forSyntax) {
      if (!allFieldsImmutable(key)) this.fail(at, 'cannot read mutable `#s` form as syntax');
      return this.compound(new PrefabLiteral(items[0] as Syntax, items.slice(1) as Syntax[]), at, opener);
    }
    return makePrefab(key, items.slice(1)) ?? this.fail(at, 'invalid structure description in `#s` form');
  }

  private box(at: Loc, cfg: Cfg): Value {
    const v = this.readOne(null, { ...cfg, keep: false });
    if (v === EOF) this.fail(at, 'expected an element for `#&` box, found end-of-file', true);
    return this.compound(new Box(v, this.req.forSyntax), at);
  }

  /** `#hash(`, `#hasheq(`, `#hasheqv(`, `#hashalw(` (any letter case), read from the `h` on as Racket's read-hash reads it. */
  private hashOpen(hashChar: number, hc: number, at: Loc, rt: Readtable | null): { kind: HashKind; opener: number } {
    let image = String.fromCodePoint(hashChar) + String.fromCharCode(hc);
    const expect = (lower: number) => {
      const c = this.next();
      if (c !== lower && c !== lower - 32) {
        this.fail(at, `expected \`${String.fromCharCode(lower)}\` after \`${image}\``, c === -1);
      }
      image += String.fromCharCode(c);
    };
    expect(97);
    expect(115);
    expect(104);
    let kind: HashKind = 'equal';
    for (;;) {
      const c = this.next();
      const ec = this.eff(rt, c);
      if (ec === 40 || ec === 91 || ec === 123) return { kind, opener: ec };
      if (c === -1) this.fail(at, `bad syntax \`${image}\``, true);
      image += String.fromCodePoint(c);
      if ((c === 101 || c === 69) && kind === 'equal') {
        expect(113);
        kind = 'eq';
      } else if ((c === 118 || c === 86) && kind === 'eq') {
        kind = 'eqv';
      } else if ((c === 97 || c === 65) && kind === 'equal') {
        expect(108);
        expect(119);
        kind = 'equal-always';
      } else {
        this.fail(at, `bad syntax \`${image}\``);
      }
    }
  }

  private hashTable(hashChar: number, hc: number, at: Loc, cfg: Cfg): Value {
    const open = this.hashOpen(hashChar, hc, at, cfg.rt);
    const opener = open.opener;
    const closer = CLOSER_OF[opener];
    const pairs: [Value, Value][] = [];
    const seqCfg: Cfg = { ...cfg, keep: false };
    const elemCfg: Cfg = { rt: cfg.next, next: cfg.next, keep: false, indents: cfg.indents, at: cfg.at };
    const ch = (c: number) => String.fromCodePoint(c);
    for (;;) {
      const r = this.skip(null, seqCfg) as { c: number; at: Loc };
      const ec = this.eff(cfg.rt, r.c);
      if (ec === closer) break;
      if (ec === -1) this.fail(at, `expected \`${ch(closer)}\` to close \`${ch(opener)}\``, true);
      const pairCloser = CLOSER_OF[ec];
      if (pairCloser === undefined) {
        if (ec === 41 || ec === 93 || ec === 125) this.fail(r.at, `unexpected \`${ch(r.c)}\``);
        this.fail(r.at, 'expected `(`, `[`, or `{` to start a hash pair');
      }
      const k = this.readOne(null, elemCfg);
      if (k === EOF) this.fail(at, `expected \`${ch(closer)}\` to close \`${ch(opener)}\``, true);
      const d = this.skip(null, seqCfg) as { c: number; at: Loc };
      if (!(this.eff(cfg.rt, d.c) === 46 && this.delimits(cfg.rt, this.peek()))) {
        this.fail(d.at, 'expected `.` and value for hash', d.c === -1);
      }
      const v = this.readOne(null, elemCfg);
      if (v === EOF) this.fail(d.at, 'expected `.` and value for hash', true);
      const e = this.skip(null, seqCfg) as { c: number; at: Loc };
      if (this.eff(cfg.rt, e.c) !== pairCloser) this.fail(e.at, `expected \`${ch(pairCloser)}\` after value within a hash`, e.c === -1);
      pairs.push([this.plain(k), v]);
    }
    return this.compound(makeHash(open.kind, false, pairs), at, opener);
  }

  // ---------------------------------------------------------------- tokens decoded by the fast reader's scanners

  /** The port's text and the offset in it of byte position `pos` (counted on from the last offset asked of this port). */
  private textAt(pos: number): [string, number] {
    const port = this.port;
    const text = port.fullText();
    const bytes = port.bytes;
    const known = knownOffsets.get(port) ?? { byte: 0, char: 0 };
    let char = known.char;
    for (let i = known.byte; i < pos; i++) {
      const b = bytes[i];
      if ((b & 0xc0) !== 0x80) char += b >= 0xf0 ? 2 : 1;
    }
    for (let i = pos; i < known.byte; i++) {
      const b = bytes[i];
      if ((b & 0xc0) !== 0x80) char -= b >= 0xf0 ? 2 : 1;
    }
    knownOffsets.set(port, { byte: pos, char });
    return [text, char];
  }

  private textHere(): [string, number] {
    return this.textAt(this.port.pos);
  }

  /** Moves the port to offset `to` of `text`, from offset `from`, where it is now. */
  private seekText(text: string, from: number, to: number): void {
    let bytes = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    }
    const port = this.port;
    port.pos += bytes;
    knownOffsets.set(port, { byte: port.pos, char: to });
  }

  private string(at: Loc, bytes: boolean): Value {
    const [text, offset] = this.textHere();
    const d = decodeString(text, offset, bytes);
    if ('msg' in d) {
      if (d.eof && !this.port.complete) throw NEED_MORE;
      this.seekText(text, offset, d.end);
      return this.fail(at, d.msg, d.eof);
    }
    this.seekText(text, offset, d.end);
    if (!bytes) return this.atom(new RString(d.value, this.req.forSyntax), at);
    const b = new Uint8Array(d.value.length);
    for (let i = 0; i < b.length; i++) b[i] = d.value.charCodeAt(i);
    return this.atom(new RBytes(b, this.req.forSyntax), at);
  }

  private character(at: Loc): Value {
    const [text, offset] = this.textHere();
    // scanChar starts at the `#` of `#\`.
    const r = scanChar(text, offset - 2);
    if (!this.port.complete && r.end >= text.length) throw NEED_MORE;
    this.seekText(text, offset, r.end);
    if ('msg' in r) return this.fail(at, r.msg, r.eof);
    return this.atom(Char.of(r.code), at);
  }

  /** Any other `#` form (regexps, here strings, `#t`/`#true`..., `#lang`, bad syntax): read by the fast reader from the `#`. */
  private delegate(hashPos: number, at: Loc): Value {
    const [whole, hashOffset] = this.textAt(hashPos);
    // When the `#` is not in the port as `#` (read/recursive's start character,
    // or a character the readtable maps to `#`), the fast reader reads a copy
    // of the rest of the text with a `#` in front.
    let text = whole;
    let offset = hashOffset;
    let shift = 0;
    const virtual = this.virtualStart !== null && this.virtualStart === hashPos;
    if (virtual || whole.charCodeAt(hashOffset) !== HASH) {
      const rest = virtual ? hashOffset : hashOffset + (whole.codePointAt(hashOffset)! > 0xffff ? 2 : 1);
      text = `#${whole.slice(rest)}`;
      offset = 0;
      shift = rest - 1;
    }
    let r: { datum: Syntax | null; end: number };
    try {
      r = fastReadOne(text, offset, this.req.source, {
        who: this.req.forSyntax ? 'read-syntax' : 'read',
        countLines: this.port.counter !== null,
        sourceValue: this.req.sourceValue,
        ...this.req.options,
      });
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      if (e.incomplete && !this.port.complete) throw NEED_MORE;
      const actual = virtual ? '#' : String.fromCodePoint(whole.codePointAt(hashOffset)!);
      if (actual === '#' || !e.message.includes('bad syntax `#')) throw e;
      // The message names the character that was read, not the `#` it stands for.
      throw new ReadError(e.message.replace('bad syntax `#', `bad syntax \`${actual}`), e.loc, e.incomplete);
    }
    if (!this.port.complete && r.end >= text.length) throw NEED_MORE;
    this.port.pos = hashPos;
    this.seekText(whole, hashOffset, r.end + shift);
    const d = r.datum as Syntax;
    return this.req.forSyntax ? new Syntax(d.e, this.srcloc(at), EMPTY_SCOPES, d.props) : syntaxToDatum(d);
  }

  /** The byte position where read/recursive's start character stands in for a character of the port. */
  private virtualStart: number | null = null;

  // ---------------------------------------------------------------- symbols, numbers, keywords

  /**
   * A symbol, number or keyword (Racket's read-symbol-or-number). `mode`:
   * 'symbol-or-number, 'symbol, 'symbol/indirect (a character mapped to a
   * non-digit: never a number), 'keyword, or a number prefix such as "#x".
   */
  private symbolOrNumber(init: number | null, at: Loc, cfg: Cfg, mode: string, prefix: string): Value {
    const rt = cfg.rt;
    if (rt !== null && rt.symbolParser !== null && (mode === 'symbol-or-number' || mode === 'symbol/indirect')) {
      return this.callMacro(rt.symbolParser, init, at, at);
    }
    const what = mode === 'keyword' ? 'keyword' : mode.startsWith('#') ? 'number' : 'symbol';
    let str = prefix;
    let foldFrom = str.length;
    let quoted = false;
    let pipe = -1;
    const fold = () => {
      if (!this.caseSensitive) str = str.slice(0, foldFrom) + foldcase(str.slice(foldFrom));
    };
    let pending = init;
    for (;;) {
      const c = pending ?? this.peek();
      const fromInit = pending !== null;
      pending = null;
      const ec = this.eff(rt, c);
      if (pipe >= 0 && c === -1) {
        this.fail(at, `end-of-file following \`${String.fromCodePoint(pipe)}\` in ${what}`, true);
      }
      // (The first character is a delimiter only when it is a `.` under read-cdot: it reads as ||.)
      if (pipe < 0 && this.delimits(rt, c)) {
        fold();
        break;
      }
      if (!fromInit) this.next();
      if (pipe >= 0 && c === pipe) {
        pipe = -1;
        foldFrom = str.length;
      } else if (pipe < 0 && ec === 124 && this.flags.acceptBarQuote) {
        quoted = true;
        fold();
        pipe = c;
      } else if (pipe < 0 && ec === 92) {
        const n = this.next();
        if (n === -1) this.fail(at, `end-of-file following \`${String.fromCodePoint(c)}\` in ${what}`, true);
        fold();
        str += String.fromCodePoint(n);
        foldFrom = str.length;
        quoted = true;
      } else {
        str += String.fromCodePoint(c);
      }
    }
    if (!quoted && str.length === 1 && this.eff(rt, str.codePointAt(0)!) === 46 && mode !== 'keyword') {
      this.fail(at, 'illegal use of `.`');
    }
    const isPrefix = mode.startsWith('#');
    if (!quoted && (isPrefix || (mode === 'symbol-or-number' && mightBeNumber(str)))) {
      const text = isPrefix ? mode + str : str;
      const decimal = this.req.options.decimalAsInexact === false ? 'decimal-as-exact' : 'decimal-as-inexact';
      const n = parseNumber(text, decimal, this.req.options.singleFlonum === true);
      if (typeof n === 'string') this.fail(at, n);
      if (n === UNSUPPORTED_EXTFLONUM) this.fail(at, `extflonums are not supported in \`${text}\``);
      if (n !== false) return this.atom(n, at);
      if (isPrefix) this.fail(at, `bad number: \`${text}\``);
    } else if (isPrefix) {
      this.fail(at, `bad number: \`${mode}${str}\``);
    }
    return this.atom(mode === 'keyword' ? keyword(str) : sym(str), at);
  }

  // ---------------------------------------------------------------- the top

  top(): Value {
    const req = this.req;
    const cfg: Cfg = { rt: req.readtable, next: req.next, keep: req.recursive, indents: [], at: null };
    let init: { c: number; at: Loc } | null = null;
    if (req.initial !== null) {
      const h = this.here();
      this.virtualStart = h.byte;
      const col = h.col === false ? false : Math.max(0, h.col - 1);
      init = { c: req.initial, at: { line: h.line, col, pos: Math.max(1, h.pos - 1), byte: h.byte } };
    }
    const v = this.readOne(init, cfg);
    if (this.graphTags !== null && this.sharedGraph === null && (!req.recursive || req.localGraph) && !req.forSyntax) {
      return readerGraph(v);
    }
    return v;
  }
}

const CLOSER_OF: Record<number, number> = { 40: 41, 91: 93, 123: 125 };
const OPENER_OF: Record<number, number> = { 41: 40, 93: 91, 125: 123 };

/**
 * The source of the read whose reader macro is running, if any: a
 * read-syntax/recursive within it keeps that source, as in Racket (a plain
 * read's source is its port's name, as a symbol).
 */
export function enclosingSource(): { source: string; sourceArg: Value; sourceValue: Value } | null {
  const outer = activeReads[activeReads.length - 1];
  if (outer === undefined) return null;
  const r = outer.req;
  if (r.forSyntax) return { source: r.source, sourceArg: r.sourceArg, sourceValue: r.sourceValue ?? new RString(r.source, true) };
  const name = sym(outer.port.name);
  return { source: outer.port.name, sourceArg: name, sourceValue: name };
}

/**
 * Reads one datum from `port` as `req` says, starting at its position.
 * Returns null, with the port back where it was, when the port's text has
 * not all arrived and the datum may need more of it.
 */
export function readWithReadtable(m: Machine, port: InputPort, req: ReadtableRead): Value | null {
  const start = port.pos;
  const reader = new ReadtableReader(m, port, req);
  if (req.recursive && !req.localGraph) {
    const outer = activeReads[activeReads.length - 1];
    if (outer !== undefined) reader.sharedGraph = outer.sharedGraph ?? outer;
  }
  try {
    return reader.top();
  } catch (e) {
    if (e === NEED_MORE) {
      port.pos = start;
      return null;
    }
    if (e instanceof ReadError) throw new RacketThrow(makeExn(e.incomplete ? exnFailReadEofT : exnFailReadT, e.message, NULL));
    throw e;
  }
}
