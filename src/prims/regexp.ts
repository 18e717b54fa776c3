// racket/base's regular expressions: the constructors and predicates,
// regexp-match and its variants, regexp-split, regexp-replace(*) and the
// quoting helpers. Matching runs the JS RegExp a regexp value compiled once
// (values/regexp.ts) over a Subject (regexp-input.ts); this file handles
// Racket's argument conventions, error messages and result shapes.
//
// Patterns whose captures JS would report differently, input prefixes that
// lookbehind sees, and ports run on the backtracker (values/regexp-backtrack.ts);
// port access is in regexp-port.ts. The regexp-match* family reads a port's
// rest and matches it as a byte string. Not supported: paths as inputs.

import { UNSUPPLIED } from '../expand/core.js';
import { Frame } from '../eval/frames.js';
import type { Machine } from '../eval/machine.js';
import { MachinePrimitive, Primitive } from '../eval/procedures.js';
import { writeString } from '../printer/print.js';
import { setRegexpChecker, setRegexpMaker, type RegexpLiteral } from '../reader/index.js';
import { RawText, argError, argumentsError, errorValueString } from '../errors/messages.js';
import { exnFailContractT, fail } from '../errors/exn.js';
import { RRegexp, RegexpSyntaxError, bytesToLatin1, cachedRegexp, latin1ToBytes, makeRegexp } from '../values/regexp.js';
import { encodeUtf8 } from '../values/utf8.js';
import { MultipleValues, Pair, RBytes, RString, keyword, listFromArray, type Value } from '../values/types.js';
import { resultArityError } from '../errors/messages.js';
import { isProcedure } from './check.js';
import { KeywordProcedure } from './keyword-procedures.js';
import { type Subject, codePointToIndex, inputLength, makeSubject } from './regexp-input.js';
import { checkOpenInputPort, checkOutputPort, consume, isInputPort, onPort, portWindow, readRest, writeSkipped } from './regexp-port.js';
import { INVALID_UNIT } from '../values/regexp-backtrack.js';
import { decodeUtf8Chars } from '../values/utf8-lenient.js';
import type { PrimTable } from './table.js';

type Input = RString | RBytes;

const PATTERN_CONTRACT = '(or/c regexp? byte-regexp? string? bytes?)';

// ---------------------------------------------------------------------------
// Patterns

/** Racket's message for a malformed pattern, after `who: `. */
function syntaxMessage(e: RegexpSyntaxError, source: string, bytes: boolean): string {
  const src = bytes ? new RBytes(latin1ToBytes(source), true) : new RString(source, true);
  return `${e.message}\n  pattern: ${writeString(src)}`;
}

/** Compiles, raising `who: message` for a malformed pattern. */
function compile(who: string, source: string, px: boolean, bytes: boolean, cached: boolean): RRegexp {
  try {
    return cached && !px ? cachedRegexp(source, bytes) : makeRegexp(source, px, bytes);
  } catch (e) {
    if (e instanceof RegexpSyntaxError) fail(exnFailContractT, `${who}: ${syntaxMessage(e, source, bytes)}`);
    throw e;
  }
}

/**
 * The regexp for a pattern argument: a regexp value, or a string or byte
 * string compiled with `regexp` syntax (errors then name `compileWho`).
 */
function toRegexp(who: string, pattern: Value, compileWho = who): RRegexp {
  if (pattern instanceof RRegexp) return pattern;
  if (pattern instanceof RString) return compile(compileWho, pattern.s, false, false, true);
  if (pattern instanceof RBytes) return compile(compileWho, bytesToLatin1(pattern.bytes), false, true, true);
  return argError(who, PATTERN_CONTRACT, pattern);
}

// Regexp literals are compiled by the reader: a bad one is a read error.
setRegexpChecker((lit: RegexpLiteral) => {
  try {
    makeRegexp(lit.source, lit.pregexp, lit.bytes);
    return null;
  } catch (e) {
    if (e instanceof RegexpSyntaxError) return syntaxMessage(e, lit.source, lit.bytes);
    throw e;
  }
});
setRegexpMaker((lit: RegexpLiteral) => makeRegexp(lit.source, lit.pregexp, lit.bytes));

// ---------------------------------------------------------------------------
// Inputs and ranges

/** Start and end positions, checked as the `regexp-match` primitives do. */
function primRange(who: string, input: Input, start: Value, end: Value): [number, number] {
  const len = inputLength(input);
  const s = start === undefined ? 0 : exactNonNegative(who, start, 'exact-nonnegative-integer?');
  const e = end === undefined || end === false ? null : exactNonNegative(who, end, '(or/c #f exact-nonnegative-integer?)');
  if (s > len) argumentsError(who, 'starting index is out of range', ['starting index', start]);
  if (e !== null) {
    if (e < s) argumentsError(who, 'ending index is smaller than starting index', ['ending index', end], ['starting index', start]);
    if (e > len) argumentsError(who, 'ending index is out of range', ['ending index', end]);
  }
  return [s, e ?? len];
}

