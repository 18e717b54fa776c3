// Byte and string output: newline, write-string, write-char, write-bytes.

import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { Char, RBytes, VOID, type Value } from '../values/types.js';
import { checkString } from './check.js';
import type { PrimTable } from './table.js';
import { outArg } from './ports.js';

export function installOutput(t: PrimTable): void {
  t.fn('newline', 0, 1, function (this: Machine, port?: Value) {
    outArg(this, 'newline', port).write('\n');
    return VOID;
  });
  t.fn('write-string', 1, 4, function (this: Machine, s: Value, port?: Value) {
    const text = checkString('write-string', s).s;
    outArg(this, 'write-string', port).write(text);
    return Array.from(text).length;
  });
  t.fn('write-char', 1, 2, function (this: Machine, c: Value, port?: Value) {
    if (!(c instanceof Char)) return argError('write-char', 'char?', c);
    outArg(this, 'write-char', port).write(String.fromCodePoint(c.code));
    return VOID;
  });
  t.fn('write-byte', 1, 2, function (this: Machine, b: Value, port?: Value) {
    if (typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > 255) return argError('write-byte', 'byte?', b);
    outArg(this, 'write-byte', port).write(String.fromCharCode(b));
    return VOID;
  });
  t.fn('write-bytes', 1, 4, function (this: Machine, b: Value, port?: Value) {
    if (!(b instanceof RBytes)) return argError('write-bytes', 'bytes?', b);
    outArg(this, 'write-bytes', port).write(Array.from(b.bytes, (x) => String.fromCharCode(x)).join(''));
    return b.bytes.length;
  });
}
