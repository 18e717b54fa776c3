// Character-level scanning shared by the lexer's custom token patterns and the
// parser's decoders. Each function follows the corresponding part of Racket
// 8.7's reader (racket/src/expander/read/*.rkt) closely enough to consume
// exactly the characters Racket consumes, which fixes error spans.
//
// Offsets are UTF-16 indexes into the text; -1 stands for end-of-file where a
// character code is expected.

/** An error found while scanning: message (without location or `who`), the
 * offset where Racket's port stands when it raises, and whether it is an
 * end-of-file error (`exn:fail:read:eof`). */
export interface ScanError {
  readonly msg: string;
  readonly end: number;
  readonly eof: boolean;
}

export function scanError(msg: string, end: number, eof = false): ScanError {
  return { msg, end, eof };
}

// ---------------------------------------------------------------------------
// Character classes

/** Racket's `char-whitespace?`, plus U+FEFF, which Racket 8.7's reader also
 * skips and treats as a delimiter. */
export function isWhitespace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Racket's `char-whitespace?` exactly (used where the reader calls it directly). */
export function isRacketWhitespace(c: number): boolean {
  return c !== 0xfeff && isWhitespace(c);
}

/** Characters that end a symbol, number, `#t`, `.` and the like. EOF (-1) too. */
export function isDelimiter(c: number): boolean {
  switch (c) {
    case -1:
    case 40: // (
    case 41: // )
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 34: // "
    case 44: // ,
    case 39: // '
    case 96: // `
    case 59: // ;
      return true;
    default:
      return isWhitespace(c);
  }
}

/** The character code at `i`, or -1 past the end. */
export function codeAt(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : -1;
}

/** The code point at `i`, or -1 past the end. */
export function pointAt(text: string, i: number): number {
  if (i >= text.length) return -1;
  return text.codePointAt(i)!;
}

/** UTF-16 length of the code point `cp`. */
export function cpLen(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

const ALPHA = /\p{Alphabetic}/u;
/** Racket's `char-alphabetic?` (Unicode Alphabetic property). */
export function isAlphabetic(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return cp >= 0 && ALPHA.test(String.fromCodePoint(cp));
}

export function isOctal(c: number): boolean {
  return c >= 48 && c <= 55;
}

export function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Racket's `string-foldcase`, near enough (full folding such as ß -> ss). */
export function foldcase(s: string): string {
  // Fast path for ASCII
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s.toUpperCase().toLowerCase();
}

// ---------------------------------------------------------------------------
// Symbols, numbers and keywords

/** Whether `|` quotes in symbols (read-accept-bar-quote); set around each tokenizing. */
let barQuote = true;

export function setBarQuote(on: boolean): void {
  barQuote = on;
}

export function barQuoteOn(): boolean {
  return barQuote;
}

/** Whether `.` ends a symbol or number, for `a.b` as `(#%dot a b)` (read-cdot). */
let cdot = false;

export function setCdot(on: boolean): void {
  cdot = on;
}

export function cdotOn(): boolean {
  return cdot;
}

/** A run of characters that are neither delimiters nor `|` or `\\`. */
const ATOM_RUN = /[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff()[\]{}",'`;|\\]*/y;

/** The same without `.` (read-cdot). */
const ATOM_RUN_CDOT = /[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff()[\]{}",'`;|\\.]*/y;

/** The end of a symbol-or-number starting at `i`: up to a delimiter outside
 * `|...|`, with `\` quoting one character. Runs to the end of the text when a
 * `|` or `\` is left open (the decoder reports that). */
export function scanAtomEnd(text: string, i: number): number {
  const n = text.length;
  // Fast path (a native regexp scan): plain characters up to a delimiter.
  const run = cdot ? ATOM_RUN_CDOT : ATOM_RUN;
  run.lastIndex = i;
  run.test(text);
  i = run.lastIndex;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 46 && cdot) return i;
    if (c === 124 && barQuote) {
      const j = text.indexOf('|', i + 1);
      if (j < 0) return n;
      i = j + 1;
    } else if (c === 92) {
      i += 2;
    } else if (isDelimiter(c)) {
      return i;
    } else {
      i++;
    }
  }
  return n;
}

export interface DecodedAtom {
  str: string;
  quoted: boolean;
}

/**
 * Decode a symbol-or-number between `start` and `end` (as found by
 * scanAtomEnd): drop `|` quotes and `\` escapes, fold case outside quotes when
 * reading case-insensitively. `what` names the thing in EOF messages.
 */
export function decodeAtom(
  text: string,
  start: number,
  end: number,
  caseSensitive: boolean,
  what: 'symbol' | 'keyword' | 'number',
): DecodedAtom | ScanError {
  // Fast path: no quoting at all
  const whole = text.slice(start, end);
  const bar = barQuote ? whole.indexOf('|') : -1;
  const backslash = whole.indexOf('\\');
  if (bar < 0 && backslash < 0) return { str: caseSensitive ? whole : foldcase(whole), quoted: false };
  let i = start + (bar < 0 ? backslash : backslash < 0 ? bar : Math.min(bar, backslash));
  let str = caseSensitive ? text.slice(start, i) : foldcase(text.slice(start, i));
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 124 && barQuote) {
      const j = text.indexOf('|', i + 1);
      if (j < 0 || j >= end) return scanError(`end-of-file following \`|\` in ${what}`, text.length, true);
      str += text.slice(i + 1, j);
      i = j + 1;
    } else if (c === 92) {
      if (i + 1 >= end) return scanError(`end-of-file following \`\\\` in ${what}`, text.length, true);
      const cp = text.codePointAt(i + 1)!;
      str += String.fromCodePoint(cp);
      i += 1 + cpLen(cp);
    } else {
      let j = i + 1;
      while (j < end) {
        const d = text.charCodeAt(j);
        if ((d === 124 && barQuote) || d === 92) break;
        j++;
      }
      str += caseSensitive ? text.slice(i, j) : foldcase(text.slice(i, j));
      i = j;
    }
  }
  return { str, quoted: true };
}

