// Characters: code points, case (upcase, downcase, titlecase, foldcase),
// Unicode classes and general categories, and comparisons (case-sensitive
// and not).

import { argError } from '../errors/messages.js';
import { Char, sym, type Value } from '../values/types.js';
import { checkChar } from './check.js';
import type { PrimTable } from './table.js';

/** The comparisons of the char- and string- ordering procedures (`char<?`, `string-ci<=?`, ...), by name. */
export const ORDERS: readonly [string, (a: number | string, b: number | string) => boolean][] = [
  ['=', (a, b) => a === b],
  ['<', (a, b) => a < b],
  ['>', (a, b) => a > b],
  ['<=', (a, b) => a <= b],
  ['>=', (a, b) => a >= b],
];

function charCompare(name: string, cmp: (a: number, b: number) => boolean) {
  return (...xs: Value[]): boolean => {
    const cs = xs.map((x) => checkChar(name, x).code);
    for (let i = 0; i + 1 < cs.length; i++) if (!cmp(cs[i], cs[i + 1])) return false;
    return true;
  };
}

/** The characters whose titlecase differs from their uppercase (the Latin digraphs). */
export const TITLECASE: Record<number, number> = {
  0x1c4: 0x1c5,
  0x1c5: 0x1c5,
  0x1c6: 0x1c5,
  0x1c7: 0x1c8,
  0x1c8: 0x1c8,
  0x1c9: 0x1c8,
  0x1ca: 0x1cb,
  0x1cb: 0x1cb,
  0x1cc: 0x1cb,
  0x1f1: 0x1f2,
  0x1f2: 0x1f2,
  0x1f3: 0x1f2,
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
export function charFoldcase(code: number): number {
  const up = Array.from(String.fromCodePoint(code).toUpperCase());
  if (up.length !== 1) return simpleMap(code, (s) => s.toLowerCase());
  return simpleMap(up[0].codePointAt(0)!, (s) => s.toLowerCase());
}

const CATEGORIES = [
  'Lu',
  'Ll',
  'Lt',
  'Lm',
  'Lo',
  'Mn',
  'Mc',
  'Me',
  'Nd',
  'Nl',
  'No',
  'Ps',
  'Pe',
  'Pi',
  'Pf',
  'Pd',
  'Pc',
  'Po',
  'Sc',
  'Sm',
  'Sk',
  'So',
  'Zs',
  'Zp',
  'Zl',
  'Cc',
  'Cf',
  'Cs',
  'Co',
].map((c) => [c.toLowerCase(), new RegExp(`^\\p{${c}}$`, 'u')] as const);

function generalCategory(code: number): string {
  const c = String.fromCodePoint(code);
  for (const [name, re] of CATEGORIES) if (re.test(c)) return name;
  return 'cn';
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

export function installChars(t: PrimTable): void {
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
  const charClass = (name: string, re: RegExp) => t.fn(name, 1, 1, (c) => re.test(String.fromCodePoint(checkChar(name, c).code)));
  charClass('char-alphabetic?', /^\p{Alphabetic}$/u);
  // Racket's: a Numeric_Type other than None (digits, letter numbers, other numbers, and the compatibility ideographs with a numeric value).
  charClass('char-numeric?', /^[\p{Nd}\p{Nl}\p{No}\u{F96B}\u{F973}\u{F978}\u{F9B2}\u{F9D1}\u{F9D3}\u{F9FD}\u{2F890}]$/u);
  charClass('char-whitespace?', /^\p{White_Space}$/u);
  // The Uppercase and Lowercase properties, as Racket's: Lu or Ll plus Other_Uppercase/Other_Lowercase (Ⅰ, Ⓐ, ª, ʰ).
  charClass('char-upper-case?', /^\p{Uppercase}$/u);
  charClass('char-lower-case?', /^\p{Lowercase}$/u);
  charClass('char-title-case?', /^\p{Lt}$/u);
  charClass('char-extended-pictographic?', /^\p{Extended_Pictographic}$/u);
  charClass('char-punctuation?', /^\p{P}$/u);
  for (const [op, holds] of ORDERS) t.fn(`char${op}?`, 1, -1, charCompare(`char${op}?`, holds));
  for (const [op, holds] of ORDERS) t.fn(`char-ci${op}?`, 1, -1, ciCharCompare(`char-ci${op}?`, holds));
  t.fn('char-titlecase', 1, 1, (c: Value) => Char.of(charTitlecase(checkChar('char-titlecase', c).code)));
  t.fn('char-foldcase', 1, 1, (c: Value) => Char.of(charFoldcase(checkChar('char-foldcase', c).code)));
  t.fn('char-general-category', 1, 1, (c: Value) => sym(generalCategory(checkChar('char-general-category', c).code)));
  charTest(t, 'char-blank?', (code) => code === 9 || generalCategory(code) === 'zs');
  charTest(t, 'char-graphic?', (code) => /^[lnmps]/.test(generalCategory(code)));
  charTest(t, 'char-symbolic?', (code) => generalCategory(code)[0] === 's');
  charTest(t, 'char-iso-control?', (code) => code <= 0x1f || (code >= 0x7f && code <= 0x9f));
}
