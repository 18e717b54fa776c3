// Case-insensitive comparisons, case folding and titlecasing, Unicode
// character classes, and the in-place string operations of racket/base.

import { argError, argumentsError } from '../errors/messages.js';
import { Char, RString, VOID, str, sym, type Value } from '../values/types.js';
import { checkChar, checkIndex, checkRange, checkString } from './check.js';
import type { PrimTable } from './table.js';

/** The characters whose titlecase differs from their uppercase (the Latin digraphs). */
const TITLECASE: Record<number, number> = {
  0x1c4: 0x1c5, 0x1c5: 0x1c5, 0x1c6: 0x1c5,
  0x1c7: 0x1c8, 0x1c8: 0x1c8, 0x1c9: 0x1c8,
  0x1ca: 0x1cb, 0x1cb: 0x1cb, 0x1cc: 0x1cb,
  0x1f1: 0x1f2, 0x1f2: 0x1f2, 0x1f3: 0x1f2,
};

/** Simple (one character to one character) mappings, as char-upcase and friends use. */
function simpleMap(code: number, map: (s: string) => string): number {
  const m = map(String.fromCodePoint(code));
  const cps = Array.from(m);
  return cps.length === 1 ? cps[0].codePointAt(0)! : code;
}

function charTitlecase(code: number): number {
  return TITLECASE[code] ?? simpleMap(code, (s) => s.toUpperCase());
}

/** Simple case folding: through uppercase and back, unless that changes the length (ß stays ß). */
function charFoldcase(code: number): number {
  const up = Array.from(String.fromCodePoint(code).toUpperCase());
  if (up.length !== 1) return simpleMap(code, (s) => s.toLowerCase());
  return simpleMap(up[0].codePointAt(0)!, (s) => s.toLowerCase());
}

/** Full case folding of a string, one character at a time (no final-sigma context: Σ folds to σ). */
export function foldcase(s: string): string {
  let out = '';
  for (const c of s) out += c.toUpperCase().toLowerCase();
  return out;
}

/** Full titlecase of one character: ß becomes Ss, ﬁ becomes Fi. */
function titlecaseFull(c: string): string {
  const code = c.codePointAt(0)!;
  if (TITLECASE[code] !== undefined) return String.fromCodePoint(TITLECASE[code]);
  const up = Array.from(c.toUpperCase());
  return up.length === 1 ? up[0] : up[0] + up.slice(1).join('').toLowerCase();
}

