// Byte strings: construction, access, mutation, copying, ordering, the
// conversions to and from strings (UTF-8 and Latin-1) with UTF-8
// measurements over byte ranges, and the SHA digests.

import { argError, indexRangeError, argumentsError, errorValueString } from '../errors/messages.js';
import { exnFailContractT, fail, exnFailUnsupportedT } from '../errors/exn.js';
import { compareBytes, isEqual } from '../values/equal.js';
import { Char, RBytes, type Sym, VOID, listFromArray, listToArray, str, isList, type Value } from '../values/types.js';
import { checkAllocationLength, checkByte, checkBytes, checkIndex, checkRange, checkString, MAX_BYTES_LENGTH } from './check.js';
import type { PrimTable } from './table.js';
import type { Machine } from '../eval/machine.js';
import { decodeUtf8, encodeUtf8 } from '../values/utf8.js';
import { decodeUtf8Chars } from '../values/utf8-lenient.js';
import { codePoints } from './strings.js';

function checkMutableBytes(who: string, v: Value): RBytes {
  if (v instanceof RBytes && !v.immutable) return v;
  return argError(who, '(and/c bytes? (not/c immutable?))', v);
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

function checkErrByte(who: string, v: Value): void {
  if (v !== false && !(typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255)) argError(who, '(or/c byte? #f)', v);
}

/** A contract failure whose message is not one of the standard shapes (Chez Scheme's, under Racket CS). */
function genericContractFail(message: string): never {
  fail(exnFailContractT, message);
}

function digest(m: Machine, who: string, algorithm: 'sha1' | 'sha224' | 'sha256' | 'md5', data: Value, start: Value, end: Value): Value {
  if (!(data instanceof RBytes)) return argError(who, '(lambda (p) (or (bytes? p) (input-port? p)))', data);
  const [a, e] = checkRange(who, 'byte string', data, data.bytes.length, start, end === false ? undefined : end);
  if (m.rt.host.digest === undefined) return fail(exnFailUnsupportedT, `${who}: not supported by this host`);
  return new RBytes(m.rt.host.digest(algorithm, data.bytes.subarray(a, e)), false);
}

export function installBytes(t: PrimTable): void {
  t.fn('bytes?', 1, 1, (v) => v instanceof RBytes);
  t.fn('byte?', 1, 1, (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255);
  t.fn(
    'make-bytes',
    1,
    2,
    (k: Value, b: Value = 0) =>
      new RBytes(
        new Uint8Array(checkAllocationLength('make-bytes', 'exact-nonnegative-integer?', 'byte string', MAX_BYTES_LENGTH, k)).fill(
          checkByte('make-bytes', b),
        ),
        false,
      ),
  );
  t.fn('bytes', 0, -1, (...bs: Value[]) => new RBytes(Uint8Array.from(bs.map((b) => checkByte('bytes', b))), false));
  // Without places, shared byte strings are ordinary mutable byte strings.
  t.fn(
    'make-shared-bytes',
    1,
    2,
    (k: Value, b: Value = 0) =>
      new RBytes(new Uint8Array(checkIndex('make-shared-bytes', k)).fill(checkByte('make-shared-bytes', b)), false),
  );
  t.fn('shared-bytes', 0, -1, (...bs: Value[]) => new RBytes(Uint8Array.from(bs.map((b) => checkByte('shared-bytes', b))), false));
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
    if (!(typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255))
      genericContractFail(`bytes-set!: invalid value ${errorValueString(v)}`);
    b.bytes[i] = v;
    return VOID;
  });
  t.fn('subbytes', 2, 3, (b: Value, start: Value, end?: Value) => {
    const bs = checkBytes('subbytes', b).bytes;
    const [a, e] = checkRange('subbytes', 'byte string', b, bs.length, start, end);
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
    if (errChar === false)
      return argumentsError(who, 'byte string is not a well-formed UTF-8 encoding', ['byte string', new RBytes(bytes.slice(), false)]);
    const bad = String.fromCodePoint(errChar.code);
    return str(
      decodeUtf8Chars(bytes)
        .map((c) => (c.code < 0 ? bad : String.fromCodePoint(c.code)))
        .join(''),
    );
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
    return new RBytes(
      Uint8Array.from(part, (c) => (c > 255 ? (errByte as number) : c)),
      false,
    );
  });
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
      return argumentsError(
        who,
        'not enough room in target byte string',
        ['target length', d.bytes.length],
        ['needed length', at + (e - a)],
      );
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
  t.fn(
    'bytes<?',
    1,
    -1,
    bytesOrder('bytes<?', (c) => c < 0),
  );
  t.fn(
    'bytes>?',
    1,
    -1,
    bytesOrder('bytes>?', (c) => c > 0),
  );
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

  t.fn('char-utf-8-length', 1, 1, (c: Value) => {
    if (!(c instanceof Char)) return argError('char-utf-8-length', 'char?', c);
    return c.code < 0x80 ? 1 : c.code < 0x800 ? 2 : c.code < 0x10000 ? 3 : 4;
  });
  t.fn('string-utf-8-length', 1, 3, (s: Value, start: Value = 0, end?: Value) => {
    const who = 'string-utf-8-length';
    const text = Array.from(checkString(who, s).s);
    const [a, e] = checkRange(who, 'string', s, text.length, start, end);
    return encodeUtf8(text.slice(a, e).join('')).length;
  });

  t.internalFn('digest', 5, 5, function (this: Machine, who: Value, algorithm: Value, data: Value, start: Value, end: Value) {
    return digest(this, (who as Sym).name, (algorithm as Sym).name as 'sha1', data, start, end);
  });
}