/** Start and end positions, checked as racket/private/string.rkt's `regexp-match*` family does. */
function loopRange(who: string, input: Input, start: Value, end: Value): [number, number] {
  const len = inputLength(input);
  const s = start === undefined ? 0 : exactNonNegative(who, start, 'exact-nonnegative-integer?');
  const e = end === undefined || end === false ? null : exactNonNegative(who, end, '(or/c exact-nonnegative-integer? #f)');
  if (s > len) fail(exnFailContractT, `${who}: starting offset index out of range [0,${len}]: ${errorValueString(start)}`);
  if (e !== null && (e < s || e > len)) {
    fail(exnFailContractT, `${who}: ending offset index out of range [${s},${len}]: ${errorValueString(end)}`);
  }
  return [s, e ?? len];
}

function exactNonNegative(who: string, v: Value, contract: string): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === 'bigint' && v >= 0n) return Number.MAX_SAFE_INTEGER;
  return argError(who, contract, v);
}

function checkInput(who: string, input: Value, contract: string): Input {
  if (input instanceof RString || input instanceof RBytes) return input;
  return argError(who, contract, input);
}

function checkPrefix(who: string, prefix: Value): void {
  if (prefix !== undefined && !(prefix instanceof RBytes)) argError(who, 'bytes?', prefix);
}

/** string.rkt converts a string input to bytes first when the pattern is a byte pattern. */
function loopInput(rx: RRegexp, input: Input): Input {
  return rx.bytes && input instanceof RString ? new RBytes(encodeUtf8(input.s), false) : input;
}

// ---------------------------------------------------------------------------
// Matching

/** [start, end] text indexes of groups 0..n (-1 when a group did not match). */
type Spans = number[];

function spansOf(m: RegExpExecArray, rx: RRegexp, shift: number): Spans {
  const map = rx.groupMap;
  const out = new Array<number>(2 * (rx.groups + 1));
  const idx = m.indices!;
  out[0] = idx[0][0];
  out[1] = idx[0][1];
  for (let n = 1; n <= rx.groups; n++) {
    const span = idx[map[n] + shift];
    out[2 * n] = span === undefined ? -1 : span[0];
    out[2 * n + 1] = span === undefined ? -1 : span[1];
  }
  return out;
}

/** The backtracker, not the JS RegExp, must match `rx` on `subj`. */
function backtracks(rx: RRegexp, subj: Subject): boolean {
  return rx.needsBacktracker || !subj.final || (subj.prefix.length > 0 && rx.maxLookbehind > 0);
}

/**
 * The first match starting at text index `pos` or later; with `nonEmpty`, a
 * match starting at `pos` must not be empty. Throws NEED_MORE (from the
 * backtracker) when a port's subject needs more bytes.
 */
function execAt(rx: RRegexp, subj: Subject, pos: number, nonEmpty = false): Spans | null {
  if (backtracks(rx, subj)) {
    const { input, unitOf, textOf } = subj.units(rx.bytes);
    const p = input.start;
    const from = p + unitOf[pos];
    let caps: Int32Array | null;
    try {
      caps = rx.backtracker().search(input, from, nonEmpty ? from : -1);
    } catch (e) {
      // The backtracker recurses per repetition: on input too long for the JS
      // stack, a whole string is matched by the JS RegExp after all (with its
      // capture rules) rather than failing.
      if (!(e instanceof RangeError) || !subj.final || (subj.prefix.length > 0 && rx.maxLookbehind > 0)) throw e;
      return jsExecAt(rx, subj, pos, nonEmpty);
    }
    if (caps === null) return null;
    const out = new Array<number>(caps.length);
    for (let i = 0; i < caps.length; i++) out[i] = caps[i] < 0 ? -1 : caps[i] < p ? -1 : textOf[caps[i] - p];
    return out;
  }
  return jsExecAt(rx, subj, pos, nonEmpty);
}

function jsExecAt(rx: RRegexp, subj: Subject, pos: number, nonEmpty: boolean): Spans | null {
  if (nonEmpty) {
    const ne = rx.nonEmptyMatcher();
    ne.lastIndex = pos;
    const m = ne.exec(subj.text);
    if (m !== null) return spansOf(m, rx, 1);
    if (pos >= subj.text.length) return null;
    pos = subj.after(pos);
  }
  const re = rx.finderFor(true);
  re.lastIndex = pos;
  const m = re.exec(subj.text);
  return m === null ? null : spansOf(m, rx, 0);
}

/** The first match in the subject, with positions. */
function firstSpans(rx: RRegexp, subj: Subject): Spans | null {
  return execAt(rx, subj, 0);
}

/**
 * Every match, as the `regexp-match*` family finds them: after an empty
 * match at p, the next match may start at p but must not end there.
 */
