// Locales: current-locale and the locale-sensitive string procedures
// (string-locale<? and friends, string-locale-upcase/downcase,
// bytes->string/locale, string->bytes/locale, locale-string-encoding) and
// system-language+country.
//
// Racket asks the C library. On Node there is no setlocale, so the locale a
// name stands for is classified the way glibc treats it:
// - #f: locale sensitivity off — Racket's own comparisons, case folding for
//   the -ci comparisons, UTF-8;
// - "C" and "POSIX" (and "" when the environment names no locale): ASCII
//   only, bytes compared in order;
// - any other name (a UTF-8 locale such as C.UTF-8): characters compared by
//   code point, case mapped one character at a time (simple mappings).
// Collation of a named language locale (en_US.UTF-8) by its own rules is not
// reproduced: its strings are ordered by code point, as in C.UTF-8.

import type { Machine } from '../eval/machine.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { argError, argumentsError } from '../errors/messages.js';
import { decodeUtf8 } from '../values/utf8.js';
import { decodeUtf8Chars } from '../values/utf8-lenient.js';
import { encodeUtf8 } from '../values/utf8.js';
import { Char, RBytes, RString, str, type Value } from '../values/types.js';
import { ORDERS } from './chars.js';
import { checkBytes, checkRange, checkString } from './check.js';
import { codePoints, foldcase } from './strings.js';
import type { PrimTable } from './table.js';

export const currentLocale = new Parameter(
  new RString('', true),
  new Primitive('current-locale', 1, 1, (v: Value) => {
    if (v === false) return v;
    if (v instanceof RString) return v.immutable ? v : new RString(v.s, true);
    return argError('current-locale', '(or/c #f string?)', v);
  }),
  'current-locale',
);

type LocaleKind = 'off' | 'c' | 'utf8';

/** The locale named in the environment, as setlocale(LC_ALL, "") would find it for `category`. */
function environmentLocale(m: Machine, category: string): string {
  const env = (name: string) => m.rt.host.getenv?.(name);
  for (const name of ['LC_ALL', category, 'LANG']) {
    const v = env(name);
    if (v !== undefined && v !== '') return v;
  }
  return 'C';
}

function localeKind(m: Machine, category = 'LC_CTYPE'): LocaleKind {
  const loc = m.paramValue(currentLocale);
  if (loc === false) return 'off';
  let name = (loc as RString).s;
  if (name === '') name = environmentLocale(m, category);
  return name === 'C' || name === 'POSIX' ? 'c' : 'utf8';
}

/** A character's simple (one-to-one) case mapping, as towupper/towlower give it. */
function simpleCase(c: string, up: boolean): string {
  const m = up ? c.toUpperCase() : c.toLowerCase();
  return m.length === c.length || Array.from(m).length === 1 ? m : c;
}

function mapCase(s: string, up: boolean, kind: LocaleKind): string {
  let out = '';
  for (const c of s) {
    if (kind === 'c') out += c.charCodeAt(0) < 0x80 ? (up ? c.toUpperCase() : c.toLowerCase()) : c;
    else out += simpleCase(c, up);
  }
  return out;
}

/** Code point order (UTF-16 order differs from it for astral characters). */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function localeCompare(name: string, ci: boolean, holds: (a: number, b: number) => boolean) {
  return function (this: Machine, ...xs: Value[]): boolean {
    const ss = xs.map((x) => checkString(name, x).s);
    const kind = localeKind(this, 'LC_COLLATE');
    const key = (s: string) => (!ci ? s : kind === 'off' ? foldcase(s) : mapCase(s, false, kind));
    const keys = ss.map(key);
    for (let i = 0; i + 1 < keys.length; i++) if (!holds(compareCodePoints(keys[i], keys[i + 1]), 0)) return false;
    return true;
  };
}

function checkErrChar(who: string, v: Value): string | null {
  if (v === false) return null;
  if (v instanceof Char) return String.fromCodePoint(v.code);
  return argError(who, '(or/c char? #f)', v);
}

