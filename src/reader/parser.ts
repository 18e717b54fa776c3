// The parser for Racket's datum syntax: a Chevrotain EmbeddedActionsParser
// whose rules build Syntax objects as they go.
//
//   datum    ::= list | vector | hashTable | prefab | quoted | box | caseMode
//              | Atom | String | Bytes | Char | Boolean | Keyword | HashSymbol
//              | PrefixedNumber | Regexp | HereString
//              | Lang | ShebangLang                 (only as a module's first datum)
//              | closer | Dot | BadDispatch         (errors)
//   list     ::= open datum* [Dot datum [Dot datum datum*]] close
//   vector   ::= VectorOpen datum* close
//   hashTable::= HashOpen (open datum Dot datum close)* close
//   prefab   ::= PrefabOpen datum datum* close
//   quoted   ::= (Quote | Quasiquote | Unquote | ... ) datum
//   box      ::= BoxOpen datum
//   caseMode ::= CaseMode datum
// with `#;` datum comments allowed before any datum or closer.
//
// `datum` is the one Chevrotain rule: an OR whose alternatives consume the
// first token(s) of each production and then build it. Inside a compound
// datum, the reader decides by what Racket's reader would do at each point
// rather than by Chevrotain's lookahead, because the error to report (and its
// location and span) depends on exactly that.
// Racket's indentation tracking, which adds "possible cause" hints to
// unbalanced-paren errors, is reproduced too.