function allSpans(rx: RRegexp, subj: Subject): Spans[] {
  const out: Spans[] = [];
  let pos = 0;
  let emptyOk = true;
  for (;;) {
    const spans = execAt(rx, subj, pos, !emptyOk);
    if (spans === null) break;
    out.push(spans);
    emptyOk = spans[0] !== spans[1];
    pos = spans[1];
  }
  return out;
}

/** Every match as `regexp-replace*` finds them: after an empty match, the search goes on one character later. */
function replaceSpans(rx: RRegexp, subj: Subject): Spans[] {
  const out: Spans[] = [];
  const text = subj.text;
  let pos = 0;
  while (pos <= text.length) {
    const spans = execAt(rx, subj, pos);
    if (spans === null) break;
    out.push(spans);
    if (spans[0] !== spans[1]) pos = spans[1];
    else if (spans[1] >= text.length) break;
    else pos = subj.after(spans[1]);
  }
  return out;
}

function positionPair(subj: Subject, spans: Spans, n: number): Value {
  const s = spans[2 * n];
  return s < 0 ? false : new Pair(subj.position(s), subj.position(spans[2 * n + 1]));
}

function piece(subj: Subject, spans: Spans, n: number): Value {
  const s = spans[2 * n];
  return s < 0 ? false : subj.piece(s, spans[2 * n + 1]);
}

function piecesList(subj: Subject, spans: Spans, groups: number): Value {
  const items: Value[] = [];
  for (let n = 0; n <= groups; n++) items.push(piece(subj, spans, n));
  return listFromArray(items);
}

function positionsList(subj: Subject, spans: Spans, groups: number): Value {
  const items: Value[] = [];
  for (let n = 0; n <= groups; n++) items.push(positionPair(subj, spans, n));
  return listFromArray(items);
}

function matchArgs(who: string, a: Value[]): { rx: RRegexp; subj: Subject } {
  const rx = toRegexp(who, a[0]);
  const input = checkInput(who, a[1], '(or/c bytes? string? input-port? path?)');
  const [s, e] = primRange(who, input, a[2], a[3]);
  return { rx, subj: makeSubject(rx, input, s, e) };
}

/** How a single-match procedure takes its arguments and what it returns. */
interface MatchMode {
  readonly result: 'pieces' | 'positions' | 'boolean';
  /** Peek, not read (the 5th argument is a progress event). */
  readonly peek: boolean;
  /** Fail rather than wait for bytes not yet there. */
  readonly immediate: boolean;
  /** Consume only when it matches (regexp-try-match). */
  readonly tryOnly: boolean;
  /** Also return the last bytes before the match end (the `/end` forms). */
  readonly withEnd: boolean;
  /** The input must be a port. */
  readonly portOnly: boolean;
}

const MODE_DEFAULTS = { peek: false, immediate: false, tryOnly: false, withEnd: false, portOnly: false };

/** The input prefix's units as the backtracker reads them: bytes, or decoded characters. */
function prefixUnits(prefix: Uint8Array, bytes: boolean): number[] {
  if (bytes) return Array.from(prefix);
  return decodeUtf8Chars(prefix).map((c) => (c.code < 0 ? INVALID_UNIT + prefix[c.start] : c.code));
}

function matchResult(rx: RRegexp, subj: Subject, spans: Spans | null, mode: MatchMode): Value {
  if (spans === null) return false;
  if (mode.result === 'boolean') return true;
  return mode.result === 'pieces' ? piecesList(subj, spans, rx.groups) : positionsList(subj, spans, rx.groups);
}

function pieceBytes(p: RString | RBytes): Uint8Array {
  return p instanceof RString ? encodeUtf8(p.s) : p.bytes;
}

/** The last `count` bytes before the match end, the input prefix included. */
function endBytes(subj: Subject, spans: Spans, prefix: Uint8Array, count: number): Value {
  const p = subj.piece(0, spans[1]);
  const before = p instanceof RString ? encodeUtf8(p.s) : p.bytes;
  const all = new Uint8Array(prefix.length + before.length);
  all.set(prefix);
  all.set(before, prefix.length);
  return new RBytes(all.slice(Math.max(0, all.length - count)), false);
}

function withEndValue(mode: MatchMode, v: Value, end: Value): Value {
  return mode.withEnd ? new MultipleValues([v, end]) : v;
}

/** regexp-match or regexp-match? by the JS RegExp alone (the common case: no indices needed). */
function jsMatch(rx: RRegexp, subj: Subject, test: boolean): Value {
  const re = rx.finderFor(false);
  re.lastIndex = 0;
  if (test) return re.test(subj.text);
  const m = re.exec(subj.text);
  if (m === null) return false;
  const map = rx.groupMap;
  const items: Value[] = [subj.pieceOf(m[0])];
  for (let n = 1; n <= rx.groups; n++) {
    const g = m[map[n]];
    items.push(g === undefined ? false : subj.pieceOf(g));
  }
  return listFromArray(items);
}