function bytesToStringLocale(this: Machine, b: Value, errChar: Value = false, start: Value = 0, end?: Value): Value {
  const who = 'bytes->string/locale';
  const all = checkBytes(who, b).bytes;
  const bad = checkErrChar(who, errChar);
  const [s, e] = checkRange(who, 'byte string', b, all.length, start, end);
  const kind = localeKind(this);
  // Racket 8.7 checks the range but converts the whole byte string unless locale sensitivity is off.
  const bytes = kind === 'off' ? all.subarray(s, e) : all;
  if (kind === 'c') {
    let out = '';
    for (const x of bytes) {
      if (x < 0x80) out += String.fromCharCode(x);
      else if (bad !== null) out += bad;
      else invalidBytes(who, bytes);
    }
    return str(out);
  }
  const text = decodeUtf8(bytes);
  if (text !== null) return str(text);
  if (bad === null) {
    if (kind === 'off') {
      argumentsError('bytes->string/utf-8', 'byte string is not a well-formed UTF-8 encoding', [
        'byte string',
        new RBytes(bytes.slice(), false),
      ]);
    }
    invalidBytes(who, bytes);
  }
  return str(
    decodeUtf8Chars(bytes)
      .map((c) => (c.code < 0 ? bad : String.fromCodePoint(c.code)))
      .join(''),
  );
}

function invalidBytes(who: string, bytes: Uint8Array): never {
  return argumentsError(who, 'byte string is not a valid encoding for the current locale', [
    'byte string',
    new RBytes(bytes.slice(), false),
  ]);
}

function stringToBytesLocale(this: Machine, s: Value, errByte: Value = false, start: Value = 0, end?: Value): Value {
  const who = 'string->bytes/locale';
  const text = checkString(who, s).s;
  if (errByte !== false && !(typeof errByte === 'number' && Number.isInteger(errByte) && errByte >= 0 && errByte <= 255)) {
    return argError(who, '(or/c byte? #f)', errByte);
  }
  const cps = codePoints(text);
  const [a, e] = checkRange(who, 'byte string', s, cps.length, start, end);
  const part = cps.slice(a, e);
  if (localeKind(this) !== 'c') return new RBytes(encodeUtf8(part.join('')), false);
  const out: number[] = [];
  for (const c of part) {
    const code = c.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (errByte !== false) out.push(errByte as number);
    else argumentsError(who, 'string cannot be encoded for the current locale', ['string', s]);
  }
  return new RBytes(Uint8Array.from(out), false);
}

/** The language and country of the environment's locale (`en_US` when it names none). */
function systemLanguageCountry(this: Machine): Value {
  const name = environmentLocale(this, 'LC_CTYPE');
  return str(/^[A-Za-z]+_[A-Za-z]+(\.[^@]*)?$/.test(name) ? name : 'en_US');
}

export function installLocale(t: PrimTable): void {
  t.value('current-locale', currentLocale);
  for (const [op, holds] of ORDERS) {
    if (op === '<=' || op === '>=') continue;
    t.fn(`string-locale${op}?`, 1, -1, localeCompare(`string-locale${op}?`, false, holds));
    t.fn(`string-locale-ci${op}?`, 1, -1, localeCompare(`string-locale-ci${op}?`, true, holds));
  }
  t.fn('string-locale-upcase', 1, 1, function (this: Machine, s: Value) {
    return str(mapCase(checkString('string-locale-upcase', s).s, true, localeKind(this)));
  });
  t.fn('string-locale-downcase', 1, 1, function (this: Machine, s: Value) {
    return str(mapCase(checkString('string-locale-downcase', s).s, false, localeKind(this)));
  });
  t.fn('locale-string-encoding', 0, 0, function (this: Machine) {
    return str(localeKind(this) === 'c' ? 'ANSI_X3.4-1968' : 'UTF-8');
  });
  t.fn('bytes->string/locale', 1, 4, bytesToStringLocale);
  t.fn('string->bytes/locale', 1, 4, stringToBytesLocale);
  t.fn('system-language+country', 0, 0, systemLanguageCountry);
}
