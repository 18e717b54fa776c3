// Strings: construction, access, mutation, comparison (case-sensitive and
// not), case conversion and folding. racket/string is in string-lib.ts;
// conversions to and from byte strings are in bytes.ts.

import { argError, indexRangeError, argumentsError } from '../errors/messages.js';
import { Char, RString, VOID, listFromArray, listToArray, str, type Value } from '../values/types.js';
import { ORDERS, TITLECASE } from './chars.js';
import { checkAllocationLength, checkChar, checkIndex, checkList, checkRange, checkString, MAX_STRING_LENGTH } from './check.js';
import type { PrimTable } from './table.js';

function stringCompare(name: string, cmp: (a: string, b: string) => boolean) {
  return (...xs: Value[]): boolean => {
    const ss = xs.map((x) => checkString(name, x).s);
    for (let i = 0; i + 1 < ss.length; i++) if (!cmp(ss[i], ss[i + 1])) return false;
    return true;
  };
}

/** Code points of a JS string (Racket string indices count code points). */
export function codePoints(s: string): string[] {
  return Array.from(s);
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
    else
      out +=
        word.slice(0, first).join('').toLowerCase() +
        titlecaseFull(word[first]) +
        word
          .slice(first + 1)
          .join('')
          .toLowerCase();
    i = j;
  }
  return out;
}

function ciStringCompare(name: string, holds: (a: string, b: string) => boolean) {
  return (...xs: Value[]): boolean => {
    const ss = xs.map((x) => foldcase(checkString(name, x).s));
    for (let i = 0; i + 1 < ss.length; i++) if (!holds(ss[i], ss[i + 1])) return false;
    return true;
  };
}

export function installStrings(t: PrimTable): void {
  t.fn('string?', 1, 1, (v) => v instanceof RString);
  t.fn('string-length', 1, 1, (s) => checkString('string-length', s).length);
  t.fn('string-ref', 2, 2, (s: Value, k: Value) => {
    const str = checkString('string-ref', s);
    const i = checkIndex('string-ref', k, 1, [s, k]);
    const n = str.length;
    if (i >= n) indexRangeError('string-ref', 'string', k, n, s);
    return Char.of(str.codeAt(i));
  });
  t.fn('string-set!', 3, 3, (s: Value, k: Value, c: Value) => {
    if (!(s instanceof RString) || s.immutable) return argError('string-set!', 'mutable-string?', s);
    const i = checkIndex('string-set!', k);
    const n = s.length;
    if (i >= n) indexRangeError('string-set!', 'string', k, n, s);
    s.setChar(i, String.fromCodePoint(checkChar('string-set!', c).code));
    return VOID;
  });
  t.fn('substring', 2, 3, (s: Value, start: Value, end?: Value) => {
    const text = checkString('substring', s);
    const [a, b] = checkRange('substring', 'string', s, text.length, start, end);
    return str(text.slice(a, b));
  });
  t.fn('string-append', 0, -1, (...xs: Value[]) => str(xs.map((x) => checkString('string-append', x).s).join('')));
  t.fn('string', 0, -1, (...cs: Value[]) => str(cs.map((c) => String.fromCodePoint(checkChar('string', c).code)).join('')));
  t.fn('make-string', 1, 2, (k: Value, c: Value = Char.of(0)) =>
    str(
      String.fromCodePoint(checkChar('make-string', c).code).repeat(
        checkAllocationLength('make-string', 'valid-string-length?', 'string', MAX_STRING_LENGTH, k),
      ),
    ),
  );
  t.fn('string-copy', 1, 1, (s) => str(checkString('string-copy', s).s));
  t.fn('string->immutable-string', 1, 1, (s) => {
    const x = checkString('string->immutable-string', s);
    return x.immutable ? x : new RString(x.s, true);
  });
  t.fn('string->list', 1, 1, (s) => listFromArray(codePoints(checkString('string->list', s).s).map((c) => Char.of(c.codePointAt(0)!))));
  t.fn('list->string', 1, 1, (l) =>
    str(
      listToArray(checkList('list->string', l))
        .map((c) => String.fromCodePoint(checkChar('list->string', c).code))
        .join(''),
    ),
  );
  t.fn('string-upcase', 1, 1, (s) => str(checkString('string-upcase', s).s.toUpperCase()));
  t.fn('string-downcase', 1, 1, (s) => str(checkString('string-downcase', s).s.toLowerCase()));
  for (const [op, holds] of ORDERS) t.fn(`string${op}?`, 1, -1, stringCompare(`string${op}?`, holds));
  for (const [op, holds] of ORDERS) t.fn(`string-ci${op}?`, 1, -1, ciStringCompare(`string-ci${op}?`, holds));
  t.fn('string-titlecase', 1, 1, (s: Value) => str(titlecase(checkString('string-titlecase', s).s)));
  for (const form of ['NFC', 'NFD', 'NFKC', 'NFKD'] as const) {
    const name = `string-normalize-${form.toLowerCase()}`;
    t.fn(name, 1, 1, (s: Value) => str(checkString(name, s).s.normalize(form)));
  }
  t.fn('string-foldcase', 1, 1, (s: Value) => str(foldcase(checkString('string-foldcase', s).s)));
  t.fn(
    'string-append-immutable',
    0,
    -1,
    (...xs: Value[]) => new RString(xs.map((x) => checkString('string-append-immutable', x).s).join(''), true),
  );

  t.fn('string-fill!', 2, 2, (s: Value, c: Value) => {
    if (!(s instanceof RString) || s.immutable) return argError('string-fill!', 'mutable-string?', s);
    const fill = String.fromCodePoint(checkChar('string-fill!', c).code);
    s.s = fill.repeat(s.length);
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
