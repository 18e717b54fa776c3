// The reader: Racket's datum syntax to Syntax objects, as Racket 8.7's
// `read-syntax` reads it (values, source locations, `paren-shape`, and error
// messages and locations).
//
// The lexer (tokens.ts) and parser (parser.ts) are built once, here at module
// load; each read only tokenizes and runs the parser over the tokens.
//
// Not supported: complex numbers and extflonums (a ReadError saying so),
// `#reader` and graph notation `#0=`/`#0#` (errors, worded as when Racket has
// them disabled), fxvector/flvector literals in `read-syntax` (as in Racket;
// `read` reads them), and
// `#hashalw` reads as an `equal?`-based table.

import type { IToken } from 'chevrotain';
import type { Syntax, SrcLoc } from '../values/syntax.js';
import type { Value } from '../values/types.js';
import { ReadError } from './errors.js';
import { LineMap } from './location.js';
import { DEFAULT_READER_SYNTAX, LangMarker, RacketParser, type ReaderSyntax } from './parser.js';
import { setBarQuote, setCdot } from './scan.js';
import { tokenize, UnterminatedBlockComment } from './tokens.js';

export { ReadError } from './errors.js';
export { syntaxToDatum } from './datum.js';
export { RegexpLiteral } from './regexp-literal.js';
export { PrefabLiteral } from './prefab-literal.js';
export { setRegexpChecker, setRegexpMaker } from './parser.js';
export { DEFAULT_READER_SYNTAX, type ReaderSyntax } from './parser.js';

const parser = new RacketParser();

export interface ReadOptions {
  /** The source as printed syntax objects show it (default: `source`). */
  shownSource?: string;
  /** The name in error messages: 'read-syntax' (default) or 'read'. `read`
   * also makes strings, byte strings, vectors and boxes mutable, as Racket's
   * `read` does. */
  who?: 'read-syntax' | 'read';
  /** Whether the port counts lines (default true). Without line counting,
   * error messages give `source::position` with the position in bytes, as
   * Racket does for a fresh string port. */
  countLines?: boolean;
  /** Whether syntax objects get lines and columns (default true); a port
   * that does not count lines gives them positions only, as in Racket. */
  lineColumns?: boolean;
  /** What syntax-source returns when it is not the source string (read-syntax's source name). */
  sourceValue?: Value;
  /** `read-decimal-as-inexact` (default true). */
  decimalAsInexact?: boolean;
  /** `read-single-flonum` (default false). */
  singleFlonum?: boolean;
  /** The syntax switches of the reader parameters (default: Racket's defaults). */
  syntax?: ReaderSyntax;
}

interface Lexed {
  text: string;
  base: number;
  tokens: IToken[];
  /** Start offset of an unterminated `#|` at the end, or -1. */
  pendingEof: number;
  map: LineMap;
  /** read-accept-bar-quote when it was tokenized (it changes where symbols end). */
  barQuote: boolean;
  /** read-cdot when it was tokenized (`.` ends symbols). */
  cdot: boolean;
}

// One-entry cache, so that repeated readOne calls over the same text (a
// string port, a REPL buffer) tokenize it once.
let cache: Lexed | null = null;

function lex(text: string, base: number, barQuote: boolean, cdot: boolean, map?: LineMap): Lexed {
  setBarQuote(barQuote);
  setCdot(cdot);
  let tokens: IToken[];
  try {
    tokens = tokenize(base === 0 ? text : text.slice(base));
  } finally {
    setBarQuote(true);
    setCdot(false);
  }
  let pendingEof = -1;
  const last = tokens[tokens.length - 1];
  if (last !== undefined && last.tokenType === UnterminatedBlockComment) {
    tokens.pop();
    pendingEof = last.startOffset + base;
  }
  return { text, base, tokens, pendingEof, map: map ?? new LineMap(text), barQuote, cdot };
}

function barQuoteOf(opts: ReadOptions): boolean {
  return (opts.syntax ?? DEFAULT_READER_SYNTAX).acceptBarQuote;
}

function cdotOf(opts: ReadOptions): boolean {
  return (opts.syntax ?? DEFAULT_READER_SYNTAX).cdot;
}

