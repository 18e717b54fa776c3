// Equality, booleans, symbols, keywords, characters, strings, vectors, boxes
// and byte strings: the first-order basics of racket/base.

import { RawText, argError, indexRangeError, argumentsError, errorValueString } from '../errors/messages.js';
import { exnFailContractT, fail } from '../errors/exn.js';
import { isEq, isEqual, isEqv } from '../values/equal.js';
import {
  Box,
  Char,
  Keyword,
  RBytes,
  RString,
  RVector,
  Sym,
  VOID,
  keyword,
  listFromArray,
  listToArray,
  str,
  sym,
  uninternedSym,
  isList,
  type Value,
} from '../values/types.js';
import { checkBox, checkByte, checkBytes, checkChar, checkIndex, checkList, checkRange, checkString, checkSymbol, checkVector } from './check.js';
import type { PrimTable } from './table.js';
import type { Machine } from '../eval/machine.js';
import { decodeUtf8, encodeUtf8 } from '../values/utf8.js';
import { decodeUtf8Chars } from '../values/utf8-lenient.js';

function checkMutableString(name: string, v: Value): RString {
  if (v instanceof RString && !v.immutable) return v;
  return argError(name, '(and/c string? (not/c immutable?))', v);
}

function stringCompare(name: string, cmp: (a: string, b: string) => boolean) {
  return (...xs: Value[]): boolean => {
    const ss = xs.map((x) => checkString(name, x).s);
    for (let i = 0; i + 1 < ss.length; i++) if (!cmp(ss[i], ss[i + 1])) return false;
    return true;
  };
}

function charCompare(name: string, cmp: (a: number, b: number) => boolean) {
  return (...xs: Value[]): boolean => {
    const cs = xs.map((x) => checkChar(name, x).code);
    for (let i = 0; i + 1 < cs.length; i++) if (!cmp(cs[i], cs[i + 1])) return false;
    return true;
  };
}

/** Code points of a JS string (Racket string indices count code points). */
function codePoints(s: string): string[] {
  return Array.from(s);
}

const SURROGATE = /[\ud800-\udfff]/;

