// Byte converters: bytes-open-converter, bytes-convert, bytes-convert-end,
// bytes-close-converter and bytes-converter?.
//
// Racket's own converters (UTF-8, UTF-8-permissive, platform-UTF-8,
// platform-UTF-16) and, where Racket would use iconv, the encodings whose
// code is written here: UTF-8, UTF-16 (with a byte-order mark), UTF-16LE,
// UTF-16BE and ISO-8859-1. Every converter decodes one character at a time
// from the source and encodes it to the destination, stopping where iconv
// stops: at a sequence that cannot be converted ('error), at one cut off by
// the end of the input ('aborts) or when the destination is full
// ('continues).

import { argError, genericFail } from '../errors/messages.js';
import { customPrint } from '../values/printable.js';
import { MultipleValues, RBytes, RString, VOID, sym, type Value } from '../values/types.js';
import { checkRange } from './check.js';
import type { PrimTable } from './table.js';

/** A decoded character and its length in bytes; 'incomplete' at a cut-off sequence; 'invalid' where conversion stops. */
type Decoded = { cp: number; len: number } | 'incomplete' | 'invalid';
type Decoder = (b: Uint8Array, i: number, end: number) => Decoded;
/** The bytes of a character, or null when the encoding cannot represent it. */
type Encoder = (cp: number, first: boolean) => number[] | null;

function utf8Decoder(permissive: boolean): Decoder {
  return (b, i, end) => {
    const c = b[i];
    if (c < 0x80) return { cp: c, len: 1 };
    const bad: Decoded = permissive ? { cp: 0xfffd, len: 1 } : 'invalid';
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) return bad;
    let cp = c & (0x7f >> len);
    for (let k = 1; k < len; k++) {
      if (i + k >= end) return 'incomplete';
      const d = b[i + k];
      if ((d & 0xc0) !== 0x80) return bad;
      cp = (cp << 6) | (d & 0x3f);
      // Reject overlong forms, surrogates and values past U+10FFFF as early as a decoder can.
      if (k === 1 && ((len === 3 && cp < 0x20) || (len === 4 && (cp < 0x10 || cp > 0x10f)) || (len === 3 && cp >= 0x360 && cp <= 0x37f))) {
        return bad;
      }
    }
    return { cp, len };
  };
}

function utf16Unit(b: Uint8Array, i: number, little: boolean): number {
  return little ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1];
}

/** UTF-16 in one byte order; `loose` is Racket's platform-UTF-16, which pairs a high surrogate with whatever unit follows. */
function utf16Decoder(little: boolean, loose: boolean): Decoder {
  return (b, i, end) => {
    if (i + 2 > end) return 'incomplete';
    const u = utf16Unit(b, i, little);
    if (u < 0xd800 || u > 0xdfff) return { cp: u, len: 2 };
    if (u >= 0xdc00) return loose ? { cp: u, len: 2 } : 'invalid';
    if (i + 4 > end) return 'incomplete';
    const v = utf16Unit(b, i + 2, little);
    if (!loose && (v < 0xdc00 || v > 0xdfff)) return 'invalid';
    return { cp: 0x10000 + ((u - 0xd800) << 10) + (v & 0x3ff), len: 4 };
  };
}

const latin1Decoder: Decoder = (b, i) => ({ cp: b[i], len: 1 });

function utf8Encoder(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}

function utf16Encoder(little: boolean, bom: boolean): Encoder {
  const unit = (u: number) => (little ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]);
  return (cp, first) => {
    const out = bom && first ? unit(0xfeff) : [];
    if (cp < 0x10000) return out.concat(unit(cp));
    const v = cp - 0x10000;
    return out.concat(unit(0xd800 + (v >> 10)), unit(0xdc00 + (v & 0x3ff)));
  };
}

/** The iconv-style encodings, by name without case, `-` or `_`. */
function iconvEncoding(name: string): { decoder: () => Decoder; encoder: Encoder } | null {
  const key = name.toUpperCase().replace(/[-_]/g, '');
  switch (key) {
    case '':
    case 'UTF8':
      return { decoder: () => utf8Decoder(false), encoder: utf8Encoder };
    case 'UTF16':
      return { decoder: bomDecoder, encoder: utf16Encoder(true, true) };
    case 'UTF16LE':
      return { decoder: () => utf16Decoder(true, false), encoder: utf16Encoder(true, false) };
    case 'UTF16BE':
      return { decoder: () => utf16Decoder(false, false), encoder: utf16Encoder(false, false) };
    case 'LATIN1':
    case 'ISO88591':
    case 'L1':
      return { decoder: () => latin1Decoder, encoder: (cp) => (cp <= 0xff ? [cp] : null) };
    default:
      return null;
  }
}