function run<T>(lexed: Lexed, source: string, opts: ReadOptions, body: () => T): T {
  parser.input = lexed.tokens;
  setBarQuote(lexed.barQuote);
  parser.setup({
    text: lexed.text,
    map: lexed.map,
    source,
    shown: opts.shownSource ?? source,
    who: opts.who ?? 'read-syntax',
    countLines: opts.countLines ?? true,
    lineColumns: opts.lineColumns ?? true,
    sourceValue: opts.sourceValue,
    base: lexed.base,
    pendingEofError: lexed.pendingEof >= 0 ? { start: lexed.pendingEof } : null,
    decimalAsInexact: opts.decimalAsInexact,
    singleFlonum: opts.singleFlonum,
    syntax: opts.syntax,
  });
  try {
    const r = body();
    parser.checkNoParserErrors();
    return r;
  } catch (e) {
    if (e instanceof ReadError) throw e;
    if (e instanceof RangeError) {
      throw new ReadError(`${source}: ${opts.who ?? 'read-syntax'}: nesting too deep`, null, false);
    }
    throw e;
  } finally {
    setBarQuote(true);
  }
}

/** All datums of `text`, without `#lang` handling. */
export function readAll(text: string, source: string, opts: ReadOptions = {}): Syntax[] {
  const lexed = lex(text, 0, barQuoteOf(opts), cdotOf(opts));
  return run(lexed, source, opts, () => {
    const out: Syntax[] = [];
    for (;;) {
      const d = parser.readTop();
      if (d === null) return out;
      out.push(d);
    }
  });
}

/**
 * A module's source: an optional `#lang NAME` (or `#!NAME`) line, possibly
 * after comments and a `#!/...` line, then all the datums.
 */
export function readModuleSource(
  text: string,
  source: string,
  opts: ReadOptions = {},
): { lang: string | null; langLoc: SrcLoc | null; forms: Syntax[] } {
  const lexed = lex(text, 0, barQuoteOf(opts), cdotOf(opts));
  return run(lexed, source, opts, () => {
    parser.langAllowed = true;
    const forms: Syntax[] = [];
    let lang: string | null = null;
    let langLoc: SrcLoc | null = null;
    const first = parser.readTop();
    parser.langAllowed = false;
    if (first !== null) {
      if (first.e instanceof LangMarker) {
        lang = first.e.name;
        langLoc = first.loc;
      } else {
        forms.push(first);
      }
      for (;;) {
        const d = parser.readTop();
        if (d === null) break;
        forms.push(d);
      }
    }
    return { lang, langLoc, forms };
  });
}

/**
 * Read one datum starting at `offset` in `text` (offsets are JS string
 * indexes, i.e. UTF-16 code units). Returns the datum (null at end of input)
 * and the offset just after it, where the next read should start; as in
 * Racket, a symbol's or number's delimiter is not consumed. Locations count
 * from the start of `text`. Errors due to the input ending too soon have
 * `incomplete` set, so a REPL can ask for more input.
 */
export function readOne(
  text: string,
  offset: number,
  source: string,
  opts: ReadOptions = {},
): { datum: Syntax | null; end: number; graph?: boolean } {
  let lexed: Lexed | null = null;
  let startIdx = 0;
  const c = cache;
  const barQuote = barQuoteOf(opts);
  const cdot = cdotOf(opts);
  if (c !== null && c.text === text && offset >= c.base && c.barQuote === barQuote && c.cdot === cdot) {
    // Reuse the tokens if `offset` is a token boundary of the cached lexing.
    const toks = c.tokens;
    const rel = offset - c.base;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid].startOffset < rel) lo = mid + 1;
      else hi = mid;
    }
    const atStart = lo < toks.length && toks[lo].startOffset === rel;
    const prev = lo > 0 ? toks[lo - 1] : null;
    const atEnd = prev !== null && prev.startOffset + prev.image.length === rel;
    if (atStart || atEnd || rel === 0) {
      lexed = c;
      startIdx = lo;
    }
  }
  if (lexed === null) {
    lexed = lex(text, offset, barQuote, cdot, c !== null && c.text === text ? c.map : undefined);
    cache = lexed;
    startIdx = 0;
  }
  const lx = lexed;
  return run(lx, source, opts, () => {
    if (startIdx > 0) parser.skipTo(startIdx);
    const datum = parser.readTop();
    const end = datum === null ? text.length : parser.lastEnd();
    return parser.usedGraph() ? { datum, end, graph: true } : { datum, end };
  });
}