/** regexp-match and its single-match relatives, on strings, byte strings and ports. */
function matchOnce(who: string, mode: MatchMode, a: Value[]): Value {
  const rx = toRegexp(who, a[0]);
  const inputArg = a[1];
  const portInput = isInputPort(inputArg);
  if (mode.portOnly && !portInput) argError(who, 'input-port?', inputArg);
  let out = null;
  if (mode.peek) {
    if (a[4] !== undefined && a[4] !== false) argError('peek-bytes-avail!', '(or/c #f progress-evt?)', a[4]);
  } else {
    out = checkOutputPort(who, a[4]);
  }
  const prefixArg = a[5];
  if (prefixArg !== undefined && !(prefixArg instanceof RBytes)) argError(who, 'bytes?', prefixArg);
  const prefix = prefixArg === undefined ? new Uint8Array(0) : (prefixArg as RBytes).bytes;
  const count = a[6] === undefined ? 1 : exactNonNegative(who, a[6], 'exact-nonnegative-integer?');
  const units = prefix.length === 0 ? [] : prefixUnits(prefix, rx.bytes);
  if (!portInput) {
    const input = checkInput(who, inputArg, '(or/c bytes? string? input-port? path?)');
    const [s, e] = primRange(who, input, a[2], a[3]);
    const subj = makeSubject(rx, input, s, e);
    subj.prefix = units;
    if (out === null && mode.result !== 'positions' && !mode.withEnd && !backtracks(rx, subj)) {
      return jsMatch(rx, subj, mode.result === 'boolean');
    }
    const spans = firstSpans(rx, subj);
    if (out !== null) writeSkipped(out, pieceBytes(subj.piece(0, spans === null ? subj.text.length : spans[0])));
    return withEndValue(mode, matchResult(rx, subj, spans, mode), spans === null ? false : endBytes(subj, spans, prefix, count));
  }
  const port = checkOpenInputPort(inputArg, mode.immediate);
  const skip = a[2] === undefined ? 0 : exactNonNegative(who, a[2], 'exact-nonnegative-integer?');
  const endArg = a[3] === undefined || a[3] === false ? null : exactNonNegative(who, a[3], '(or/c #f exact-nonnegative-integer?)');
  if (endArg !== null && endArg < skip) {
    argumentsError(who, 'ending index is smaller than starting index', ['ending index', a[3]], ['starting index', a[2]]);
  }
  const find = () => {
    const w = portWindow(port, skip, endArg, !rx.bytes);
    const subj = makeSubject(rx, new RBytes(w.bytes, false), skip, w.limit);
    subj.final = w.final;
    subj.prefix = units;
    return { w, subj, spans: firstSpans(rx, subj) };
  };
  const commit = ({ w, subj, spans }: ReturnType<typeof find>): Value => {
    if (!mode.peek) {
      if (spans !== null) {
        const matchStart = subj.position(spans[0]);
        writeSkipped(out, w.bytes.subarray(skip, matchStart));
        consume(port, subj.position(spans[1]));
      } else if (!mode.tryOnly) {
        writeSkipped(out, w.bytes.subarray(skip, w.limit));
        consume(port, w.limit);
      }
    }
    return withEndValue(mode, matchResult(rx, subj, spans, mode), spans === null ? false : endBytes(subj, spans, prefix, count));
  };
  return onPort(port, find, commit, mode.immediate, () => withEndValue(mode, false, false));
}

function regexpMatchExactP(p: Value, input: Value): Value {
  const { rx, subj } = matchArgs('regexp-match-positions', [p, input]);
  const spans = firstSpans(rx, subj);
  return spans !== null && spans[0] === 0 && spans[1] === subj.text.length;
}

/** regexp-match-peek-positions* (its keyword front end is in lib/strings.rkt): every match's positions, peeked. */
function peekPositionsAll(...a: Value[]): Value {
  const who = 'regexp-match-peek-positions*';
  const rx = toRegexp(who, a[0], 'regexp');
  if (!isInputPort(a[1])) return argError(who, 'input-port?', a[1]);
  const port = checkOpenInputPort(a[1]);
  const skip = exactNonNegative(who, a[2], 'exact-nonnegative-integer?');
  const end = a[3] === false ? null : exactNonNegative(who, a[3], '(or/c exact-nonnegative-integer? #f)');
  checkPrefix(who, a[4]);
  const units = prefixUnits((a[4] as RBytes).bytes, rx.bytes);
  const find = () => {
    const w = portWindow(port, skip, end, !rx.bytes);
    const subj = makeSubject(rx, new RBytes(w.bytes, false), skip, w.limit);
    subj.final = w.final;
    subj.prefix = units;
    return allSpans(rx, subj).map((sp) => positionsList(subj, sp, rx.groups));
  };
  return onPort(port, find, listFromArray, false, () => false);
}

