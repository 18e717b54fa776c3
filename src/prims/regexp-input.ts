// The text a regexp's JS RegExp runs over, made from a Racket input, and the
// way back from JS string indexes to Racket positions and results.
//
// - a string regexp on a string: the string itself (positions count code
//   points, JS counts UTF-16 units, so astral characters need a map);
// - a byte regexp on a byte string: a latin-1 string, one char per byte;
// - a byte regexp on a string: the same over the string's UTF-8 encoding;
// - a string regexp on a byte string: the UTF-8 decoding of the bytes, where
//   each byte that is not part of a valid encoding becomes a lone surrogate
//   (U+DC80 + byte - 0x80), which the translated pattern never matches.
// Only the selected part [start, end) of the input is in the text, so `^`,
// `$` and lookbehind see the selection as the whole input, as in Racket.

import { bytesToLatin1, latin1ToBytes, type RRegexp } from '../values/regexp.js';
import { INVALID_UNIT, type UnitInput } from '../values/regexp-backtrack.js';
import { encodeUtf8 } from '../values/utf8.js';
import { RBytes, RString } from '../values/types.js';

const SURROGATE = /[\ud800-\udfff]/;

export class Subject {
  private unitMap: Int32Array | null | undefined;
  /** Units before the text that lookbehind sees (the input prefix), as the backtracker reads them. */
  prefix: number[] = [];
  /** No more input comes after the text (false for a port whose bytes are still arriving). */
  final = true;
  private unitView: { input: UnitInput; unitOf: Int32Array; textOf: Int32Array } | null = null;

  constructor(
    /** What the JS RegExp runs over. */
    readonly text: string,
    /** The Racket position (char or byte) of text index 0. */
    readonly base: number,
    /** Results are byte strings. */
    readonly bytesOut: boolean,
    /** For byte results: the bytes positions refer to (else null). */
    private readonly source: Uint8Array | null,
    /** How text indexes map to positions relative to `base`: 'same', 'codepoints' (computed on demand) or a given map. */
    map: 'same' | 'codepoints' | Int32Array,
    /** The text holds escaped invalid bytes (a string regexp on bytes). */
    readonly escaped: boolean,
  ) {
    this.unitMap = map === 'same' ? null : map === 'codepoints' ? undefined : map;
  }

  /** The Racket position of text index `i`. */
  position(i: number): number {
    if (this.unitMap === undefined) this.unitMap = SURROGATE.test(this.text) ? codePointMap(this.text) : null;
    return this.base + (this.unitMap === null ? i : this.unitMap[i]);
  }

  /** The result value for text[s, e). */
  piece(s: number, e: number): RString | RBytes {
    if (!this.bytesOut) return new RString(this.text.slice(s, e), false);
    if (this.source !== null) return new RBytes(this.source.slice(this.position(s), this.position(e)), false);
    return new RBytes(latin1ToBytes(this.text.slice(s, e)), false);
  }

  /** The result value for a substring JS returned (a match or group). */
  pieceOf(matched: string): RString | RBytes {
    if (!this.bytesOut) return new RString(matched, false);
    return new RBytes(this.escaped ? encodeEscaped(matched) : latin1ToBytes(matched), false);
  }

  /**
   * The subject as backtracker units (code points, or bytes for a byte
   * regexp), prefix first, with the maps between unit and text indexes.
   */
  units(bytesMode: boolean): { input: UnitInput; unitOf: Int32Array; textOf: Int32Array } {
    if (this.unitView !== null) return this.unitView;
    const t = this.text;
    const units = this.prefix.slice();
    const p = units.length;
    const unitOf = new Int32Array(t.length + 1);
    const textOf: number[] = [];
    for (let i = 0; i < t.length; i++) {
      unitOf[i] = units.length - p;
      textOf.push(i);
      const c = t.charCodeAt(i);
      if (bytesMode) units.push(c);
      else if (c >= 0xdc80 && c <= 0xdcff && this.escaped) units.push(INVALID_UNIT + c - 0xdc00);
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
        units.push(t.codePointAt(i)!);
        unitOf[++i] = units.length - 1 - p;
      } else units.push(c);
    }
    unitOf[t.length] = units.length - p;
    textOf.push(t.length);
    const input: UnitInput = { units, start: p, end: units.length, final: this.final };
    this.unitView = { input, unitOf, textOf: Int32Array.from(textOf) };
    return this.unitView;
  }

  /** The text index just after the character at `i` (one code point on). */
  after(i: number): number {
    const c = this.text.charCodeAt(i);
    return c >= 0xd800 && c <= 0xdbff && i + 1 < this.text.length ? i + 2 : i + 1;
  }
}

