// The rest of racket/base's byte-string procedures: copying and filling in
// place, ordering, immutability, and UTF-8 measurements over byte ranges.

import { argError, argumentsError } from '../errors/messages.js';
import { decodeUtf8Chars } from '../values/utf8-lenient.js';
import { encodeUtf8 } from '../values/utf8.js';
import { Char, RBytes, VOID, type Value } from '../values/types.js';
import { checkBytes, checkIndex, checkRange, checkString } from './check.js';
import type { PrimTable } from './table.js';

function checkMutableBytes(who: string, v: Value): RBytes {
  if (v instanceof RBytes && !v.immutable) return v;
  return argError(who, '(and/c bytes? (not/c immutable?))', v);
}

/** Lexicographic byte order: negative, zero or positive. */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function bytesOrder(who: string, holds: (c: number) => boolean) {
  return (...xs: Value[]): boolean => {
    const bs = xs.map((x) => checkBytes(who, x).bytes);
    for (let i = 0; i + 1 < bs.length; i++) if (!holds(compareBytes(bs[i], bs[i + 1]))) return false;
    return true;
  };
}

function checkErrChar(who: string, v: Value): Char | false {
  if (v === false || v instanceof Char) return v;
  return argError(who, '(or/c char? #f)', v);
}

export function installBytesMore(t: PrimTable): void {
  t.fn('bytes-copy!', 3, 5, (dest: Value, destStart: Value, src: Value, srcStart: Value = 0, srcEnd?: Value) => {
    const who = 'bytes-copy!';
    const d = checkMutableBytes(who, dest);
    checkIndex(who, destStart);
    const s = checkBytes(who, src);
    checkIndex(who, srcStart);
    if (srcEnd !== undefined) checkIndex(who, srcEnd);
    const at = checkRange(who, 'byte string', dest, d.bytes.length, destStart, undefined)[0];
    const [a, e] = checkRange(who, 'byte string', src, s.bytes.length, srcStart, srcEnd);
    if (at + (e - a) > d.bytes.length) {
      return argumentsError(who, 'not enough room in target byte string', ['target length', d.bytes.length], ['needed length', at + (e - a)]);
    }
    d.bytes.set(s.bytes.slice(a, e), at);
    return VOID;
  });
  t.fn('bytes-fill!', 2, 2, (dest: Value, b: Value) => {
    const d = checkMutableBytes('bytes-fill!', dest);
    if (!(typeof b === 'number' && Number.isInteger(b) && b >= 0 && b <= 255)) return argError('bytes-fill!', 'byte?', b);
    d.bytes.fill(b);
    return VOID;
  });
  t.fn('bytes<?', 1, -1, bytesOrder('bytes<?', (c) => c < 0));
  t.fn('bytes>?', 1, -1, bytesOrder('bytes>?', (c) => c > 0));
  t.fn('bytes->immutable-bytes', 1, 1, (b: Value) => {
    // The name in the message is Chez Scheme's, as in Racket CS.
    if (!(b instanceof RBytes)) return argError('bytevector->immutable-bytevector', 'bytes?', b);
    return b.immutable ? b : new RBytes(b.bytes.slice(), true);
  });

  t.fn('bytes-utf-8-length', 1, 4, (b: Value, errChar: Value = false, start: Value = 0, end?: Value) => {
    const who = 'bytes-utf-8-length';
    const bs = checkBytes(who, b);
    const err = checkErrChar(who, errChar);
    const [a, e] = checkRange(who, 'byte string', b, bs.bytes.length, start, end);
    const chars = decodeUtf8Chars(bs.bytes, a, e);
    if (err === false && chars.some((c) => c.code < 0)) return false;
    return chars.length;
  });
  const nthChar = (who: string, b: Value, skip: Value, errChar: Value, start: Value, end: Value | undefined) => {
    const bs = checkBytes(who, b);
    const n = checkIndex(who, skip);
    const err = checkErrChar(who, errChar);
    const [a, e] = checkRange(who, 'byte string', b, bs.bytes.length, start, end);
    const chars = decodeUtf8Chars(bs.bytes, a, e);
    const limit = Math.min(n + 1, chars.length);
    if (err === false) for (let i = 0; i < limit; i++) if (chars[i].code < 0) return null;
    return n < chars.length ? { char: chars[n], err } : null;
  };
  t.fn('bytes-utf-8-ref', 2, 5, (b: Value, skip: Value, errChar: Value = false, start: Value = 0, end?: Value) => {
    const r = nthChar('bytes-utf-8-ref', b, skip, errChar, start, end);
    if (r === null) return false;
    return r.char.code < 0 ? (r.err as Char) : Char.of(r.char.code);
  });
  t.fn('bytes-utf-8-index', 2, 5, (b: Value, skip: Value, errChar: Value = false, start: Value = 0, end?: Value) => {
    const r = nthChar('bytes-utf-8-index', b, skip, errChar, start, end);
    return r === null ? false : r.char.start;
  });

  t.fn('string-utf-8-length', 1, 3, (s: Value, start: Value = 0, end?: Value) => {
    const who = 'string-utf-8-length';
    const text = Array.from(checkString(who, s).s);
    const [a, e] = checkRange(who, 'string', s, text.length, start, end);
    return encodeUtf8(text.slice(a, e).join('')).length;
  });
  t.fn('char-utf-8-length', 1, 1, (c: Value) => {
    if (!(c instanceof Char)) return argError('char-utf-8-length', 'char?', c);
    return c.code < 0x80 ? 1 : c.code < 0x800 ? 2 : c.code < 0x10000 ? 3 : 4;
  });
}