// ---------------------------------------------------------------------------
// regexp-match*, regexp-match-positions*, regexp-split

/** The subject and matches of a `regexp-match*`-family call. */
function loopArgs(who: string, a: Value[]): { rx: RRegexp; subj: Subject; matches: Spans[] } {
  const rx = toRegexp(who, a[0], 'regexp');
  const input = loopInput(rx, checkInput(who, a[1], '(or/c string? bytes? path? input-port?)'));
  const [s, e] = loopRange(who, input, a[2], a[3]);
  checkPrefix(who, a[4]);
  const subj = makeSubject(rx, input, s, e);
  if (a[4] instanceof RBytes) subj.prefix = prefixUnits(a[4].bytes, rx.bytes);
  return { rx, subj, matches: allSpans(rx, subj) };
}

/** The pieces between matches (and before the first and after the last). */
function gaps(subj: Subject, matches: Spans[]): Value[] {
  const out: Value[] = [];
  let prev = 0;
  for (const sp of matches) {
    out.push(subj.piece(prev, sp[0]));
    prev = sp[1];
  }
  out.push(subj.piece(prev, subj.text.length));
  return out;
}

function regexpSplit(...a: Value[]): Value {
  if (isInputPort(a[1])) return onPortInput('regexp-split', a, 1, (b) => regexpSplit(...b));
  const { subj, matches } = loopArgs('regexp-split', a);
  return listFromArray(gaps(subj, matches));
}

/**
 * A regexp-match*-family call on a port (argument `at` of `a`): reads the
 * port's rest and runs `run` with it as a byte string in place of the port.
 */
function onPortInput(who: string, a: Value[], at: number, run: (args: Value[]) => Value): Value {
  const port = checkOpenInputPort(a[at]);
  if (a[at + 1] !== undefined) exactNonNegative(who, a[at + 1], 'exact-nonnegative-integer?');
  const endArg = a[at + 2];
  const end = endArg === undefined || endArg === false ? null : exactNonNegative(who, endArg, '(or/c exact-nonnegative-integer? #f)');
  return readRest(port, end, (bytes) => run(withBytes(a, at, new RBytes(bytes, false))));
}

/** The arguments with the port replaced by the bytes read from it, and the range clipped to them. */
function withBytes(a: Value[], at: number, bytes: RBytes): Value[] {
  const args = a.slice();
  const len = bytes.bytes.length;
  args[at] = bytes;
  if (typeof args[at + 1] === 'number' && (args[at + 1] as number) > len) args[at + 1] = len;
  if (typeof args[at + 2] === 'number' && (args[at + 2] as number) > len) args[at + 2] = len;
  return args;
}

/** Runs a machine primitive's body once a port argument's rest has been read (see onPortInput). */
class PortInputFrame extends Frame {
  constructor(
    readonly args: Value[],
    readonly at: number,
    readonly run: (m: Machine, args: Value[]) => void,
  ) {
    super();
  }
  override clone(): Frame {
    return new PortInputFrame(this.args, this.at, this.run);
  }
  resume(m: Machine): void {
    this.run(m, withBytes(this.args, this.at, m.val as RBytes));
  }
}

/** For a machine primitive: reads a port argument's rest (blocking the thread), then runs `run` on the bytes. */
function machineOnPortInput(m: Machine, who: string, args: Value[], at: number, run: (m: Machine, args: Value[]) => void): void {
  const reader = new Primitive(who, 0, 0, () => onPortInput(who, args, at, (b) => b[at]), false);
  m.stack.push(new PortInputFrame(args, at, run));
  m.applyArray(reader, []);
}

function isCar(v: Value): boolean {
  return v === UNSUPPLIED || (v instanceof Primitive && v.name === 'car');
}