// ---------------------------------------------------------------------------
// Comments

const COMMENT_RUN = /[^|#]*/y;

/** End of a `#|...|#` comment starting at `i` (nesting counts), or -1 when it
 * is not closed. */
export function scanBlockComment(text: string, i: number): number {
  const n = text.length;
  let j = i + 2;
  let prev = 0;
  let depth = 0;
  while (j < n) {
    // skip quickly to the next `|` or `#` (other characters only reset `prev`)
    if (prev !== 124 && prev !== 35) {
      COMMENT_RUN.lastIndex = j;
      COMMENT_RUN.test(text);
      j = COMMENT_RUN.lastIndex;
      if (j >= n) break;
    }
    const c = text.charCodeAt(j++);
    if (c === 124 && prev === 35) {
      depth++;
      prev = 0;
    } else if (c === 35 && prev === 124) {
      if (depth === 0) return j;
      depth--;
      prev = 0;
    } else {
      prev = c;
    }
  }
  return -1;
}

/** End of a `#! ` or `#!/` line comment starting at `i`; a `\` just before the
 * newline continues it on the next line. */
export function scanShebangComment(text: string, i: number): number {
  const n = text.length;
  let j = i + 2;
  let backslash = false;
  while (j < n) {
    const c = text.charCodeAt(j++);
    if (c === 10) {
      if (!backslash) return j;
      backslash = false;
    } else {
      backslash = c === 92;
    }
  }
  return n;
}

// ---------------------------------------------------------------------------
// Strings

/** End of a string whose opening `"` is at `q`: after the closing `"`, or the
 * end of the text. */
export function scanStringEnd(text: string, q: number): number {
  const n = text.length;
  let j = q + 1;
  while (j < n) {
    STRING_RUN.lastIndex = j;
    STRING_RUN.test(text);
    j = STRING_RUN.lastIndex;
    if (j >= n) break;
    if (text.charCodeAt(j) === 34) return j + 1;
    j += 2; // a backslash and the character it escapes
  }
  return n;
}

/** A run of string characters other than `"` and `\\`. */
const STRING_RUN = /[^"\\]*/y;

export interface DecodedString {
  /** The characters (for a byte string, each is one byte, 0-255). */
  value: string;
  end: number;
}

/**
 * Decode a string literal whose content starts at `i` (just after the opening
 * `"`), as Racket's `read-string` does. `bytes` selects byte-string rules.
 */
export function decodeString(text: string, i: number, bytes: boolean): DecodedString | ScanError {
  const n = text.length;
  const mode = bytes ? 'byte string' : 'string';
  // Racket 8.7 ends the span of this error just after the opening quote.
  const contentStart = i;
  const unclosed = (): ScanError => scanError('expected a closing `"`', contentStart, true);
  // Fast path: no escapes, and no characters out of range for a byte string
  STRING_RUN.lastIndex = i;
  STRING_RUN.test(text);
  const stop = STRING_RUN.lastIndex;
  if (stop < n && text.charCodeAt(stop) === 34) {
    const value = text.slice(i, stop);
    if (!bytes || !/[^\x00-\xff]/.test(value)) return { value, end: stop + 1 };
  }
  let out = '';
  let runStart = i;
  while (true) {
    if (i >= n) return unclosed();
    const c = text.charCodeAt(i);
    if (c === 34) {
      out += text.slice(runStart, i);
      return { value: out, end: i + 1 };
    }
    if (c !== 92) {
      if (bytes && c > 255) {
        const cp = text.codePointAt(i)!;
        return scanError(`character \`${String.fromCodePoint(cp)}\` is out of range in byte string`, i + cpLen(cp));
      }
      i++;
      continue;
    }
    // An escape
    out += text.slice(runStart, i);
    i++;
    if (i >= n) return unclosed();
    const e = text.codePointAt(i)!;
    const eChar = String.fromCodePoint(e);
    i += cpLen(e);
    switch (e) {
      case 92: // \\
      case 34: // \"
      case 39: // \'
        out += eChar;
        break;
      case 97: // a
        out += '\x07';
        break;
      case 98: // b
        out += '\b';
        break;
      case 116: // t
        out += '\t';
        break;
      case 110: // n
        out += '\n';
        break;
      case 118: // v
        out += '\v';
        break;
      case 102: // f
        out += '\f';
        break;
      case 114: // r
        out += '\r';
        break;
      case 101: // e
        out += '\x1b';
        break;
      case 10: // backslash-newline: nothing
        break;
      case 13: // backslash-return, maybe followed by a newline
        if (codeAt(text, i) === 10) i++;
        break;
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55: {
        // octal: up to 3 digits in all
        let v = e - 48;
        const digitsStart = i - 1;
        for (let k = 0; k < 2 && isOctal(codeAt(text, i)); k++) v = v * 8 + (text.charCodeAt(i++) - 48);
        if (v > 255) {
          return scanError(`escape sequence \`\\${text.slice(digitsStart, i)}\` is out of range in ${mode}`, i);
        }
        out += String.fromCharCode(v);
        break;
      }
      case 120: {
        // \x: 1-2 hex digits
        const r = readHex(text, i, 2);
        if (r.count === 0) return noHex(text, i, 'x');
        i += r.count;
        out += String.fromCharCode(r.value);
        break;
      }
      case 117: {
        // \u: 1-4 hex digits, surrogate pairs as two \u escapes
        if (bytes) return scanError(`unknown escape sequence \`\\u\` in ${mode}`, i);
        const digitsStart = i;
        const r = readHex(text, i, 4);
        if (r.count === 0) return noHex(text, i, 'u');
        i += r.count;
        const v = r.value;
        if (v < 0xd800 || v > 0xdfff) {
          out += String.fromCharCode(v);
          break;
        }
        // A surrogate: must be followed by \u and a low surrogate
        let v2: number | null = null;
        let eofSeen = false;
        const c1 = pointAt(text, i);
        if (c1 < 0) eofSeen = true;
        else {
          i += cpLen(c1);
          if (c1 === 92) {
            const c2 = pointAt(text, i);
            if (c2 < 0) eofSeen = true;
            else {
              i += cpLen(c2);
              if (c2 === 117) {
                const r2 = readHex(text, i, 4);
                if (r2.count > 0) {
                  i += r2.count;
                  if (r2.value >= 0xdc00 && r2.value <= 0xdfff) v2 = r2.value;
                } else if (i >= n) eofSeen = true;
              }
            }
          }
        }
        const accum = text.slice(digitsStart, i);
        if (v2 === null) {
          return scanError(`bad or incomplete surrogate-style encoding at \`\\u${accum}\``, i, eofSeen);
        }
        const combined = ((v - 0xd800) << 10) + (v2 - 0xdc00) + 0x10000;
        if (combined > 0x10ffff) {
          return scanError(`escape sequence \`\\u${accum}\` is out of range in string`, i);
        }
        out += String.fromCodePoint(combined);
        break;
      }
      case 85: {
        // \U: 1-8 hex digits
        if (bytes) return scanError(`unknown escape sequence \`\\U\` in ${mode}`, i);
        const r = readHex(text, i, 8);
        if (r.count === 0) return noHex(text, i, 'U');
        const digits = text.slice(i, i + r.count);
        i += r.count;
        const v = r.value;
        if ((v < 0xd800 || v > 0xdfff) && v <= 0x10ffff) out += String.fromCodePoint(v);
        else return scanError(`escape sequence \`\\U${digits}\` is out of range in string`, i);
        break;
      }
      default:
        return scanError(`unknown escape sequence \`\\${eChar}\` in ${mode}`, i);
    }
    runStart = i;
  }
}

function readHex(text: string, i: number, max: number): { value: number; count: number } {
  let value = 0;
  let count = 0;
  while (count < max) {
    const h = hexValue(codeAt(text, i + count));
    if (h < 0) break;
    value = value * 16 + h;
    count++;
  }
  return { value, count };
}

function noHex(text: string, i: number, which: string): ScanError {
  return scanError(`no hex digit following \`\\${which}\``, i, i >= text.length);
}

/** A here string `#<<TERM` starting at `i`: the lines up to one that is
 * exactly TERM, joined with newlines (as Racket 8.7 reads them). */
export function scanHereString(text: string, i: number): DecodedString | ScanError {
  const n = text.length;
  const nl = text.indexOf('\n', i + 3);
  if (nl < 0) return scanError('found end-of-file after `#<<` and before a newline', n, true);
  const term = text.slice(i + 3, nl);
  let j = nl + 1;
  const lines: string[] = [];
  for (;;) {
    const e = text.indexOf('\n', j);
    const line = e < 0 ? text.slice(j) : text.slice(j, e);
    if (line === term) return { value: lines.join('\n'), end: e < 0 ? n : e + 1 };
    // Racket 8.7 ends the span of this error just after `#<<`.
    if (e < 0) return scanError(`found end-of-file before terminating \`${term}\``, i + 3, true);
    lines.push(line);
    j = e + 1;
  }
}

// ---------------------------------------------------------------------------
// Characters: `#\...`

const CHAR_NAMES: Record<string, number> = {
  nul: 0,
  null: 0,
  backspace: 8,
  tab: 9,
  newline: 10,
  linefeed: 10,
  vtab: 11,
  page: 12,
  return: 13,
  space: 32,
  rubout: 127,
};

export interface ScannedChar {
  code: number;
  end: number;
}

/** A character constant whose `#\` is at `i`. */
export function scanChar(text: string, i: number): ScannedChar | ScanError {
  const j = i + 2;
  const c = pointAt(text, j);
  if (c < 0) return scanError('expected a character after `#\\`', j, true);
  const cl = cpLen(c);
  if (isOctal(c)) {
    const c2 = codeAt(text, j + 1);
    if (!isOctal(c2)) return { code: c, end: j + 1 };
    const c3 = pointAt(text, j + 2);
    if (isOctal(c3)) {
      const v = (c - 48) * 64 + (c2 - 48) * 8 + (c3 - 48);
      if (v <= 255) return { code: v, end: j + 3 };
      return scanError(`bad character constant \`#\\${text.slice(j, j + 3)}\``, j + 3);
    }
    if (c3 < 0) return scanError(`bad character constant \`#\\${text.slice(j, j + 2)}\``, j + 2, true);
    return scanError(`bad character constant \`#\\${text.slice(j, j + 2 + cpLen(c3))}\``, j + 2 + cpLen(c3));
  }
  if (c === 117 || c === 85) {
    // u / U: maybe hex
    const r = readHex(text, j + 1, c === 117 ? 4 : 8);
    if (r.count === 0) return { code: c, end: j + 1 };
    const v = r.value;
    const end = j + 1 + r.count;
    if ((v < 0xd800 || v > 0xdfff) && v <= 0x10ffff) return { code: v, end };
    return scanError(`bad character constant \`#\\u${text.slice(j + 1, end)}\``, end);
  }
  if (isAlphabetic(c)) {
    const next = pointAt(text, j + cl);
    if (next < 0 || !isAlphabetic(next)) return { code: c, end: j + cl };
    let e = j + cl + cpLen(next);
    for (;;) {
      const d = pointAt(text, e);
      if (d < 0 || !isAlphabetic(d)) break;
      e += cpLen(d);
    }
    const name = foldcase(text.slice(j, e));
    const code = CHAR_NAMES[name];
    if (code !== undefined && Object.hasOwn(CHAR_NAMES, name)) return { code, end: e };
    return scanError(`bad character constant \`#\\${name}\``, e);
  }
  return { code: c, end: j + cl };
}

// ---------------------------------------------------------------------------
// `#t`, `#true`, `#f`, `#false`

export interface ScannedConstant {
  value: boolean;
  end: number;
}

/**
 * A boolean whose `#` is at `i` (followed by t, T, f or F). Returns null for
 * `#fx` / `#fl` (fixnum/flonum vectors), which are not booleans.
 */
export function scanBoolean(text: string, i: number): ScannedConstant | ScanError | null {
  const c = text.charCodeAt(i + 1);
  const isT = c === 116 || c === 84;
  const c2 = codeAt(text, i + 2);
  if (isDelimiter(c2)) return { value: isT, end: i + 2 };
  if ((c === 102 || c === 70) && (c2 === 120 || c2 === 108)) return null;
  const rest = isT ? 'rue' : 'alse';
  const canMatch = c === 116 || c === 102;
  let j = i + 2;
  let k = 0;
  for (;;) {
    const d = pointAt(text, j);
    if (isDelimiter(d)) {
      if (k < rest.length) return scanError(`bad syntax \`${text.slice(i, j)}\``, j, d < 0);
      return { value: isT, end: j };
    }
    if (k === rest.length) {
      return scanError(`bad syntax \`${text.slice(i, j + cpLen(d))}\``, j);
    }
    if (canMatch && d === rest.charCodeAt(k)) {
      j++;
      k++;
      continue;
    }
    return scanError(`bad syntax \`${text.slice(i, j + cpLen(d))}\``, j + cpLen(d));
  }
}

// ---------------------------------------------------------------------------
// `#hash(`, `#hasheq(`, `#hasheqv(`, `#hashalw(`

export type HashLiteralKind = 'equal' | 'eq' | 'eqv' | 'equal-always';

export interface ScannedHashOpen {
  kind: HashLiteralKind;
  /** offset just after the opener */
  end: number;
  opener: number;
}

/** Follows Racket's `read-hash` up to the opening paren; an error when the
 * text after `#h` is not a valid hash prefix. */
export function scanHashOpen(text: string, i: number): ScannedHashOpen | ScanError {
  let j = i + 2;
  const expect = (lower: number, what: string): ScanError | null => {
    const c = pointAt(text, j);
    if (c !== lower && c !== lower - 32) {
      const err = scanError(`expected \`${what}\` after \`${text.slice(i, j)}\``, c < 0 ? j : j + cpLen(c), c < 0);
      return err;
    }
    j++;
    return null;
  };
  const e1 = expect(97, 'a') ?? expect(115, 's') ?? expect(104, 'h');
  if (e1) return e1;
  let mode: HashLiteralKind = 'equal';
  for (;;) {
    const c = pointAt(text, j);
    if (c === 40 || c === 91 || c === 123) return { kind: mode, end: j + 1, opener: c };
    if (c === 101 || c === 69) {
      j++;
      const e = expect(113, 'q');
      if (e) return e;
      mode = 'eq';
      continue;
    }
    if (c === 118 || c === 86) {
      j++;
      if (mode === 'eq') {
        mode = 'eqv';
        continue;
      }
      return scanError(`bad syntax \`${text.slice(i, j)}\``, j);
    }
    if (c === 97 || c === 65) {
      j++;
      const e = expect(108, 'l') ?? expect(119, 'w');
      if (e) return e;
      if (mode === 'equal') {
        mode = 'equal-always';
        continue;
      }
      return scanError(`bad syntax \`${text.slice(i, j)}\``, j);
    }
    if (c < 0) return scanError(`bad syntax \`${text.slice(i, j)}\``, j, true);
    return scanError(`bad syntax \`${text.slice(i, j + cpLen(c))}\``, j + cpLen(c));
  }
}

// ---------------------------------------------------------------------------
// `#lang` and `#!` lines

/** Racket's `char-lang-nonsep?`: ASCII letters and digits, `-`, `+`, `_`. */
export function isLangNonsep(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 43 || c === 95;
}

export interface ScannedLang {
  name: string;
  nameStart: number;
  end: number;
}

/**
 * The language name after `#lang ` or `#!` starting at `i`. For `#lang`, the
 * caller has checked the five characters `#lang`.
 */
export function scanLang(text: string, i: number, shebang: boolean): ScannedLang | ScanError {
  const what = shebang ? '#!' : '#lang';
  let j: number;
  if (shebang) {
    j = i + 2;
  } else {
    const c = pointAt(text, i + 5);
    if (c !== 32) return scanError('expected a single space after `#lang`', c < 0 ? i + 5 : i + 5 + cpLen(c));
    j = i + 6;
  }
  const nameStart = j;
  for (;;) {
    const c = pointAt(text, j);
    if (c < 0) break;
    if (isRacketWhitespace(c) && j > nameStart) break;
    if (!shebang && c === 32) return scanError('expected a single space after `#lang`', j);
    if (isLangNonsep(c) || c === 47) {
      j++;
      continue;
    }
    const ch = String.fromCodePoint(c);
    return scanError(`expected only alphanumeric, \`-\`, \`+\`, \`_\`, or \`/\` characters for \`${what}\`, found \`${ch}\``, j + cpLen(c));
  }
  const name = text.slice(nameStart, j);
  if (name === '') {
    return scanError(
      `expected a non-empty sequence of alphanumeric, \`-\`, \`+\`, \`_\`, or \`/\` after \`${what}${shebang ? '' : ' '}\``,
      j,
    );
  }
  if (name.charCodeAt(0) === 47) return scanError(`expected a name that does not start \`/\` after \`${what}\``, j);
  if (name.charCodeAt(name.length - 1) === 47) {
    return scanError(`expected a name that does not end \`/\` after \`${what}\``, j);
  }
  return { name, nameStart, end: j };
}

// ---------------------------------------------------------------------------
// Errors for `#` followed by something the reader does not accept

const NOT_ENABLED_REASON =
  '\n  possible reason: not allowed again inside a module that already starts `#lang`, or not enabled for interactive evaluation';

/**
 * The error Racket reports for the `#` at `i`, when no valid `#` form starts
 * there (the lexer's catch-all token). Follows `read-dispatch`.
 */
export function dispatchError(text: string, i: number, mode = 'read-syntax'): ScanError {
  const c = pointAt(text, i + 1);
  if (c < 0) return scanError('bad syntax `#`', i + 1, true);
  const j = i + 1 + cpLen(c);
  const ch = String.fromCodePoint(c);
  if (c >= 48 && c <= 57) {
    let k = j;
    while (k < text.length && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    const d = pointAt(text, k);
    if (d < 0) return scanError(`bad syntax \`${text.slice(i, k)}#<eof>\``, k, true);
    if (d === 61 || d === 35) {
      return scanError(`\`#...${String.fromCharCode(d)}\` forms not enabled for \`${mode}\` mode`, k + 1);
    }
    return scanError(`bad syntax \`${text.slice(i, k + cpLen(d))}\``, k + cpLen(d));
  }
  switch (ch) {
    case 's': {
      const d = pointAt(text, j);
      return scanError('expected `(`, `[`, or `{` after `#s`', d < 0 ? j : j + cpLen(d));
    }
    case 'f':
    case 'F': {
      // #fx( / #fl( : fixnum and flonum vectors are not allowed in syntax
      const d = text[j];
      return scanError(`literal f${d}vectors not allowed`, j + 1);
    }
    case '<': {
      const d = codeAt(text, j);
      return scanError('bad syntax `#<`', j, d < 0);
    }
    case 'c':
    case 'C': {
      const d = pointAt(text, j);
      return scanError(`expected \`s', \`S\`, \`i\`, or \`I\` after \`#${ch}\``, d < 0 ? j : j + cpLen(d), d < 0);
    }
    case 'h':
    case 'H': {
      const r = scanHashOpen(text, i);
      return 'msg' in r ? r : scanError('bad syntax', r.end);
    }
    case 'r':
    case 'p': {
      const d = pointAt(text, j);
      if (d < 0) return scanError(`bad syntax \`#${ch}\``, j, true);
      const k = j + cpLen(d);
      if (d === 120) {
        // #rx / #px: must be followed by " or #"
        const e = pointAt(text, k);
        if (e === 35) {
          const f = pointAt(text, k + 1);
          return scanError(`expected \`"\` after \`#${ch}x#\``, f < 0 ? k + 1 : k + 1 + cpLen(f), f < 0);
        }
        return scanError(`expected \`"\` or \`#\` after \`#${ch}x\``, e < 0 ? k : k + cpLen(e), e < 0);
      }
      if (ch === 'r' && d === 101) return extensionPrefix(text, i, k, 'ader', '`#reader` not enabled');
      return scanError(`bad syntax \`#${ch}${String.fromCodePoint(d)}\``, k);
    }
    case 'l': {
      const r = extensionPrefix(text, i, j, 'ang', '');
      if (r.msg !== '') return r;
      const d = pointAt(text, r.end);
      if (d !== 32) return scanError('expected a single space after `#lang`', d < 0 ? r.end : r.end + cpLen(d));
      return scanError('`#lang` not enabled' + NOT_ENABLED_REASON, r.end + 1);
    }
    case '!': {
      const d = pointAt(text, j);
      if (d >= 0 && isLangNonsep(d)) return scanError('`#!` not enabled' + NOT_ENABLED_REASON, j + 1);
      if (d < 0) return scanError('bad syntax `#!`', j);
      return scanError(`bad syntax \`#!${String.fromCodePoint(d)}\``, j + cpLen(d));
    }
    case '~':
      return scanError('`#~` compiled expressions not enabled', j);
    default:
      return scanError(`bad syntax \`#${ch}\``, j);
  }
}

/** Racket's `read-extension-prefix`: the characters of `wanted` must follow;
 * `ok` is the error to report when they all do. */
function extensionPrefix(text: string, i: number, j: number, wanted: string, ok: string): ScanError {
  for (let k = 0; k < wanted.length; k++) {
    const d = pointAt(text, j);
    if (d !== wanted.charCodeAt(k)) {
      if (d < 0) return scanError(`bad syntax \`${text.slice(i, j)}\``, j, true);
      return scanError(`bad syntax \`${text.slice(i, j + cpLen(d))}\``, j + cpLen(d));
    }
    j++;
  }
  return scanError(ok, j);
}