export function installData(t: PrimTable): void {
  // ---------------------------------------------------------------- equality and booleans
  t.fn('eq?', 2, 2, isEq);
  t.fn('eqv?', 2, 2, isEqv);
  t.fn('equal?', 2, 2, isEqual);
  t.fn('not', 1, 1, (v) => v === false);
  t.fn('boolean?', 1, 1, (v) => typeof v === 'boolean');
  t.in('racket/bool', () => {
    t.value('true', true);
    t.value('false', false);
    t.fn('false?', 1, 1, (v) => v === false);
    t.fn('xor', 2, 2, (a, b) => (a === false ? b : b === false ? a : false));
    t.fn('implies', 2, 2, (a, b) => (a === false ? true : b));
    t.fn('symbol=?', 1, -1, (...xs: Value[]) => xs.every((x) => checkSymbol('symbol=?', x) === xs[0]));
    t.fn('boolean=?', 2, 2, (a, b) => {
      if (typeof a !== 'boolean') argError('boolean=?', 'boolean?', a);
      if (typeof b !== 'boolean') argError('boolean=?', 'boolean?', b);
      return a === b;
    });
  });

  // ---------------------------------------------------------------- symbols and keywords
  t.fn('symbol?', 1, 1, (v) => v instanceof Sym);
  t.fn('symbol->string', 1, 1, (s) => str(checkSymbol('symbol->string', s).name));
  t.fn('string->symbol', 1, 1, (s) => sym(checkString('string->symbol', s).s));
  t.fn('string->uninterned-symbol', 1, 1, (s) => uninternedSym(checkString('string->uninterned-symbol', s).s));
  t.fn('symbol-interned?', 1, 1, (s) => checkSymbol('symbol-interned?', s).interned);
  t.fn('symbol<?', 1, -1, (...xs: Value[]) => {
    const ns = xs.map((x) => checkSymbol('symbol<?', x).name);
    for (let i = 0; i + 1 < ns.length; i++) if (!(ns[i] < ns[i + 1])) return false;
    return true;
  });
  t.fn('gensym', 0, 1, function (this: Machine, base: Value = sym('g')) {
    const prefix = base instanceof Sym ? base.name : base instanceof RString ? base.s : 'g';
    return uninternedSym(`${prefix}${this.rt.nextGensym()}`);
  });
  t.fn('keyword?', 1, 1, (v) => v instanceof Keyword);
  t.fn('keyword->string', 1, 1, (k) => (k instanceof Keyword ? str(k.name) : argError('keyword->string', 'keyword?', k)));
  t.fn('string->keyword', 1, 1, (s) => keyword(checkString('string->keyword', s).s));
  t.fn('keyword<?', 1, -1, (...xs: Value[]) => {
    for (let i = 0; i + 1 < xs.length; i++) if (!((xs[i] as Keyword).name < (xs[i + 1] as Keyword).name)) return false;
    return true;
  });

  // ---------------------------------------------------------------- characters
  t.fn('char?', 1, 1, (v) => v instanceof Char);
  t.fn('char->integer', 1, 1, (c) => checkChar('char->integer', c).code);
  t.fn('integer->char', 1, 1, (n) => {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) {
      return argError('integer->char', 'valid-unicode-scalar-value?', n);
    }
    return Char.of(n);
  });
  t.fn('char-upcase', 1, 1, (c) => Char.of(String.fromCodePoint(checkChar('char-upcase', c).code).toUpperCase().codePointAt(0)!));
  t.fn('char-downcase', 1, 1, (c) => Char.of(String.fromCodePoint(checkChar('char-downcase', c).code).toLowerCase().codePointAt(0)!));
  const charClass = (name: string, re: RegExp) =>
    t.fn(name, 1, 1, (c) => re.test(String.fromCodePoint(checkChar(name, c).code)));
  charClass('char-alphabetic?', /^\p{Alphabetic}$/u);
  charClass('char-numeric?', /^\p{Nd}$/u);
  charClass('char-whitespace?', /^\s$/u);
  charClass('char-upper-case?', /^\p{Lu}$/u);
  charClass('char-lower-case?', /^\p{Ll}$/u);
  charClass('char-punctuation?', /^\p{P}$/u);
  t.fn('char=?', 1, -1, charCompare('char=?', (a, b) => a === b));
  t.fn('char<?', 1, -1, charCompare('char<?', (a, b) => a < b));
  t.fn('char>?', 1, -1, charCompare('char>?', (a, b) => a > b));
  t.fn('char<=?', 1, -1, charCompare('char<=?', (a, b) => a <= b));
  t.fn('char>=?', 1, -1, charCompare('char>=?', (a, b) => a >= b));

  // ---------------------------------------------------------------- strings
  t.fn('string?', 1, 1, (v) => v instanceof RString);
  t.fn('string-length', 1, 1, (s) => {
    const x = checkString('string-length', s).s;
    return SURROGATE.test(x) ? codePoints(x).length : x.length;
  });
  t.fn('string-ref', 2, 2, (s: Value, k: Value) => {
    const cps = codePoints(checkString('string-ref', s).s);
    const i = checkIndex('string-ref', k, 1, [s, k]);
    if (i >= cps.length) indexRangeError('string-ref', 'string', k, cps.length, s);
    return Char.of(cps[i].codePointAt(0)!);
  });
  t.fn('string-set!', 3, 3, (s: Value, k: Value, c: Value) => {
    const ms = checkMutableString('string-set!', s);
    const cps = codePoints(ms.s);
    const i = checkIndex('string-set!', k);
    if (i >= cps.length) indexRangeError('string-set!', 'string', k, cps.length, s);
    cps[i] = String.fromCodePoint(checkChar('string-set!', c).code);
    ms.s = cps.join('');
    return VOID;
  });
  t.fn('substring', 2, 3, (s: Value, start: Value, end?: Value) => {
    const text = checkString('substring', s).s;
    if (!SURROGATE.test(text) && typeof start === 'number' && start >= 0 && (end === undefined || (typeof end === 'number' && end >= start && end <= text.length)) && start <= text.length && Number.isInteger(start) && (end === undefined || Number.isInteger(end))) {
      return str(text.slice(start, end as number | undefined));
    }
    const cps = codePoints(text);
    const a = checkIndex('substring', start);
    const b = end === undefined ? cps.length : checkIndex('substring', end);
    if (a > cps.length) argumentsError('substring', 'starting index is out of range', ['starting index', start], ['valid range', rangeText(cps.length)], ['string', s]);
    if (b > cps.length) argumentsError('substring', 'ending index is out of range', ['ending index', end], ['valid range', rangeText(cps.length)], ['string', s]);
    if (b < a) argumentsError('substring', 'ending index is smaller than starting index', ['ending index', end], ['starting index', start], ['valid range', rangeText(cps.length)], ['string', s]);
    return str(cps.slice(a, b).join(''));
  });
  t.fn('string-append', 0, -1, (...xs: Value[]) => str(xs.map((x) => checkString('string-append', x).s).join('')));
  t.fn('string', 0, -1, (...cs: Value[]) => str(cs.map((c) => String.fromCodePoint(checkChar('string', c).code)).join('')));
  t.fn('make-string', 1, 2, (k: Value, c: Value = Char.of(0)) => str(String.fromCodePoint(checkChar('make-string', c).code).repeat(checkIndex('make-string', k))));
  t.fn('string-copy', 1, 1, (s) => str(checkString('string-copy', s).s));
  t.fn('string->immutable-string', 1, 1, (s) => {
    const x = checkString('string->immutable-string', s);
    return x.immutable ? x : new RString(x.s, true);
  });
  t.fn('string->list', 1, 1, (s) => listFromArray(codePoints(checkString('string->list', s).s).map((c) => Char.of(c.codePointAt(0)!))));
  t.fn('list->string', 1, 1, (l) => str(listToArray(checkList('list->string', l)).map((c) => String.fromCodePoint(checkChar('list->string', c).code)).join('')));
  t.fn('string-upcase', 1, 1, (s) => str(checkString('string-upcase', s).s.toUpperCase()));
  t.fn('string-downcase', 1, 1, (s) => str(checkString('string-downcase', s).s.toLowerCase()));
  t.fn('string=?', 1, -1, stringCompare('string=?', (a, b) => a === b));
  t.fn('string<?', 1, -1, stringCompare('string<?', (a, b) => a < b));
  t.fn('string>?', 1, -1, stringCompare('string>?', (a, b) => a > b));
  t.fn('string<=?', 1, -1, stringCompare('string<=?', (a, b) => a <= b));
  t.fn('string>=?', 1, -1, stringCompare('string>=?', (a, b) => a >= b));
  t.fn('immutable?', 1, 1, (v) => (v instanceof RString || v instanceof RBytes || v instanceof RVector || v instanceof Box ? v.immutable : false));

  // racket/string is in string-lib.ts.

  // ---------------------------------------------------------------- vectors
  t.fn('vector?', 1, 1, (v) => v instanceof RVector);
  t.fn('vector', 0, -1, (...xs: Value[]) => new RVector(xs, false));
  t.fn('make-vector', 1, 2, (k: Value, v: Value = 0) => {
    if (!(typeof k === 'number' && Number.isInteger(k) && k >= 0)) return argError('make-vector', 'valid-vector-length?', k);
    return new RVector(new Array(k).fill(v), false);
  });
  t.fn('vector-length', 1, 1, (v) => checkVector('vector-length', v).items.length);
  t.fn('vector-ref', 2, 2, function (this: Machine, v: Value, k: Value) {
    const vec = checkVector('vector-ref', v);
    const i = checkIndex('vector-ref', k, 1, [v, k]);
    if (i >= vec.items.length) indexRangeError('vector-ref', 'vector', k, vec.items.length, v);
    return vec.items[i];
  });
  t.fn('vector-set!', 3, 3, (v: Value, k: Value, x: Value) => {
    if (!(v instanceof RVector) || v.immutable) return argError('vector-set!', '(and/c vector? (not/c immutable?))', v);
    const i = checkIndex('vector-set!', k);
    if (i >= v.items.length) indexRangeError('vector-set!', 'vector', k, v.items.length, v);
    v.items[i] = x;
    return VOID;
  });
  t.fn('vector->list', 1, 1, (v) => listFromArray(checkVector('vector->list', v).items));
  t.fn('list->vector', 1, 1, (l) => new RVector(listToArray(checkList('list->vector', l)), false));
  t.fn('vector-fill!', 2, 2, (v: Value, x: Value) => {
    checkVector('vector-fill!', v).items.fill(x);
    return VOID;
  });
  t.in('racket/vector', () => {
    t.fn('vector-copy', 1, 3, (v: Value, start: Value = 0, end?: Value) => {
      const items = checkVector('vector-copy', v).items;
      return new RVector(items.slice(checkIndex('vector-copy', start), end === undefined ? items.length : checkIndex('vector-copy', end)), false);
    });
  });
  t.fn('vector->immutable-vector', 1, 1, (v) => new RVector(checkVector('vector->immutable-vector', v).items.slice(), true));

  // ---------------------------------------------------------------- boxes
  t.fn('box?', 1, 1, (v) => v instanceof Box);
  t.fn('box', 1, 1, (v) => new Box(v, false));
  t.fn('box-immutable', 1, 1, (v) => new Box(v, true));
  t.fn('unbox', 1, 1, (b) => checkBox('unbox', b).value);
  t.fn('set-box!', 2, 2, (b: Value, v: Value) => {
    if (!(b instanceof Box) || b.immutable) return argError('set-box!', '(and/c box? (not/c immutable?))', b);
    b.value = v;
    return VOID;
  });

  // ---------------------------------------------------------------- byte strings
  t.fn('bytes?', 1, 1, (v) => v instanceof RBytes);
  t.fn('byte?', 1, 1, (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255);
  t.fn('make-bytes', 1, 2, (k: Value, b: Value = 0) => new RBytes(new Uint8Array(checkIndex('make-bytes', k)).fill(checkByte('make-bytes', b)), false));
  t.fn('bytes', 0, -1, (...bs: Value[]) => new RBytes(Uint8Array.from(bs.map((b) => checkByte('bytes', b))), false));
  t.fn('bytes-length', 1, 1, (b) => checkBytes('bytes-length', b).bytes.length);
  t.fn('bytes-ref', 2, 2, (b: Value, k: Value) => {
    const bs = checkBytes('bytes-ref', b);
    const i = checkIndex('bytes-ref', k, 1, [b, k]);
    if (i >= bs.bytes.length) indexRangeError('bytes-ref', 'byte string', k, bs.bytes.length, b);
    return bs.bytes[i];
  });
  t.fn('bytes-set!', 3, 3, (b: Value, k: Value, v: Value) => {
    if (!(b instanceof RBytes) || b.immutable) return argError('bytes-set!', '(and/c bytes? (not/c immutable?))', b);
    const i = checkIndex('bytes-set!', k);
    if (i >= b.bytes.length) indexRangeError('bytes-set!', 'byte string', k, b.bytes.length, b);
    if (!(typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255)) genericContractFail(`bytes-set!: invalid value ${errorValueString(v)}`);
    b.bytes[i] = v;
    return VOID;
  });
  t.fn('subbytes', 2, 3, (b: Value, start: Value, end?: Value) => {
    const bs = checkBytes('subbytes', b).bytes;
    const a = checkIndex('subbytes', start);
    const e = end === undefined ? bs.length : checkIndex('subbytes', end);
    if (a > bs.length) argumentsError('subbytes', 'starting index is out of range', ['starting index', start], ['valid range', rangeText(bs.length)], ['byte string', b]);
    if (e > bs.length) argumentsError('subbytes', 'ending index is out of range', ['ending index', end], ['valid range', rangeText(bs.length)], ['byte string', b]);
    if (e < a) argumentsError('subbytes', 'ending index is smaller than starting index', ['ending index', end], ['starting index', start], ['valid range', rangeText(bs.length)], ['byte string', b]);
    return new RBytes(bs.slice(a, e), false);
  });
  t.fn('bytes-copy', 1, 1, (b) => new RBytes(checkBytes('bytes-copy', b).bytes.slice(), false));
  t.fn('bytes-append', 0, -1, (...bs: Value[]) => {
    const arrs = bs.map((b) => checkBytes('bytes-append', b).bytes);
    const out = new Uint8Array(arrs.reduce((n, a) => n + a.length, 0));
    let off = 0;
    for (const a of arrs) {
      out.set(a, off);
      off += a.length;
    }
    return new RBytes(out, false);
  });
  t.fn('bytes->list', 1, 1, (b) => listFromArray(Array.from(checkBytes('bytes->list', b).bytes)));
  t.fn('list->bytes', 1, 1, (l) => {
    const isByte = (b: Value) => typeof b === 'number' && Number.isInteger(b) && b >= 0 && b <= 255;
    if (!isList(l) || !listToArray(l).every(isByte)) return argError('list->bytes', '(listof byte?)', l);
    return new RBytes(Uint8Array.from(listToArray(l) as number[]), false);
  });
  t.fn('bytes=?', 1, -1, (...bs: Value[]) => {
    const arrs = bs.map((b) => checkBytes('bytes=?', b));
    return arrs.every((b) => isEqual(b, arrs[0]));
  });
  t.fn('string->bytes/utf-8', 1, 4, (s: Value, errByte: Value = false, start: Value = 0, end?: Value) => {
    const who = 'string->bytes/utf-8';
    const text = checkString(who, s).s;
    checkErrByte(who, errByte);
    if (start === 0 && end === undefined) return new RBytes(encodeUtf8(text), false);
    const cps = codePoints(text);
    const [a, e] = checkRange(who, 'byte string', s, cps.length, start, end);
    return new RBytes(encodeUtf8(cps.slice(a, e).join('')), false);
  });
  t.fn('bytes->string/utf-8', 1, 4, (b: Value, errChar: Value = false, start: Value = 0, end?: Value) => {
    const who = 'bytes->string/utf-8';
    const all = checkBytes(who, b).bytes;
    if (errChar !== false && !(errChar instanceof Char)) return argError(who, '(or/c char? #f)', errChar);
    const [a, e] = checkRange(who, 'byte string', b, all.length, start, end);
    const bytes = a === 0 && e === all.length ? all : all.subarray(a, e);
    const text = decodeUtf8(bytes);
    if (text !== null) return str(text);
    if (errChar === false) return argumentsError(who, 'byte string is not a well-formed UTF-8 encoding', ['byte string', new RBytes(bytes.slice(), false)]);
    const bad = String.fromCodePoint(errChar.code);
    return str(decodeUtf8Chars(bytes).map((c) => (c.code < 0 ? bad : String.fromCodePoint(c.code))).join(''));
  });
  t.fn('bytes->string/latin-1', 1, 4, (b: Value, errChar: Value = false, start: Value = 0, end?: Value) => {
    const who = 'bytes->string/latin-1';
    const all = checkBytes(who, b).bytes;
    if (errChar !== false && !(errChar instanceof Char)) return argError(who, '(or/c char? #f)', errChar);
    const [a, e] = checkRange(who, 'byte string', b, all.length, start, end);
    return str(Array.from(all.subarray(a, e), (x) => String.fromCharCode(x)).join(''));
  });
  t.fn('string->bytes/latin-1', 1, 4, (s: Value, errByte: Value = false, start: Value = 0, end?: Value) => {
    const who = 'string->bytes/latin-1';
    const cps = codePoints(checkString(who, s).s);
    checkErrByte(who, errByte);
    const [a, e] = checkRange(who, 'byte string', s, cps.length, start, end);
    const part = cps.slice(a, e).map((c) => c.codePointAt(0)!);
    if (errByte === false && part.some((c) => c > 255)) {
      return argumentsError(who, 'string cannot be encoded in Latin-1', ['string', s]);
    }
    return new RBytes(Uint8Array.from(part, (c) => (c > 255 ? (errByte as number) : c)), false);
  });

}

function checkErrByte(who: string, v: Value): void {
  if (v !== false && !(typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255)) argError(who, '(or/c byte? #f)', v);
}

function rangeText(len: number): Value {
  return new RawText(`[0, ${len}]`);
}

/** A contract failure whose message is not one of the standard shapes (Chez Scheme's, under Racket CS). */
function genericContractFail(message: string): never {
  fail(exnFailContractT, message);
}