const WORD = /[\p{L}\p{N}\p{M}\p{Pc}]/u;
/** Characters that join letters or digits on both sides into one word (Unicode word-break MidLetter, MidNum, MidNumLet). */
const MID = /['.:,;\u00b7\u0387\u05f4\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a]/u;
const CASED = /[\p{Lu}\p{Ll}\p{Lt}]/u;

/** string-titlecase: in each word, the first cased character in titlecase and the rest in lowercase. */
function titlecase(s: string): string {
  const cs = Array.from(s);
  let out = '';
  let i = 0;
  while (i < cs.length) {
    if (!WORD.test(cs[i])) {
      out += cs[i++];
      continue;
    }
    let j = i + 1;
    while (j < cs.length && (WORD.test(cs[j]) || (MID.test(cs[j]) && j + 1 < cs.length && WORD.test(cs[j + 1])))) j++;
    const word = cs.slice(i, j);
    const first = word.findIndex((c) => CASED.test(c));
    if (first < 0) out += word.join('').toLowerCase();
    else out += word.slice(0, first).join('').toLowerCase() + titlecaseFull(word[first]) + word.slice(first + 1).join('').toLowerCase();
    i = j;
  }
  return out;
}

const CATEGORIES = ['Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'Mn', 'Mc', 'Me', 'Nd', 'Nl', 'No', 'Ps', 'Pe', 'Pi', 'Pf', 'Pd', 'Pc', 'Po', 'Sc', 'Sm', 'Sk', 'So', 'Zs', 'Zp', 'Zl', 'Cc', 'Cf', 'Cs', 'Co'].map(
  (c) => [c.toLowerCase(), new RegExp(`^\\p{${c}}$`, 'u')] as const,
);

function generalCategory(code: number): string {
  const c = String.fromCodePoint(code);
  for (const [name, re] of CATEGORIES) if (re.test(c)) return name;
  return 'cn';
}

function ciStringCompare(name: string, holds: (a: string, b: string) => boolean) {
  return (...xs: Value[]): boolean => {
    const ss = xs.map((x) => foldcase(checkString(name, x).s));
    for (let i = 0; i + 1 < ss.length; i++) if (!holds(ss[i], ss[i + 1])) return false;
    return true;
  };
}

function ciCharCompare(name: string, holds: (a: number, b: number) => boolean) {
  return (...xs: Value[]): boolean => {
    const cs = xs.map((x) => charFoldcase(checkChar(name, x).code));
    for (let i = 0; i + 1 < cs.length; i++) if (!holds(cs[i], cs[i + 1])) return false;
    return true;
  };
}

function charTest(t: PrimTable, name: string, test: (code: number) => boolean): void {
  t.fn(name, 1, 1, (c: Value) => test(checkChar(name, c).code));
}

export function installCharsStringsMore(t: PrimTable): void {
  const orders: [string, (a: number | string, b: number | string) => boolean][] = [
    ['=', (a, b) => a === b],
    ['<', (a, b) => a < b],
    ['>', (a, b) => a > b],
    ['<=', (a, b) => a <= b],
    ['>=', (a, b) => a >= b],
  ];
  for (const [op, holds] of orders) {
    t.fn(`string-ci${op}?`, 1, -1, ciStringCompare(`string-ci${op}?`, holds));
    t.fn(`char-ci${op}?`, 1, -1, ciCharCompare(`char-ci${op}?`, holds));
  }

  t.fn('char-titlecase', 1, 1, (c: Value) => Char.of(charTitlecase(checkChar('char-titlecase', c).code)));
  t.fn('char-foldcase', 1, 1, (c: Value) => Char.of(charFoldcase(checkChar('char-foldcase', c).code)));
  t.fn('char-general-category', 1, 1, (c: Value) => sym(generalCategory(checkChar('char-general-category', c).code)));
  charTest(t, 'char-blank?', (code) => code === 9 || generalCategory(code) === 'zs');
  charTest(t, 'char-graphic?', (code) => /^[lnmps]/.test(generalCategory(code)));
  charTest(t, 'char-symbolic?', (code) => generalCategory(code)[0] === 's');
  charTest(t, 'char-iso-control?', (code) => code <= 0x1f || (code >= 0x7f && code <= 0x9f));

  t.fn('string-titlecase', 1, 1, (s: Value) => str(titlecase(checkString('string-titlecase', s).s)));
  t.fn('string-foldcase', 1, 1, (s: Value) => str(foldcase(checkString('string-foldcase', s).s)));
  t.fn('string-append-immutable', 0, -1, (...xs: Value[]) => new RString(xs.map((x) => checkString('string-append-immutable', x).s).join(''), true));

  t.fn('string-fill!', 2, 2, (s: Value, c: Value) => {
    if (!(s instanceof RString) || s.immutable) return argError('string-fill!', 'mutable-string?', s);
    const fill = String.fromCodePoint(checkChar('string-fill!', c).code);
    s.s = fill.repeat(Array.from(s.s).length);
    return VOID;
  });

  t.fn('string-copy!', 3, 5, (dest: Value, destStart: Value, src: Value, srcStart: Value = 0, srcEnd?: Value) => {
    const who = 'string-copy!';
    if (!(dest instanceof RString) || dest.immutable) return argError(who, '(and/c string? (not/c immutable?))', dest);
    checkIndex(who, destStart);
    const source = Array.from(checkString(who, src).s);
    checkIndex(who, srcStart);
    if (srcEnd !== undefined) checkIndex(who, srcEnd);
    const target = Array.from(dest.s);
    const [at] = checkRange(who, 'string', dest, target.length, destStart, target.length);
    const [a, e] = checkRange(who, 'string', src, source.length, srcStart, srcEnd);
    if (at + (e - a) > target.length) {
      argumentsError(who, 'not enough room in target string', ['target length', target.length], ['needed length', at + (e - a)]);
    }
    target.splice(at, e - a, ...source.slice(a, e));
    dest.s = target.join('');
    return VOID;
  });
}
