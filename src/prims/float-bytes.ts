// real->floating-point-bytes and floating-point-bytes->real: IEEE 754
// encodings in 4 or 8 bytes, either byte order, with Racket CS's checks in
// its order and its messages.

import { RawText, argError, argumentsError } from '../errors/messages.js';
import { isReal, normBig, toDouble } from '../values/numbers.js';
import { Flonum, RBytes, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

function checkIndex(who: string, v: Value): bigint {
  if ((typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'bigint' && v >= 0n)) return BigInt(v);
  return argError(who, 'exact-nonnegative-integer?', v);
}

export function installFloatBytes(t: PrimTable): void {
  t.fn('real->floating-point-bytes', 2, 5, (x: Value, size: Value, bigEndian: Value = false, dest?: Value, start: Value = 0) => {
    const who = 'real->floating-point-bytes';
    if (!isReal(x)) return argError(who, 'real?', x);
    if (size !== 4 && size !== 8) return argError(who, '(or/c 4 8)', size);
    let out: RBytes;
    if (dest === undefined) out = new RBytes(new Uint8Array(size), false);
    else if (dest instanceof RBytes && !dest.immutable) out = dest;
    else return argError(who, '(and/c bytes? (not/c immutable?))', dest);
    const at = checkIndex(who, start);
    const length = out.bytes.length;
    if (at + BigInt(size) > BigInt(length)) {
      return argumentsError(
        who,
        'byte string length is shorter than starting position plus size',
        ['byte string length', length],
        ['starting position', start],
        ['size', size],
      );
    }
    const view = new DataView(out.bytes.buffer, out.bytes.byteOffset + Number(at), size);
    const d = toDouble(x);
    if (size === 4) view.setFloat32(0, d, bigEndian === false);
    else view.setFloat64(0, d, bigEndian === false);
    return out;
  });

  t.fn('floating-point-bytes->real', 1, 4, (b: Value, bigEndian: Value = false, start: Value = 0, end?: Value) => {
    const who = 'floating-point-bytes->real';
    if (!(b instanceof RBytes)) return argError(who, 'bytes?', b);
    const from = checkIndex(who, start);
    const length = BigInt(b.bytes.length);
    const to = end === undefined ? length : checkIndex(who, end);
    const range = new RawText(`[0, ${length}]`);
    if (from > length) {
      return argumentsError(who, 'starting index is out of range', ['starting index', start], ['valid range', range], ['index', b]);
    }
    if (to > length) {
      return argumentsError(who, 'ending index is out of range', ['ending index', normBig(to)], ['valid range', range], ['index', b]);
    }
    if (to < from) {
      return argumentsError(
        who,
        'ending index is smaller than starting index',
        ['ending index', normBig(to)],
        ['starting index', start],
        ['valid range', range],
        ['index', b],
      );
    }
    const size = Number(to - from);
    if (size !== 4 && size !== 8) return argumentsError(who, 'length is not 4 or 8 bytes', ['length', size]);
    const view = new DataView(b.bytes.buffer, b.bytes.byteOffset + Number(from), size);
    const little = bigEndian === false;
    return new Flonum(size === 4 ? view.getFloat32(0, little) : view.getFloat64(0, little));
  });
}