/** `regexp-match*`: after the machine's slot 0, the keyword values come first (#:gap-select?, #:match-select), then the positional arguments. */
function regexpMatchStar(m: Machine, args: Value[]): void {
  if (isInputPort(args[4])) return machineOnPortInput(m, 'regexp-match*', args, 4, regexpMatchStar);
  const [, gapArg, select, ...a] = args;
  const gapSelect = gapArg !== UNSUPPLIED && gapArg !== false;
  if (select === false) {
    if (!gapSelect) fail(exnFailContractT, "regexp-match*: one of `match-select' or `gap-select' must be non-#f");
    return m.returnValue(regexpSplit(...a));
  }
  if (!isCar(select) && !isProcedure(select)) argError('regexp-match*', '(or/c procedure? #f)', select);
  const { rx, subj, matches } = loopArgs('regexp-match*', a);
  const gapPieces = gapSelect ? gaps(subj, matches) : null;
  const assemble = (selected: Value[]): Value => {
    if (gapPieces === null) return listFromArray(selected);
    const out: Value[] = [gapPieces[0]];
    selected.forEach((v, i) => out.push(v, gapPieces[i + 1]));
    return listFromArray(out);
  };
  if (isCar(select)) return m.returnValue(assemble(matches.map((sp) => piece(subj, sp, 0))));
  // The selector gets the match's positions; what it returns is turned back into pieces.
  const calls = matches.map((sp) => [positionsList(subj, sp, rx.groups)]);
  const toPiece = (p: Value): Value =>
    p instanceof Pair && typeof p.car === 'number' ? subj.piece(textIndex(subj, p.car), textIndex(subj, p.cdr as number)) : p;
  const convert = (s: Value): Value => {
    if (!(s instanceof Pair)) return s;
    if (typeof s.car === 'number') return toPiece(s);
    const items: Value[] = [];
    for (let x: Value = s; x instanceof Pair; x = x.cdr) items.push(x.car === false ? false : toPiece(x.car));
    return listFromArray(items);
  };
  callEach(m, select, calls, (v) => convert(v), assemble);
}

/** The text index of a position the subject reported (the inverse of Subject.position). */
function textIndex(subj: Subject, position: number): number {
  // Positions are monotonic in the index: a binary search.
  let lo = 0;
  let hi = subj.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (subj.position(mid) < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function regexpMatchPositionsStar(m: Machine, args: Value[]): void {
  if (isInputPort(args[3])) return machineOnPortInput(m, 'regexp-match-positions*', args, 3, regexpMatchPositionsStar);
  const [, select, ...a] = args;
  if (!isCar(select) && !isProcedure(select)) argError('regexp-match-positions*', 'procedure?', select);
  const { rx, subj, matches } = loopArgs('regexp-match-positions*', a);
  if (isCar(select)) return m.returnValue(listFromArray(matches.map((sp) => positionPair(subj, sp, 0))));
  const calls = matches.map((sp) => [positionsList(subj, sp, rx.groups)]);
  callEach(m, select, calls, (v) => v, listFromArray);
}

// ---------------------------------------------------------------------------
// Calling Racket procedures once per match

/**
 * Calls `f` on each argument list in turn on the machine's stack (so `f` may
 * block or capture continuations), passes each result through `check`, and
 * returns `finish` of the checked results.
 */
class EachCallFrame extends Frame {
  constructor(
    readonly f: Value,
    readonly calls: Value[][],
    readonly check: (v: Value) => Value,
    readonly finish: (results: Value[]) => Value,
    public results: Value[],
  ) {
    super();
  }
  override clone(): Frame {
    return new EachCallFrame(this.f, this.calls, this.check, this.finish, this.results.slice());
  }
  resume(m: Machine): void {
    const v = m.val;
    if (v instanceof MultipleValues) resultArityError(1, v.vals.length);
    this.results.push(this.check(v));
    nextCall(m, this);
  }
}

function nextCall(m: Machine, frame: EachCallFrame): void {
  const i = frame.results.length;
  if (i >= frame.calls.length) return m.returnValue(frame.finish(frame.results));
  m.stack.push(frame);
  m.applyArray(frame.f, frame.calls[i]);
}

function callEach(m: Machine, f: Value, calls: Value[][], check: (v: Value) => Value, finish: (results: Value[]) => Value): void {
  nextCall(m, new EachCallFrame(f, calls, check, finish, []));
}

// ---------------------------------------------------------------------------
// regexp-replace, regexp-replace*

/**
 * Text in the result's representation: JS strings for a string result, and
 * latin-1 strings (one char per byte) for a byte string result.
 */
function outText(subj: Subject, s: number, e: number): string {
  const p = subj.piece(s, e);
  return p instanceof RString ? p.s : bytesToLatin1(p.bytes);
}

/** An insert string's parts: literal text, or the number of a group to insert. */
type Template = (string | number)[];

/** Parses `&`, `\0`..`\N`, `\&`, `\\` and `\$` in an insert string. */
function parseTemplate(t: string): Template {
  const out: Template = [];
  let lit = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '&') {
      out.push(lit, 0);
      lit = '';
    } else if (c !== '\\') {
      lit += c;
    } else if (i + 1 >= t.length) {
      out.push(lit, 0); // a `\` at the end inserts the match
      lit = '';
    } else {
      const next = t[i + 1];
      if (next === '&' || next === '\\') {
        lit += next;
        i++;
      } else if (next === '$') {
        i++;
      } else if (next >= '0' && next <= '9') {
        let j = i + 1;
        while (j < t.length && t[j] >= '0' && t[j] <= '9') j++;
        out.push(lit, Number(t.slice(i + 1, j)));
        lit = '';
        i = j - 1;
      } else {
        out.push(lit, 0); // `\` before another character inserts the match
        lit = '';
      }
    }
  }
  out.push(lit);
  return out;
}