import { EmbeddedActionsParser, EOF, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import { makeHash, type HashKind } from '../values/hash.js';
import { Syntax, EMPTY_SCOPES, type SrcLoc } from '../values/syntax.js';
import { Box, Char, Flonum, NULL, Pair, RBytes, RString, RVector, keyword, listFromArray, sym, type Value } from '../values/types.js';
import { flvectorOf, fxvectorOf } from '../values/flvectors.js';
import { isFixnum, isReal, type Num, numberToString, toDouble } from '../values/numbers.js';
import { ReadError } from './errors.js';
import type { LineMap } from './location.js';
import { type DecimalMode, mightBeNumber, parseNumber, UNSUPPORTED_EXTFLONUM } from './number.js';
import { PrefabLiteral } from './prefab-literal.js';
import { internLiteral } from '../values/intern-literal.js';
import { Placeholder } from '../values/placeholder.js';
import { allFieldsImmutable, isPrefabKey, prefabKeyCompatibleCount } from './prefab-key.js';
import { RegexpLiteral } from './regexp-literal.js';
import {
  decodeAtom,
  decodeString,
  dispatchError,
  pointAt,
  cpLen,
  scanLang,
  type ScanError,
  type ScannedChar,
  type ScannedConstant,
  type ScannedHashOpen,
  type DecodedString,
} from './scan.js';
import { syntaxToDatum } from './datum.js';
import {
  allTokens,
  Atom,
  BadDispatch,
  BooleanTok,
  BoxOpen,
  BytesTok,
  CaseModeTok,
  CharTok,
  DatumComment,
  Dot,
  GraphTok,
  HashOpen,
  HashSymbolTok,
  HereStringTok,
  KeywordTok,
  LangTok,
  LBrace,
  LBracket,
  LParen,
  PrefabOpen,
  PrefixedNumberTok,
  Quasiquote,
  Quasisyntax,
  Quote,
  RBrace,
  RBracket,
  RegexpTok,
  RParen,
  ShebangLangTok,
  StringTok,
  SyntaxQuote,
  Unquote,
  UnquoteSplicing,
  Unsyntax,
  UnsyntaxSplicing,
  VectorOpen,
} from './tokens.js';

/** Racket's per-sequence indentation record (racket/src/expander/read/indentation.rkt). */
interface Indentation {
  readonly closer: string;
  suspiciousCloser: string | null;
  multiline: boolean;
  readonly startLine: number;
  lastLine: number;
  suspiciousLine: number | null;
  maxIndent: number;
}

interface Indents {
  readonly head: Indentation;
  readonly tail: Indents | null;
}

/**
 * What Racket's reader carries in its `read-config` that matters here: the
 * stack of open sequences (for indentation hints) and the start of the datum
 * being read (where a `#;` with nothing after it is reported; -1 at top level).
 */
export interface Ctx {
  readonly indents: Indents | null;
  readonly start: number;
}

export const TOP: Ctx = { indents: null, start: -1 };

/** What `#lang name` reads as, for readModuleSource. */
export class LangMarker {
  constructor(readonly name: string) {}
}

const CLOSER_OF_OPENER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const OPENER_OF_CLOSER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

const QUOTE_FORMS = new Map<TokenType, [string, string]>([
  [Quote, ['quote', 'quoting "\'"']],
  [Quasiquote, ['quasiquote', 'quasiquoting "`"']],
  [Unquote, ['unquote', 'unquoting `,`']],
  [UnquoteSplicing, ['unquote-splicing', 'unquoting `,@`']],
  [SyntaxQuote, ['syntax', "quoting #'"]],
  [Quasisyntax, ['quasisyntax', 'quasiquoting #`']],
  [Unsyntax, ['unsyntax', 'unquoting #,']],
  [UnsyntaxSplicing, ['unsyntax-splicing', 'unquoting #,@']],
]);

function closerChar(t: TokenType): string | null {
  return t === RParen ? ')' : t === RBracket ? ']' : t === RBrace ? '}' : null;
}

/** Racket compiles regexp literals as it reads them, so a bad pattern is a
 * read error. The regexp library can register a checker that returns the
 * error message (without a `who:` prefix), or null when the pattern is fine. */
let regexpChecker: ((lit: RegexpLiteral) => string | null) | null = null;

export function setRegexpChecker(check: ((lit: RegexpLiteral) => string | null) | null): void {
  regexpChecker = check;
}

/** The regexp library's maker of regexp values; without one, a literal reads as its RegexpLiteral. */
let regexpMaker: ((lit: RegexpLiteral) => unknown) | null = null;

export function setRegexpMaker(make: ((lit: RegexpLiteral) => unknown) | null): void {
  regexpMaker = make;
}

export interface ReadSettings {
  text: string;
  map: LineMap;
  source: string;
  /** The source as `#<syntax:...>` prints it. */
  shown: string;
  /** 'read-syntax' (the default) or 'read', as named in error messages. */
  who: string;
  /** Line counting on (positions count characters) or off (bytes). */
  countLines: boolean;
  /** Syntax objects get lines and columns (else positions only). */
  lineColumns: boolean;
  /** read-syntax's source-name argument when it is not a string: what syntax-source returns. */
  sourceValue?: Value;
  /** UTF-16 offset of the tokens' offset 0 in `text`. */
  base: number;
  /** An unterminated `#|` at the end, reported when the reader reaches it. */
  pendingEofError: { start: number } | null;
  /** `read-decimal-as-inexact` (default #t). */
  decimalAsInexact?: boolean;
  /** `read-single-flonum` (default #f). */
  singleFlonum?: boolean;
  /** The syntax switches of `read`'s parameters (read-accept-box, ...); absent: Racket's defaults. */
  syntax?: ReaderSyntax;
}

/** What the reader parameters that switch syntax on and off say. */
export interface ReaderSyntax {
  caseSensitive: boolean;
  acceptBox: boolean;
  acceptQuasiquote: boolean;
  acceptDot: boolean;
  acceptInfixDot: boolean;
  squareBracketAsParen: boolean;
  curlyBraceAsParen: boolean;
  squareBracketWithTag: boolean;
  curlyBraceWithTag: boolean;
  /** `|` quotes in symbols (read-accept-bar-quote); off, it is a symbol character. */
  acceptBarQuote: boolean;
  /** `#0=` / `#0#` in `read` (read-accept-graph) and `read-syntax` (read-syntax-accept-graph). */
  acceptGraph: boolean;
  syntaxAcceptGraph: boolean;
  /** `#~` (read-accept-compiled). */
  acceptCompiled: boolean;
  /** `#reader` and `#lang` in `read` (read-accept-reader, read-accept-lang). */
  acceptReader: boolean;
  acceptLang: boolean;
  /** `a.b` as `(#%dot a b)` (read-cdot). */
  cdot: boolean;
}

export const DEFAULT_READER_SYNTAX: ReaderSyntax = {
  caseSensitive: true,
  acceptBox: true,
  acceptQuasiquote: true,
  acceptDot: true,
  acceptInfixDot: true,
  squareBracketAsParen: true,
  curlyBraceAsParen: true,
  squareBracketWithTag: false,
  curlyBraceWithTag: false,
  acceptBarQuote: true,
  acceptGraph: true,
  syntaxAcceptGraph: false,
  acceptCompiled: false,
  acceptReader: false,
  acceptLang: true,
  cdot: false,
};

export class RacketParser extends EmbeddedActionsParser {
  private text = '';
  private map!: LineMap;
  private source = '';
  private shown = '';
  private who = 'read-syntax';
  private countLines = true;
  private lineColumns = true;
  private sourceValue: Value | undefined = undefined;
  /** read-syntax (true) or read (false): syntax literals are immutable, and
   * `read-syntax` rejects prefab literals with mutable fields. */
  private forSyntax = true;
  private base = 0;
  private pendingEofError: { start: number } | null = null;
  private caseSensitive = true;
  private decimalMode: DecimalMode = 'decimal-as-inexact';
  private singleFlonum = false;
  private syntaxFlags: ReaderSyntax = DEFAULT_READER_SYNTAX;
  /** Whether the next top-level datum may be `#lang` (readModuleSource). */
  langAllowed = false;
  /** The context of the `datum` rule being entered (read by the cached alternatives). */
  private cx: Ctx = TOP;
  /** The `#N=` placeholders of the top-level datum being read; null until one is seen. */
  private graphTags: Map<string, Placeholder> | null = null;
  /** Depth of `#;` comments being read: what they hold is discarded. */
  private commentDepth = 0;
  /** The first number this runtime cannot represent (complex, extflonum) in
   * the datum being read. Racket reads these; we report them once the
   * datum is complete, so that any real read error in it comes first. */
  private unsupported: { start: number; end: number; msg: string } | null = null;

  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1, skipValidations: true });
    this.performSelfAnalysis();
  }

  setup(s: ReadSettings): void {
    this.text = s.text;
    this.map = s.map;
    this.source = s.source;
    this.shown = s.shown;
    this.who = s.who;
    this.countLines = s.countLines;
    this.lineColumns = s.lineColumns;
    this.sourceValue = s.sourceValue;
    this.forSyntax = s.who === 'read-syntax';
    this.base = s.base;
    this.pendingEofError = s.pendingEofError;
    this.decimalMode = s.decimalAsInexact === false ? 'decimal-as-exact' : 'decimal-as-inexact';
    this.singleFlonum = s.singleFlonum === true;
    this.syntaxFlags = s.syntax ?? DEFAULT_READER_SYNTAX;
    this.caseSensitive = this.syntaxFlags.caseSensitive;
    this.langAllowed = false;
    this.graphTags = null;
    this.commentDepth = 0;
    this.unsupported = null;
  }

  /** Read one top-level datum (null at end of input). */
  readTop(): Syntax | null {
    this.graphTags = null;
    const d = this.readOne(TOP);
    const u = this.unsupported;
    if (u !== null) this.fail(u.start, u.end, u.msg);
    return d;
  }

  /** Start reading at token index `idx` of the input. */
  skipTo(idx: number): void {
    // Chevrotain's token cursor (LexerAdapter.currIdx) is the index of the
    // last consumed token.
    (this as unknown as { currIdx: number }).currIdx = idx - 1;
  }

  /** Chevrotain errors are impossible by construction; if one happens anyway,
   * report it as a read error at the token rather than leak Chevrotain's text. */
  checkNoParserErrors(): void {
    if (this.errors.length > 0) {
      const t = this.errors[0].token;
      const at = Number.isNaN(t.startOffset) ? this.text.length : this.off(t);
      this.fail(at, at, 'bad syntax');
    }
  }

  // -------------------------------------------------------------------------
  // Grammar

  private readonly openAlts: IOrAlt<IToken>[] = [
    { ALT: () => this.CONSUME(LParen) },
    { ALT: () => this.CONSUME(LBracket) },
    { ALT: () => this.CONSUME(LBrace) },
  ];

  private readonly quoteAlts: IOrAlt<IToken>[] = [
    { ALT: () => this.CONSUME(Quote) },
    { ALT: () => this.CONSUME(Quasiquote) },
    { ALT: () => this.CONSUME(Unquote) },
    { ALT: () => this.CONSUME(UnquoteSplicing) },
    { ALT: () => this.CONSUME(SyntaxQuote) },
    { ALT: () => this.CONSUME(Quasisyntax) },
    { ALT: () => this.CONSUME(Unsyntax) },
    { ALT: () => this.CONSUME(UnsyntaxSplicing) },
  ];

  private readonly closerAlts: IOrAlt<IToken>[] = [
    { ALT: () => this.CONSUME(RParen) },
    { ALT: () => this.CONSUME(RBracket) },
    { ALT: () => this.CONSUME(RBrace) },
  ];

  /**
   * An alternative of `datum`: consume its first token(s), then build the
   * datum (Chevrotain records the consumption; the build step is skipped
   * while it records the grammar).
   */
  private alt(consume: () => IToken, build: (t: IToken, ctx: Ctx) => Syntax | null): IOrAlt<Syntax | null> {
    return {
      ALT: () => {
        const ctx = this.cx;
        const t = consume();
        return this.RECORDING_PHASE ? null : build.call(this, t, ctx);
      },
    };
  }

  private readonly datumAlts: IOrAlt<Syntax | null>[] = [
    this.alt(() => this.OR1(this.openAlts), this.list),
    this.alt(() => this.CONSUME(VectorOpen), this.vector),
    this.alt(() => this.CONSUME(HashOpen), this.hashTable),
    this.alt(() => this.CONSUME(PrefabOpen), this.prefab),
    this.alt(() => this.OR2(this.quoteAlts), this.quoted),
    this.alt(() => this.CONSUME(BoxOpen), this.box),
    this.alt(() => this.CONSUME(CaseModeTok), this.caseMode),
    this.alt(() => this.CONSUME(Atom), this.symbolOrNumber),
    this.alt(() => this.CONSUME(StringTok), this.string),
    this.alt(() => this.CONSUME(BytesTok), this.bytes),
    this.alt(() => this.CONSUME(CharTok), this.character),
    this.alt(() => this.CONSUME(BooleanTok), this.boolean),
    this.alt(() => this.CONSUME(KeywordTok), this.keyword),
    this.alt(() => this.CONSUME(HashSymbolTok), this.hashSymbol),
    this.alt(() => this.CONSUME(PrefixedNumberTok), this.prefixedNumber),
    this.alt(() => this.CONSUME(RegexpTok), this.regexp),
    this.alt(() => this.CONSUME(HereStringTok), this.hereString),
    this.alt(() => this.CONSUME(LangTok), this.lang),
    this.alt(() => this.CONSUME(ShebangLangTok), this.lang),
    this.alt(() => this.CONSUME(Dot), this.illegalDot),
    this.alt(() => this.CONSUME(GraphTok), this.graph),
    this.alt(() => this.CONSUME(BadDispatch), this.badDispatch),
    this.alt(() => this.OR3(this.closerAlts), this.unexpectedCloser),
  ];

  /** One datum; null only for `#cs`/`#ci` followed by end-of-file. */
  private readonly datum = this.RULE('datum', (ctx: Ctx): Syntax | null => {
    this.cx = ctx;
    return this.OR(this.datumAlts);
  });

  // -------------------------------------------------------------------------
  // Reading: Racket's read-one, and skipping `#;` comments

  /** Read one datum, or null at end of input (Racket's `read-undotted`). */
  readOne(ctx: Ctx): Syntax | null {
    this.skipComments(ctx);
    const t = this.LA(1);
    if (t.tokenType === EOF) return null;
    if (closerChar(t.tokenType) === null) this.track(ctx.indents, this.off(t));
    const d = this.SUBRULE(this.datum, { ARGS: [ctx] });
    return this.syntaxFlags.cdot && d !== null ? this.cdotTail(d, this.off(t), ctx) : d;
  }

  /** read-cdot: `a.b.c` after `a` reads as `(#%dot (#%dot a b) c)`. */
  private cdotTail(left: Syntax, start: number, ctx: Ctx): Syntax {
    while (this.LA(1).tokenType === Dot) {
      const dotTok = this.CONSUME(Dot);
      const dot = this.off(dotTok);
      this.skipComments(ctx);
      const t = this.LA(1);
      if (t.tokenType === EOF) this.fail(dot, dot + 1, 'expected a datum after cdot, found end-of-file', true);
      const right = this.SUBRULE2(this.datum, { ARGS: [ctx] });
      if (right === null) this.fail(dot, dot + 1, 'expected a datum after cdot, found end-of-file', true);
      const dotSym = this.wrap(sym('#%dot'), dot, dot + 1, null);
      left = this.wrap(listFromArray([dotSym, left, right], NULL), start, this.lastEnd(), null);
    }
    return left;
  }

  /** Skip `#;` datum comments (other comments are skipped by the lexer).
   * Inside a hash literal, `readComment` reads the commented-out pair. */
  private skipComments(ctx: Ctx, readComment?: () => void): void {
    while (this.LA(1).tokenType === DatumComment) {
      this.CONSUME(DatumComment);
      this.commentDepth++;
      if (readComment !== undefined) {
        readComment();
      } else if (this.readOne(ctx) === null) {
        const msg = 'expected a commented-out element for `#;`, but found end-of-file';
        if (ctx.start < 0) this.failNoLoc(msg, true);
        this.fail(ctx.start, this.text.length, msg, true);
      }
      this.commentDepth--;
    }
    if (this.pendingEofError !== null && this.LA(1).tokenType === EOF) {
      this.fail(this.pendingEofError.start + 1, this.text.length, 'end of file in `#|` comment', true);
    }
  }

  /** Read one element of a sequence; end-of-file there is an unclosed paren. */
  private readElement(elemCtx: Ctx, seqStart: number, opener: string, closer: string, openEnd: number): Syntax {
    const v = this.readOne(elemCtx);
    if (v === null) this.unclosed(elemCtx, seqStart, opener, closer, openEnd);
    return v;
  }

  private unclosed(elemCtx: Ctx, seqStart: number, opener: string, closer: string, openEnd: number): never {
    const cause = this.possibleCause(elemCtx.indents!.head);
    return this.fail(seqStart, openEnd, `expected a \`${closer}\` to close \`${opener}\`${cause}`, true);
  }

  /**
   * The elements of a list-like sequence up to `closer` (Racket's
   * `read-unwrapped-sequence`). With `dots`, `(a . b)` gives a tail and
   * `(a . f . b)` a head.
   */
  private readSequence(
    seqCtx: Ctx,
    opener: string,
    closer: string,
    openEnd: number,
    dots: boolean,
  ): { items: Syntax[]; tail: Syntax | null; head: Syntax | null } {
    const indt = this.makeIndentation(closer, openEnd);
    const elemCtx: Ctx = { indents: { head: indt, tail: seqCtx.indents }, start: seqCtx.start };
    const items: Syntax[] = [];
    let head: Syntax | null = null;
    let tail: Syntax | null = null;
    let first = true;
    for (;;) {
      this.skipComments(seqCtx);
      const t = this.LA(1);
      const tt = t.tokenType;
      if (closerChar(tt) === closer) {
        this.CONSUME(tt);
        break;
      }
      if (!first && tt === Dot && !this.syntaxFlags.cdot) {
        const dot = this.off(t);
        this.track(elemCtx.indents, dot);
        if (!dots || head !== null || !this.syntaxFlags.acceptDot) this.fail(dot, dot + 1, 'illegal use of `.`');
        this.CONSUME(Dot);
        const v = this.readElement(elemCtx, seqCtx.start, opener, closer, openEnd);
        this.skipComments(seqCtx);
        const r = this.LA(1);
        if (closerChar(r.tokenType) === closer) {
          this.CONSUME(r.tokenType);
          tail = v;
          break;
        }
        if (r.tokenType === Dot) {
          // infix: (a . f . b) reads as (f a b)
          if (!this.syntaxFlags.acceptInfixDot) this.fail(dot, dot + 1, 'illegal use of `.`');
          head = v;
          this.CONSUME(Dot);
          this.track(elemCtx.indents, this.off(r) + 1);
          this.skipComments(seqCtx);
          const p = this.LA(1);
          if (closerChar(p.tokenType) === closer) this.fail(dot, this.off(p) + 1, 'illegal use of `.`');
          first = false;
          continue;
        }
        if (r.tokenType === EOF) this.fail(dot, this.text.length, 'illegal use of `.`', true);
        this.fail(dot, this.afterFirstChar(r), 'illegal use of `.`');
      }
      // (readElement inlined: one stack frame less per nesting level)
      const v = this.readOne(elemCtx);
      if (v === null) this.unclosed(elemCtx, seqCtx.start, opener, closer, openEnd);
      items.push(v);
      first = false;
    }
    return { items, tail, head };
  }

  // -------------------------------------------------------------------------
  // Compound datums

  private list(open: IToken, ctx: Ctx): Syntax {
    const start = this.off(open);
    const opener = open.image;
    const flags = this.syntaxFlags;
    if (opener === '[' && !flags.squareBracketAsParen) this.fail(start, start + 1, 'illegal use of `[`');
    if (opener === '{' && !flags.curlyBraceAsParen) this.fail(start, start + 1, 'illegal use of `{`');
    const { items, tail, head } = this.readSequence({ indents: ctx.indents, start }, opener, CLOSER_OF_OPENER[opener], start + 1, true);
    if (head !== null) items.unshift(head);
    if ((opener === '[' && flags.squareBracketWithTag) || (opener === '{' && flags.curlyBraceWithTag)) {
      items.unshift(this.wrap(sym(opener === '[' ? '#%brackets' : '#%braces'), start, start + 1, null));
    }
    const e = items.length === 0 ? NULL : listFromArray(items, tail ?? NULL);
    return this.wrap(e, start, this.lastEnd(), opener);
  }

  private vector(open: IToken, ctx: Ctx): Syntax {
    const start = this.off(open);
    const img = open.image;
    const opener = img[img.length - 1];
    const openEnd = start + img.length;
    const { items } = this.readSequence({ indents: ctx.indents, start }, opener, CLOSER_OF_OPENER[opener], openEnd, false);
    const end = this.lastEnd();
    if (img.length > 2) {
      const want = BigInt(img.slice(1, -1));
      const have = items.length;
      if (want < BigInt(have)) {
        this.fail(start, end, `vector length ${want} is too small, ${have} values provided`);
      }
      if (want > BigInt(have)) {
        if (want > 1n << 28n) this.fail(start, end, 'out of memory');
        const fill = have > 0 ? items[have - 1] : this.wrap(0, start, end, null);
        for (let i = have; i < Number(want); i++) items.push(fill);
      }
    }
    return this.wrap(new RVector(items, this.forSyntax), start, end, opener);
  }

  private hashTable(open: IToken, ctx: Ctx): Syntax {
    const start = this.off(open);
    const info = open.payload as ScannedHashOpen;
    const opener = String.fromCharCode(info.opener);
    const closer = CLOSER_OF_OPENER[opener];
    const openEnd = start + open.image.length;
    const seqCtx: Ctx = { indents: ctx.indents, start };
    const indt = this.makeIndentation(closer, openEnd);
    const elemCtx: Ctx = { indents: { head: indt, tail: ctx.indents }, start };
    const entries: [Value, Value][] = [];
    let first = true;
    // A `#;` here comments out a whole pair (Racket reads it as one).
    const skipPair = () => void this.readHashPair(seqCtx, start, opener, closer, openEnd);
    for (;;) {
      this.skipComments(seqCtx, skipPair);
      const t = this.LA(1);
      if (closerChar(t.tokenType) === closer) {
        this.CONSUME(t.tokenType);
        break;
      }
      if (!first && t.tokenType === Dot) {
        const dot = this.off(t);
        this.track(elemCtx.indents, dot);
        this.fail(dot, dot + 1, 'illegal use of `.`');
      }
      entries.push(this.readHashPair(elemCtx, start, opener, closer, openEnd));
      first = false;
    }
    const kind: HashKind = info.kind;
    return this.wrap(makeHash(kind, false, entries), start, this.lastEnd(), opener);
  }

  /** One `(key . value)` of a hash literal (Racket's `read-one-key+value`). */
  private readHashPair(elemCtx: Ctx, hashStart: number, opener: string, closer: string, openEnd: number): [Value, Value] {
    this.skipComments(elemCtx);
    const t = this.LA(1);
    const at = this.off(t);
    const pairCloser = t.tokenType === LParen ? ')' : t.tokenType === LBracket ? ']' : t.tokenType === LBrace ? '}' : null;
    if (pairCloser === null) {
      if (t.tokenType === EOF) this.fail(hashStart, openEnd, `expected \`${closer}\` to close \`${opener}\``, true);
      if (closerChar(t.tokenType) !== null) {
        this.CONSUME(t.tokenType);
        this.fail(at, at + 1, this.unexpectedCloserMessage(elemCtx, closerChar(t.tokenType)!));
      }
      this.fail(at, this.afterFirstChar(t), 'expected `(`, `[`, or `{` to start a hash pair');
    }
    this.CONSUME(t.tokenType);
    const k = this.readOne(elemCtx);
    this.skipComments(elemCtx);
    const d = this.LA(1);
    if (d.tokenType !== Dot) {
      if (d.tokenType === EOF) this.failBackedUp('expected `.` and value for hash');
      this.fail(this.off(d), this.afterFirstChar(d), 'expected `.` and value for hash');
    }
    this.CONSUME(Dot);
    const v = this.readOne(elemCtx);
    this.skipComments(elemCtx);
    const c = this.LA(1);
    if (closerChar(c.tokenType) !== pairCloser) {
      const msg = `expected \`${pairCloser}\` after value within a hash`;
      if (c.tokenType === EOF) this.failBackedUp(msg);
      this.fail(this.off(c), this.afterFirstChar(c), msg);
    }
    this.CONSUME(c.tokenType);
    return [syntaxToDatum(k!), v];
  }

  private prefab(open: IToken, ctx: Ctx): Syntax {
    const start = this.off(open);
    const opener = open.image[2];
    const { items, tail, head } = this.readSequence({ indents: ctx.indents, start }, opener, CLOSER_OF_OPENER[opener], start + 3, true);
    const end = this.lastEnd();
    if (head !== null) items.unshift(head);
    if (items.length === 0) this.fail(start, end, 'missing structure description in `#s` form');
    const key = syntaxToDatum(items[0]);
    if (!isPrefabKey(key)) this.fail(start, end, 'invalid structure description in `#s` form');
    if (tail !== null || !prefabKeyCompatibleCount(key, items.length - 1)) {
      this.fail(start, end, 'mismatch between structure description and number of provided field values in `#s` form');
    }
    if (this.forSyntax && !allFieldsImmutable(key)) this.fail(start, end, 'cannot read mutable `#s` form as syntax');
    return this.wrap(new PrefabLiteral(items[0], items.slice(1)), start, end, opener);
  }

  private quoted(q: IToken, ctx: Ctx): Syntax {
    const start = this.off(q);
    if (!this.syntaxFlags.acceptQuasiquote) {
      const tt = q.tokenType;
      if (tt === Quasiquote) this.fail(start, start + 1, 'illegal use of ```');
      if (tt === Unquote || tt === UnquoteSplicing) this.fail(start, start + 1, 'illegal use of `,`');
    }
    const [name, desc] = QUOTE_FORMS.get(q.tokenType)!;
    const symStx = this.wrap(sym(name), start, start + q.image.length, null);
    const v = this.readOne({ indents: ctx.indents, start });
    if (v === null) this.fail(start, start + q.image.length, `expected an element for ${desc}, found end-of-file`, true);
    return this.wrap(new Pair(symStx, new Pair(v, NULL)), start, this.lastEnd(), null);
  }

  private box(open: IToken, ctx: Ctx): Syntax {
    const start = this.off(open);
    if (!this.syntaxFlags.acceptBox) this.fail(start, start + 2, '`#&` forms not enabled');
    const v = this.readOne({ indents: ctx.indents, start });
    if (v === null) this.fail(start, start + 2, 'expected an element for `#&` box, found end-of-file', true);
    return this.wrap(new Box(v, this.forSyntax), start, this.lastEnd(), null);
  }

  private caseMode(t: IToken, ctx: Ctx): Syntax | null {
    const saved = this.caseSensitive;
    const c = t.image[2];
    this.caseSensitive = c === 's' || c === 'S';
    try {
      return this.readOne({ indents: ctx.indents, start: this.off(t) });
    } finally {
      this.caseSensitive = saved;
    }
  }

  // -------------------------------------------------------------------------
  // Atoms

  private symbolOrNumber(t: IToken): Syntax {
    const start = this.off(t);
    const end = start + t.image.length;
    const d = decodeAtom(this.text, start, end, this.caseSensitive, 'symbol');
    if ('msg' in d) return this.failScan(start, d);
    if (!d.quoted && mightBeNumber(d.str)) {
      const n = parseNumber(d.str, this.decimalMode, this.singleFlonum);
      if (n !== false) return this.wrap(this.numberValue(n, d.str, start, end), start, end, null);
    }
    return this.wrap(sym(d.str), start, end, null);
  }

  private numberValue(n: unknown, s: string, start: number, end: number): Value {
    if (typeof n === 'string') this.fail(start, end, n);
    if (n === UNSUPPORTED_EXTFLONUM) {
      if (this.commentDepth === 0 && this.unsupported === null) {
        this.unsupported = { start, end, msg: `extflonums are not supported in \`${s}\`` };
      }
      return sym(s); // a placeholder; never seen, as the read fails
    }
    return typeof n === 'number' ? n : this.literal(n);
  }

  private prefixedNumber(t: IToken): Syntax {
    const start = this.off(t);
    const end = start + t.image.length;
    const d = decodeAtom(this.text, start + 2, end, this.caseSensitive, 'number');
    if ('msg' in d) return this.failScan(start, d);
    if (d.str === '.' && !d.quoted) this.fail(start, end, 'illegal use of `.`');
    const s = t.image.slice(0, 2) + d.str;
    const n = d.quoted ? false : parseNumber(s, this.decimalMode, this.singleFlonum);
    if (n === false) this.fail(start, end, `bad number: \`${s}\``);
    return this.wrap(this.numberValue(n, s, start, end), start, end, null);
  }

  private keyword(t: IToken): Syntax {
    const start = this.off(t);
    const end = start + t.image.length;
    const d = decodeAtom(this.text, start + 2, end, this.caseSensitive, 'keyword');
    if ('msg' in d) return this.failScan(start, d);
    if (d.str === '.' && !d.quoted) this.fail(start, end, 'illegal use of `.`');
    return this.wrap(keyword(d.str), start, end, null);
  }

  private hashSymbol(t: IToken): Syntax {
    const start = this.off(t);
    const end = start + t.image.length;
    const d = decodeAtom(this.text, start, end, this.caseSensitive, 'symbol');
    if ('msg' in d) return this.failScan(start, d);
    return this.wrap(sym(d.str), start, end, null);
  }

  private string(t: IToken): Syntax {
    const start = this.off(t);
    const d = decodeString(this.text, start + 1, false);
    if ('msg' in d) return this.failScan(start, d);
    return this.wrap(this.literal(new RString(d.value, this.forSyntax)), start, d.end, null);
  }

  private bytes(t: IToken): Syntax {
    const start = this.off(t);
    const d = decodeString(this.text, start + 2, true);
    if ('msg' in d) return this.failScan(start, d);
    return this.wrap(this.literal(new RBytes(latin1Bytes(d.value), this.forSyntax)), start, d.end, null);
  }

  private regexp(t: IToken): Syntax {
    const start = this.off(t);
    const img = t.image;
    const isBytes = img[3] === '#';
    const d = decodeString(this.text, start + (isBytes ? 5 : 4), isBytes);
    if ('msg' in d) return this.failScan(start, d);
    const lit = new RegexpLiteral(d.value, img[1] === 'p', isBytes);
    const problem = regexpChecker === null ? null : regexpChecker(lit);
    if (problem !== null) this.fail(start, d.end, problem);
    return this.wrap(regexpMaker === null ? lit : this.literal(regexpMaker(lit)), start, d.end, null);
  }

  private hereString(t: IToken): Syntax {
    const start = this.off(t);
    const r = t.payload as DecodedString | ScanError;
    if ('msg' in r) return this.failScan(start, { ...r, end: r.end + this.base });
    return this.wrap(this.literal(new RString(r.value, this.forSyntax)), start, start + t.image.length, null);
  }

  private character(t: IToken): Syntax {
    const start = this.off(t);
    const r = t.payload as ScannedChar | ScanError;
    if ('msg' in r) return this.failScan(start, { ...r, end: r.end + this.base });
    // Racket passes the character itself as the "shape" here, so `#\[` and
    // `#\{` get a paren-shape property too.
    const shape = r.code === 91 ? '[' : r.code === 123 ? '{' : null;
    return this.wrap(Char.of(r.code), start, start + t.image.length, shape);
  }

  private boolean(t: IToken): Syntax {
    const start = this.off(t);
    const r = t.payload as ScannedConstant | ScanError;
    if ('msg' in r) return this.failScan(start, { ...r, end: r.end + this.base });
    return this.wrap(r.value, start, start + t.image.length, null);
  }

  private lang(t: IToken, ctx: Ctx): Syntax {
    const start = this.off(t);
    if (!this.langAllowed || ctx !== TOP) return this.failScan(start, dispatchError(this.text, start));
    this.langAllowed = false;
    const r = scanLang(this.text, start, t.tokenType === ShebangLangTok);
    if ('msg' in r) return this.failScan(start, r);
    // The lexer went on after `#lang`/`#!x`; skip the tokens that make up the name.
    while (this.LA(1).tokenType !== EOF && this.off(this.LA(1)) < r.end) this.SKIP_TOKEN();
    return this.wrap(new LangMarker(r.name), r.nameStart, r.end, null);
  }

  private illegalDot(t: IToken): Syntax {
    const start = this.off(t);
    // With read-cdot, a `.` where a datum starts reads as the empty symbol.
    if (this.syntaxFlags.cdot) return this.wrap(sym(''), start, start + 1, null);
    return this.fail(start, start + 1, 'illegal use of `.`');
  }

  /** Whether the datum just read by readTop used `#N=` (its datum holds placeholders). */
  usedGraph(): boolean {
    return this.graphTags !== null;
  }

  /** `#N=datum` and `#N#` (racket/src/expander/read/graph.rkt): a tag
   * stands for a placeholder, which `read` resolves into shared and cyclic
   * data once the top-level datum is complete. */
  private graph(t: IToken, ctx: Ctx): Syntax {
    const start = this.off(t);
    const end = start + t.image.length;
    const on = this.forSyntax ? this.syntaxFlags.syntaxAcceptGraph : this.syntaxFlags.acceptGraph;
    if (!on || this.forSyntax) return this.failScan(start, dispatchError(this.text, start, this.who));
    const id = t.image.slice(1, -1);
    const defining = t.image.endsWith('=');
    if (id.length > 8) this.fail(start, end, `graph ID too long in \`${t.image}\``);
    const tags = this.graphTags ?? new Map<string, Placeholder>();
    this.graphTags = tags;
    if (!defining) {
      const p = tags.get(id);
      if (p === undefined) this.fail(start, end, `no preceding \`#${id}=\` for \`${t.image}\``);
      return this.wrap(p, start, end, null);
    }
    if (tags.has(id)) this.fail(start, end, `multiple \`${t.image}\` tags`);
    const p = new Placeholder(false);
    tags.set(id, p);
    const v = this.readOne({ indents: ctx.indents, start });
    if (v === null) this.fail(start, end, `expected an element for graph after \`${t.image}\`, found end-of-file`, true);
    p.value = syntaxToDatum(v);
    // `#0=#0#` (or a chain of tags back to this one) has no value at all.
    for (let q = p.value; q instanceof Placeholder; q = q.value) {
      if (q === p) throw new ReadError(`${this.who}: illegal placeholder cycle in value\n  value: #<placeholder>`, null, false);
    }
    return this.wrap(p, start, this.lastEnd(), null);
  }

  private badDispatch(t: IToken, ctx: Ctx): Syntax {
    const start = this.off(t);
    if (!this.forSyntax) {
      const m = /^#(f[lx])([0-9]*)/.exec(this.text.slice(start, start + 40));
      if (m !== null) return this.numericVector(start, m[1] as 'fl' | 'fx', m[2], ctx);
    }
    return this.failScan(start, dispatchError(this.text, start, this.who));
  }

  /**
   * `#fl(...)` and `#fx(...)` in `read` (read-syntax refuses them): elements
   * read as numbers, decimals as exact in an fxvector, exact reals made
   * flonums in an flvector; an optional length as for vectors.
   */
  private numericVector(start: number, kind: 'fl' | 'fx', digits: string, ctx: Ctx): Syntax {
    const name = `${kind}vector`;
    const at = (t: IToken) => t.tokenType !== EOF && this.off(t);
    // The lexer read `fl3` (or `fx`) as an atom after the `#`; an opener must follow it at once.
    const atom = this.LA(1);
    const openTok = this.LA(2);
    const openAt = start + 1 + kind.length + digits.length;
    const opener = openTok.image;
    if (atom.image !== kind + digits || at(atom) !== start + 1 || at(openTok) !== openAt || !(opener in CLOSER_OF_OPENER)) {
      return this.fail(start, start + 1, `expected \`(\`, \`[\`, or \`{\` after \`#${kind}\``);
    }
    this.SKIP_TOKEN();
    this.SKIP_TOKEN();
    const savedMode = this.decimalMode;
    if (kind === 'fx') this.decimalMode = 'decimal-as-exact';
    let items: Syntax[];
    try {
      items = this.readSequence({ indents: ctx.indents, start }, opener, CLOSER_OF_OPENER[opener], openAt + 1, false).items;
    } finally {
      this.decimalMode = savedMode;
    }
    const end = this.lastEnd();
    const values = items.map((item) => {
      const v = item.e;
      const bad = (found: string) => {
        const loc = item.loc as SrcLoc;
        const where = loc.line !== null && this.countLines ? `${loc.source}:${loc.line}:${loc.column}` : `${loc.source}::${loc.position}`;
        throw new ReadError(`${where}: ${this.who}: expected a ${kind === 'fl' ? 'flonum' : 'fixnum'}${found}`, loc, false);
      };
      if (kind === 'fl') {
        if (v instanceof Flonum) return v.n;
        if (isReal(v)) return toDouble(v as Num);
        return bad('');
      }
      if (isFixnum(v)) return v as number | bigint;
      return isReal(v) ? bad(`, found ${numberToString(v as Num)}`) : bad('');
    });
    if (digits !== '') {
      const want = BigInt(digits);
      if (want < BigInt(values.length)) this.fail(start, end, `${name} length ${want} is too small, ${values.length} values provided`);
      if (want > 1n << 28n) this.fail(start, end, 'out of memory');
      const fill = values.length > 0 ? values[values.length - 1] : 0;
      while (values.length < Number(want)) values.push(fill);
    }
    const vec = kind === 'fl' ? flvectorOf(Float64Array.from(values as number[])) : fxvectorOf(values as (number | bigint)[]);
    return this.wrap(vec, start, end, null);
  }

  private unexpectedCloser(t: IToken, ctx: Ctx): Syntax {
    const at = this.off(t);
    return this.fail(at, at + 1, this.unexpectedCloserMessage(ctx, t.image));
  }

  // -------------------------------------------------------------------------
  // Indentation hints (racket/src/expander/read/indentation.rkt)

  private makeIndentation(closer: string, openEnd: number): Indentation {
    const line = this.map.line(openEnd);
    const col = this.map.column(openEnd);
    return {
      closer,
      suspiciousCloser: null,
      multiline: false,
      startLine: line,
      lastLine: line,
      suspiciousLine: null,
      maxIndent: col + 1,
    };
  }

  private track(indents: Indents | null, offset: number): void {
    // Racket tracks indentation only where the port counts lines.
    if (indents === null || !this.countLines) return;
    const indt = indents.head;
    const line = this.map.line(offset);
    if (line > indt.lastLine) {
      const col = this.map.column(offset);
      indt.lastLine = line;
      indt.multiline = true;
      if (col >= indt.maxIndent) {
        indt.maxIndent = col;
      } else if (indt.suspiciousLine === null) {
        indt.suspiciousCloser = indt.closer;
        indt.suspiciousLine = line;
      }
    }
  }

  private possibleCause(indt: Indentation): string {
    if (indt.suspiciousLine === null) return '';
    return `\n  possible cause: indentation suggests a missing \`${indt.suspiciousCloser}\` before line ${indt.suspiciousLine}`;
  }

  private unexpectedCloserMessage(ctx: Ctx, c: string): string {
    if (ctx.indents === null) return `unexpected \`${c}\``;
    const indt = ctx.indents.head;
    let base: string;
    if (c === indt.closer) {
      base = `unexpected \`${c}\``;
    } else {
      let missing = 'expected';
      for (let l = ctx.indents.tail; l !== null; l = l.tail) {
        if (l.head.closer === c) {
          missing = 'missing';
          break;
        }
      }
      const opener = OPENER_OF_CLOSER[indt.closer];
      const where = indt.multiline ? `\`${opener}\` on line ${indt.startLine}` : `preceding \`${opener}\``;
      base = `${missing} \`${indt.closer}\` to close ${where}, found instead \`${c}\``;
    }
    return base + this.possibleCause(indt);
  }

  // -------------------------------------------------------------------------
  // Helpers

  /** read-syntax interns its literals (datum-intern-literal), as Racket's does. */
  private literal(v: Value): Value {
    return this.forSyntax ? internLiteral(v) : v;
  }

  private off(t: IToken): number {
    return t.startOffset + this.base;
  }

  /** The offset just after the last consumed token. */
  lastEnd(): number {
    const t = this.LA(0);
    return t.startOffset + t.image.length + this.base;
  }

  /** Where the port is after Racket reads only the first character of `t`. */
  private afterFirstChar(t: IToken): number {
    const at = this.off(t);
    return at + cpLen(pointAt(this.text, at));
  }

  private wrap(e: Value, start: number, end: number, shape: string | null): Syntax {
    const at = this.map.loc(this.source, start, end, this.shown);
    const loc: SrcLoc = this.lineColumns
      ? this.sourceValue === undefined
        ? at
        : { ...at, sourceValue: this.sourceValue }
      : { ...at, line: null, column: null, sourceValue: this.sourceValue };
    let props: Map<string, Value> | null = null;
    if (shape === '[' || shape === '{') props = new Map([['paren-shape', Char.of(shape.charCodeAt(0))]]);
    return new Syntax(e, loc, EMPTY_SCOPES, props);
  }

  private where(loc: SrcLoc, start: number): string {
    return this.countLines ? `${loc.source}:${loc.line}:${loc.column}` : `${loc.source}::${this.map.bytePosition(start)}`;
  }

  private fail(start: number, end: number, msg: string, eof = false): never {
    const loc = this.map.loc(this.source, start, end, this.shown);
    throw new ReadError(`${this.where(loc, start)}: ${this.who}: ${msg}`, loc, eof);
  }

  private failScan(start: number, e: ScanError): never {
    return this.fail(start, e.end, e.msg, e.eof);
  }

  private failNoLoc(msg: string, eof: boolean): never {
    throw new ReadError(`${this.source}: ${this.who}: ${msg}`, null, eof);
  }

  /** An error at end-of-file reported where Racket's `port-next-location*`
   * puts it: one character back from the end. */
  private failBackedUp(msg: string): never {
    const n = this.text.length;
    const end = this.map.loc(this.source, n, n, this.shown);
    const loc: SrcLoc = {
      source: this.source,
      line: end.line,
      column: Math.max(0, end.column! - 1),
      position: Math.max(1, end.position - 1),
      span: end.position - Math.max(1, end.position - 1),
    };
    const where = this.countLines ? `${loc.source}:${loc.line}:${loc.column}` : `${loc.source}::${loc.position}`;
    throw new ReadError(`${where}: ${this.who}: ${msg}`, loc, true);
  }
}

function latin1Bytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}
