// integer->integer-bytes and integer-bytes->integer: fixed-size two's
// complement encodings (1, 2, 4 or 8 bytes), with Racket CS's checks in
// Racket CS's order and its messages (some name the Chez primitive underneath).

import type { Machine } from '../eval/machine.js';
import { RawText, argError, argumentsError } from '../errors/messages.js';
import { isExactInteger, normBig } from '../values/numbers.js';
import { RBytes, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

const SIZES = [1, 2, 4, 8];

function checkExactNonnegative(who: string, v: Value): bigint {
  if ((typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'bigint' && v >= 0n)) return BigInt(v);
  return argError(who, 'exact-nonnegative-integer?', v);
}

function toInteger(b: bigint): Value {
  return normBig(b);
}

export function installIntegerBytes(t: PrimTable): void {
  t.fn('system-big-endian?', 0, 0, () => false);

  t.fn(
    'integer->integer-bytes',
    3,
    6,
    function (this: Machine, n: Value, size: Value, signed: Value, bigEndian: Value = false, dest?: Value, start: Value = 0) {
      const who = 'integer->integer-bytes';
      if (!isExactInteger(n)) return argError(who, 'exact-integer?', n);
      if (!(typeof size === 'number' && SIZES.includes(size))) return argError(who, '(or/c 1 2 4 8)', size);
      let out: RBytes;
      if (dest === undefined) out = new RBytes(new Uint8Array(size), false);
      else if (dest instanceof RBytes) out = dest;
      else return argError(who, 'bytes?', dest);
      const at = checkExactNonnegative(who, start);
      const length = out.bytes.length;
      if (length < size) {
        return argumentsError(
          who,
          'destination byte string is too small',
          ['destination byte string length', length],
          ['number of bytes to write', size],
        );
      }
      if (at + BigInt(size) > BigInt(length)) {
        return argumentsError(
          who,
          'starting position too large',
          ['given starting position', start],
          ['destination byte string length', length],
          ['number of bytes to write', size],
        );
      }
      const bits = BigInt(size * 8);
      const value = BigInt(n);
      const [lo, hi] = signed !== false ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
      if (value < lo || value > hi) {
        return argumentsError(
          who,
          'number is out of bounds for size in bytes',
          ['given number', n],
          [signed !== false ? 'size in bytes for signed' : 'size in bytes for unsigned', size],
        );
      }
      // Racket CS writes through Chez's bytevector-uN-set!, which refuses immutable strings (except for one byte).
      if (out.immutable && size > 1) {
        return argError(`bytevector-u${size * 8}-set!`, '(and/c bytes? (not/c immutable?))', out);
      }
      let rest = BigInt.asUintN(size * 8, value);
      const offset = Number(at);
      for (let i = 0; i < size; i++) {
        const index = bigEndian !== false ? offset + size - 1 - i : offset + i;
        out.bytes[index] = Number(rest & 0xffn);
        rest >>= 8n;
      }
      return out;
    },
  );

  t.fn(
    'integer-bytes->integer',
    2,
    5,
    function (this: Machine, b: Value, signed: Value, bigEndian: Value = false, start: Value = 0, end?: Value) {
      const who = 'integer-bytes->integer';
      if (!(b instanceof RBytes)) return argError(who, 'bytes?', b);
      const from = checkExactNonnegative(who, start);
      const to = end === undefined ? BigInt(b.bytes.length) : checkExactNonnegative(who, end);
      const size = to - from;
      if (!(size === 1n || size === 2n || size === 4n || size === 8n)) {
        return argumentsError(who, 'length is not 1, 2, 4, or 8 bytes', ['length', toInteger(size)]);
      }
      const length = BigInt(b.bytes.length);
      const range = new RawText(`[0, ${length}]`);
      if (from > length)
        return argumentsError(who, 'starting index is out of range', ['starting index', start], ['valid range', range], ['index', b]);
      if (to > length)
        return argumentsError(who, 'ending index is out of range', ['ending index', toInteger(to)], ['valid range', range], ['index', b]);
      let value = 0n;
      const first = Number(from);
      const count = Number(size);
      for (let i = 0; i < count; i++) {
        const byte = b.bytes[bigEndian !== false ? first + i : first + count - 1 - i];
        value = (value << 8n) | BigInt(byte);
      }
      return toInteger(signed !== false ? BigInt.asIntN(count * 8, value) : value);
    },
  );
}