function expandTemplate(tpl: Template, subj: Subject, sp: Spans, groups: number): string {
  let out = '';
  for (const part of tpl) {
    if (typeof part === 'string') out += part;
    else if (part <= groups && sp[2 * part] >= 0) out += outText(subj, sp[2 * part], sp[2 * part + 1]);
  }
  return out;
}

function replaceCommon(m: Machine, who: string, a: Value[], all: boolean): void {
  const [pattern, inputArg, insert] = a;
  // Racket's regexp-replace checks a pattern that is not one through `regexp-max-lookbehind`.
  if (!(pattern instanceof RRegexp || pattern instanceof RString || pattern instanceof RBytes)) {
    argError('regexp-max-lookbehind', 'regexp?', pattern);
  }
  const rx = toRegexp(who, pattern);
  const input = checkInput(who, inputArg, '(or/c bytes? string?)');
  if (!(insert instanceof RString || insert instanceof RBytes || isProcedure(insert))) {
    argError(who, '(or/c string? bytes? procedure?)', insert);
  }
  const stringOut = !rx.bytes && input instanceof RString;
  if (stringOut && insert instanceof RBytes) argumentsError(who, 'cannot replace a string with a byte string', ['byte string', insert]);
  let start = 0;
  let end: number | null = null;
  if (all) {
    if (a[3] !== undefined || a[4] !== undefined) [start, end] = loopRange(who, input, a[3], a[4]);
    checkPrefix(who, a[5]);
  } else {
    checkPrefix(who, a[3]);
  }
  const prefix = all ? a[5] : a[3];
  const len = inputLength(input);
  const subj = makeSubject(rx, input, start, end ?? len);
  if (prefix instanceof RBytes) subj.prefix = prefixUnits(prefix.bytes, rx.bytes);
  let matches = all ? replaceSpans(rx, subj) : [];
  if (!all) {
    const first = firstSpans(rx, subj);
    if (first !== null) matches = [first];
  }
  // The parts of the input outside [start, end) are kept as they are.
  const outside = (from: number, to: number): string => {
    if (from >= to) return '';
    if (input instanceof RBytes) return bytesToLatin1(input.bytes, from, to);
    const text = input.s.slice(codePointToIndex(input.s, from), codePointToIndex(input.s, to));
    return stringOut ? text : bytesToLatin1(encodeUtf8(text));
  };
  const assemble = (inserts: string[]): Value => {
    let out = outside(0, start);
    let prev = 0;
    matches.forEach((sp, i) => {
      out += outText(subj, prev, sp[0]) + inserts[i];
      prev = sp[1];
    });
    out += outText(subj, prev, subj.text.length) + outside(end ?? len, len);
    return stringOut ? new RString(out, false) : new RBytes(latin1ToBytes(out), false);
  };
  if (matches.length === 0 && !all) return m.returnValue(input);
  if (!isProcedure(insert)) {
    const text =
      insert instanceof RString ? (stringOut ? insert.s : bytesToLatin1(encodeUtf8(insert.s))) : bytesToLatin1((insert as RBytes).bytes);
    const tpl = parseTemplate(text);
    return m.returnValue(assemble(matches.map((sp) => expandTemplate(tpl, subj, sp, rx.groups))));
  }
  const calls = matches.map((sp) => {
    const args: Value[] = [];
    for (let n = 0; n <= rx.groups; n++) args.push(piece(subj, sp, n));
    return args;
  });
  const check = (v: Value): Value => {
    if (stringOut ? v instanceof RString : v instanceof RBytes) return v instanceof RString ? v.s : bytesToLatin1((v as RBytes).bytes);
    return argumentsError(who, 'contract violation', ['expected', new RawText(stringOut ? 'string?' : 'bytes?')], ['result', v]);
  };
  callEach(m, insert, calls, check, (results) => assemble(results as string[]));
}

// ---------------------------------------------------------------------------
// Quoting

function regexpQuote(s: Value, caseSensitive?: Value): Value {
  if (!(s instanceof RString || s instanceof RBytes)) return argError('regexp-quote', '(or/c string? bytes?)', s);
  const text = s instanceof RString ? s.s : bytesToLatin1(s.bytes);
  let out = text.replace(/[\][.*?+|(){}\\$^]/g, '\\$&');
  if (caseSensitive === false) out = `(?i:${out})`;
  return s instanceof RString ? new RString(out, false) : new RBytes(latin1ToBytes(out), false);
}

function regexpReplaceQuote(s: Value): Value {
  if (!(s instanceof RString || s instanceof RBytes)) return argError('regexp-replace-quote', '(or/c string? bytes?)', s);
  const text = s instanceof RString ? s.s : bytesToLatin1(s.bytes);
  const out = text.replace(/[&\\]/g, '\\$&');
  return s instanceof RString ? new RString(out, false) : new RBytes(latin1ToBytes(out), false);
}