/** "UTF-16" decoding: a byte-order mark, if there is one, picks the order (big-endian otherwise). */
function bomDecoder(): Decoder {
  let order: Decoder | null = null;
  return (b, i, end) => {
    if (order === null) {
      if (i + 2 > end) return 'incomplete';
      const mark = (b[i] << 8) | b[i + 1];
      order = utf16Decoder(mark === 0xfffe, false);
      if (mark === 0xfffe || mark === 0xfeff) {
        const next = order(b, i + 2, end);
        return typeof next === 'string' ? next : { cp: next.cp, len: next.len + 2 };
      }
    }
    return order(b, i, end);
  };
}

export class BytesConverter {
  closed = false;
  /** Nothing has been written yet (a byte-order mark comes first). */
  first = true;
  constructor(
    readonly decode: Decoder,
    readonly encode: Encoder,
  ) {}
  [customPrint](): string {
    return '#<bytes-converter>';
  }
}

function openConverter(from: Value, to: Value): Value {
  const who = 'bytes-open-converter';
  if (!(from instanceof RString)) return argError(who, 'string?', from);
  if (!(to instanceof RString)) return argError(who, 'string?', to);
  const f = from.s;
  const t = to.s;
  if (f === 'UTF-8-permissive' && t === 'UTF-8') return new BytesConverter(utf8Decoder(true), utf8Encoder);
  if (f === 'platform-UTF-8' && t === 'platform-UTF-16') return new BytesConverter(utf8Decoder(false), utf16Encoder(true, false));
  if (f === 'platform-UTF-16' && t === 'platform-UTF-8') return new BytesConverter(utf16Decoder(true, true), utf8Encoder);
  if (f === 'UTF-8' && t === 'UTF-8') return new BytesConverter(utf8Decoder(false), utf8Encoder);
  const src = iconvEncoding(f);
  const dst = iconvEncoding(t);
  if (src === null || dst === null) return false;
  return new BytesConverter(src.decoder(), dst.encoder);
}

function checkConverter(who: string, v: Value): BytesConverter {
  if (!(v instanceof BytesConverter)) return argError(who, 'bytes-converter?', v);
  if (v.closed) genericFail(`${who}: converter is closed\n  converter: #<bytes-converter>`);
  return v;
}

/** Writes `out` into dest[start, end) or returns it as a new byte string. */
function deliver(out: number[], dest: RBytes | null, destStart: number): Value {
  if (dest === null) return new RBytes(Uint8Array.from(out), false);
  dest.bytes.set(out, destStart);
  return out.length;
}

function checkDest(who: string, dest: Value, start: Value, end: Value): [RBytes | null, number, number] {
  if (dest === undefined || dest === false) return [null, 0, Infinity];
  if (!(dest instanceof RBytes) || dest.immutable) return argError(who, '(or/c (and/c bytes? (not/c immutable?)) #f)', dest);
  const [s, e] = checkRange(who, 'byte string', dest, dest.bytes.length, start ?? 0, end === false ? undefined : end);
  return [dest, s, e];
}

function bytesConvert(c: Value, src: Value, srcStart: Value = 0, srcEnd?: Value, dest?: Value, destStart?: Value, destEnd?: Value): Value {
  const who = 'bytes-convert';
  const conv = checkConverter(who, c);
  if (!(src instanceof RBytes)) return argError(who, 'bytes?', src);
  const [s, e] = checkRange(who, 'byte string', src, src.bytes.length, srcStart, srcEnd);
  const [d, ds, de] = checkDest(who, dest, destStart, destEnd);
  const room = de - ds;
  const out: number[] = [];
  let i = s;
  let status = 'complete';
  while (i < e) {
    const r = conv.decode(src.bytes, i, e);
    if (r === 'incomplete') {
      status = 'aborts';
      break;
    }
    const encoded = r === 'invalid' ? null : conv.encode(r.cp, conv.first);
    if (encoded === null) {
      status = 'error';
      break;
    }
    if (out.length + encoded.length > room) {
      status = 'continues';
      break;
    }
    conv.first = false;
    for (const x of encoded) out.push(x);
    i += (r as { len: number }).len;
  }
  return new MultipleValues([deliver(out, d, ds), i - s, sym(status)]);
}

function bytesConvertEnd(c: Value, dest?: Value, destStart?: Value, destEnd?: Value): Value {
  const who = 'bytes-convert-end';
  checkConverter(who, c);
  const [d, ds] = checkDest(who, dest, destStart, destEnd);
  // None of these converters holds back bytes: there is nothing to finish.
  return new MultipleValues([deliver([], d, ds), sym('complete')]);
}

export function installConverters(t: PrimTable): void {
  t.fn('bytes-open-converter', 2, 2, openConverter);
  t.fn('bytes-close-converter', 1, 1, (c: Value) => {
    if (!(c instanceof BytesConverter)) return argError('bytes-close-converter', 'bytes-converter?', c);
    c.closed = true;
    return VOID;
  });
  t.valuesFn('bytes-convert', 2, 7, bytesConvert);
  t.valuesFn('bytes-convert-end', 1, 4, bytesConvertEnd);
  t.fn('bytes-converter?', 1, 1, (v: Value) => v instanceof BytesConverter);
}