/** Position of each UTF-16 index as a code point count (index length: one past the end). */
function codePointMap(s: string): Int32Array {
  const map = new Int32Array(s.length + 1);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    map[i] = n;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) map[++i] = n;
    n++;
  }
  map[s.length] = n;
  return map;
}

/** The UTF-16 index of code point `k` in `s`. */
export function codePointToIndex(s: string, k: number): number {
  if (!SURROGATE.test(s)) return k;
  let i = 0;
  for (let n = 0; n < k && i < s.length; n++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
  }
  return i;
}

/** The length of `s` in code points. */
export function codePointLength(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
    n++;
  }
  return n;
}

/** The length of an input in Racket positions: code points or bytes. */
export function inputLength(input: RString | RBytes): number {
  return input instanceof RString ? codePointLength(input.s) : input.bytes.length;
}

/**
 * The subject for matching `rx` against input[start, end), where start and
 * end are positions in the input (characters of a string, bytes of a byte
 * string), already checked.
 */
export function makeSubject(rx: RRegexp, input: RString | RBytes, start: number, end: number): Subject {
  if (input instanceof RString) {
    const s = input.s;
    if (!rx.bytes) {
      const whole = start === 0 && end === s.length;
      const text = whole ? s : s.slice(codePointToIndex(s, start), codePointToIndex(s, end));
      return new Subject(text, start, false, null, 'codepoints', false);
    }
    // A byte regexp matches the UTF-8 encoding; positions become byte offsets.
    const bytes = encodeUtf8(s);
    const from = start === 0 ? 0 : encodeUtf8(s.slice(0, codePointToIndex(s, start))).length;
    const to = end === codePointLength(s) ? bytes.length : encodeUtf8(s.slice(0, codePointToIndex(s, end))).length;
    return new Subject(bytesToLatin1(bytes, from, to), from, true, bytes, 'same', false);
  }
  const b = input.bytes;
  if (rx.bytes) return new Subject(bytesToLatin1(b, start, end), start, true, b, 'same', false);
  const { text, map } = decodeEscaped(b, start, end);
  return new Subject(text, start, true, b, map, true);
}

/** UTF-8 decoding of b[start, end) with invalid bytes as lone surrogates, and each index's byte offset. */
function decodeEscaped(b: Uint8Array, start: number, end: number): { text: string; map: Int32Array } {
  const units: number[] = [];
  const offsets: number[] = [];
  let i = start;
  while (i < end) {
    const c = b[i];
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let cp = len === 1 ? c : -1;
    if (len > 1 && i + len <= end) {
      cp = c & (0x7f >> len);
      for (let k = 1; k < len; k++) {
        const d = b[i + k];
        if ((d & 0xc0) !== 0x80) {
          cp = -1;
          break;
        }
        cp = (cp << 6) | (d & 0x3f);
      }
      const min = len === 2 ? 0x80 : len === 3 ? 0x800 : 0x10000;
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = -1;
    }
    const rel = i - start;
    if (cp < 0) {
      units.push(0xdc00 + c);
      offsets.push(rel);
      i++;
    } else if (cp > 0xffff) {
      units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
      offsets.push(rel, rel);
      i += len;
    } else {
      units.push(cp);
      offsets.push(rel);
      i += len;
    }
  }
  offsets.push(end - start);
  let text = '';
  for (let k = 0; k < units.length; k += 8192) text += String.fromCharCode.apply(null, units.slice(k, k + 8192));
  return { text, map: Int32Array.from(offsets) };
}

/** UTF-8 encoding of text from decodeEscaped, turning escaped bytes back into themselves. */
function encodeEscaped(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff) {
      out.push(c - 0xdc00);
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    for (const x of encodeUtf8(String.fromCodePoint(cp))) out.push(x);
  }
  return Uint8Array.from(out);
}