// ---------------------------------------------------------------------------

function installConstructor(t: PrimTable, name: string, px: boolean, bytes: boolean): void {
  t.machine(name, 1, 2, (m, [, src, handler]) => {
    if (bytes ? !(src instanceof RBytes) : !(src instanceof RString)) argError(name, bytes ? 'bytes?' : 'string?', src);
    const source = bytes ? bytesToLatin1((src as RBytes).bytes) : (src as RString).s;
    if (handler === undefined || handler === false) return m.returnValue(compile(name, source, px, bytes, false));
    let rx: RRegexp;
    try {
      rx = makeRegexp(source, px, bytes);
    } catch (e) {
      if (!(e instanceof RegexpSyntaxError)) throw e;
      // The handler gets the bare message, as a string even for byte regexps.
      return m.applyArray(handler, [new RString(e.message, false)]);
    }
    m.returnValue(rx);
  });
}

export function installRegexp(t: PrimTable): void {
  installConstructor(t, 'regexp', false, false);
  installConstructor(t, 'pregexp', true, false);
  installConstructor(t, 'byte-regexp', false, true);
  installConstructor(t, 'byte-pregexp', true, true);
  t.fn('regexp?', 1, 1, (v) => v instanceof RRegexp && !v.bytes);
  t.fn('pregexp?', 1, 1, (v) => v instanceof RRegexp && !v.bytes && v.px);
  t.fn('byte-regexp?', 1, 1, (v) => v instanceof RRegexp && v.bytes);
  t.fn('byte-pregexp?', 1, 1, (v) => v instanceof RRegexp && v.bytes && v.px);

  const single = (name: string, result: MatchMode['result'], max: number, extra: Partial<MatchMode> = {}) => {
    const mode: MatchMode = { ...MODE_DEFAULTS, ...extra, result };
    t.blocking(name, 2, max, (...a: Value[]) => matchOnce(name, mode, a));
  };
  single('regexp-match', 'pieces', 6);
  single('regexp-match-positions', 'positions', 6);
  single('regexp-match?', 'boolean', 6);
  single('regexp-match/end', 'pieces', 7, { withEnd: true });
  single('regexp-match-positions/end', 'positions', 7, { withEnd: true });
  single('regexp-try-match', 'pieces', 6, { tryOnly: true, portOnly: true });
  single('regexp-match-peek', 'pieces', 6, { peek: true, portOnly: true });
  single('regexp-match-peek-positions', 'positions', 6, { peek: true, portOnly: true });
  single('regexp-match-peek-immediate', 'pieces', 6, { peek: true, portOnly: true, immediate: true });
  single('regexp-match-peek-positions-immediate', 'positions', 6, { peek: true, portOnly: true, immediate: true });
  single('regexp-match-peek-positions/end', 'positions', 7, { peek: true, portOnly: true, withEnd: true });
  single('regexp-match-peek-positions-immediate/end', 'positions', 7, { peek: true, portOnly: true, immediate: true, withEnd: true });
  t.internal('regexp-peek-positions-all', new Primitive('regexp-match-peek-positions*', 5, 5, peekPositionsAll, false));
  t.fn('regexp-max-lookbehind', 1, 1, (p: Value) => {
    if (!(p instanceof RRegexp)) return argError('regexp-max-lookbehind', '(or regexp? byte-regexp?)', p);
    return p.maxLookbehind;
  });
  t.fn('regexp-match-exact?', 2, 2, regexpMatchExactP);

  const gapSelect = keyword('gap-select?');
  const matchSelect = keyword('match-select');
  t.value(
    'regexp-match*',
    new KeywordProcedure(new MachinePrimitive('regexp-match*', 4, 7, regexpMatchStar), [gapSelect, matchSelect], []),
  );
  t.value(
    'regexp-match-positions*',
    new KeywordProcedure(new MachinePrimitive('regexp-match-positions*', 3, 6, regexpMatchPositionsStar), [matchSelect], []),
  );
  t.blocking('regexp-split', 2, 5, regexpSplit);
  t.machine('regexp-replace', 3, 4, (m, a) => replaceCommon(m, 'regexp-replace', a.slice(1), false));
  t.machine('regexp-replace*', 3, 6, (m, a) => replaceCommon(m, 'regexp-replace*', a.slice(1), true));
  // mzscheme's is the kernel's, without racket/base's start and end: (regexp-replace* pattern input insert [prefix]).
  t.in('mzscheme', () =>
    t.machine('regexp-replace*', 3, 4, (m, a) => replaceCommon(m, 'regexp-replace*', [a[1], a[2], a[3], undefined, undefined, a[4]], true)),
  );
  t.fn('regexp-quote', 1, 2, regexpQuote);
  t.fn('regexp-replace-quote', 1, 1, regexpReplaceQuote);
}
