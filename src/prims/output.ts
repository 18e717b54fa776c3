// Byte and string output: newline, write-string, write-char, write-byte,
// write-bytes, the -avail variants and their events, and specials.

import type { Machine } from '../eval/machine.js';
import { NOT_READY, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import { argError, argumentsError } from '../errors/messages.js';
import type { OutputPort } from '../io/output-port.js';
import { customPrint } from '../values/printable.js';
import { Char, RBytes, RString, VOID, type Value } from '../values/types.js';
import { asEvt } from '../thread/evt.js';
import { checkRange } from './check.js';
import { CustomOutputPort } from './custom-ports.js';
import type { PrimTable } from './table.js';
import { outArg } from './ports.js';

const ASTRAL = /[\ud800-\udfff]/;

/** s[start, end) by characters (code points). */
function substringByChars(s: string, start: number, end: number): string {
  if (!ASTRAL.test(s)) return s.slice(start, end);
  return Array.from(s).slice(start, end).join('');
}

function charLength(s: string): number {
  if (!ASTRAL.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The byte string argument and its range. */
function bytesRange(who: string, b: Value, start: Value, end: Value | undefined): [RBytes, number, number] {
  if (!(b instanceof RBytes)) return argError(who, 'bytes?', b);
  const [a, e] = checkRange(who, 'byte string', b, b.bytes.length, start, end);
  return [b, a, e];
}

/** write-bytes-avail and its variants: what a port takes now (all of it, except from a custom port). */
function writeAvail(port: OutputPort, b: RBytes, a: number, e: number): number {
  if (port instanceof CustomOutputPort) return port.writeOutRange(b, a, e, true, false, false);
  port.writeRBytes(b, a, e);
  return e - a;
}

function noSpecials(who: string, port: OutputPort): never {
  return argumentsError(who, 'port does not support special values', ['port', port]);
}

/** write-bytes-avail-evt on a port that writes atomically: writing when chosen. */
class WriteBytesEvt implements Evt {
  constructor(
    readonly port: OutputPort,
    readonly b: RBytes,
    readonly start: number,
    readonly end: number,
  ) {}
  poll(): SyncResult | NotReady {
    if (this.port.closed) return NOT_READY;
    this.port.writeRBytes(this.b, this.start, this.end);
    return this.end - this.start;
  }
  subscribe(): () => void {
    return () => {};
  }
  [customPrint](): string {
    return '#<write-evt>';
  }
}

/** Port procedures may write atomically: all but custom ports without get-write-evt. */
export function writesAtomic(port: OutputPort): boolean {
  return !(port instanceof CustomOutputPort) || port.writeEvtProc !== false;
}

export function installOutput(t: PrimTable): void {
  t.fn('newline', 0, 1, function (this: Machine, port?: Value) {
    outArg(this, 'newline', port, 'newline').write('\n');
    return VOID;
  });
  t.fn('write-string', 1, 4, function (this: Machine, s: Value, port?: Value, start: Value = 0, end?: Value) {
    if (!(s instanceof RString)) return argError('write-string', 'string?', s);
    const out = outArg(this, 'write-string', port, 'write-string');
    const text = s.s;
    if (start === 0 && end === undefined) {
      out.write(text);
      return charLength(text);
    }
    const [a, e] = checkRange('write-string', 'byte string', s, charLength(text), start, end);
    out.write(substringByChars(text, a, e));
    return e - a;
  });
  t.fn('write-char', 1, 2, function (this: Machine, c: Value, port?: Value) {
    if (!(c instanceof Char)) return argError('write-char', 'char?', c);
    outArg(this, 'write-char', port, 'write-byte').write(String.fromCodePoint(c.code));
    return VOID;
  });
  t.fn('write-byte', 1, 2, function (this: Machine, b: Value, port?: Value) {
    if (typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > 255) return argError('write-byte', 'byte?', b);
    outArg(this, 'write-byte', port, 'write-byte').writeBytes(Uint8Array.of(b));
    return VOID;
  });
  t.fn('write-bytes', 1, 4, function (this: Machine, b: Value, port?: Value, start: Value = 0, end?: Value) {
    if (!(b instanceof RBytes)) return argError('write-bytes', 'bytes?', b);
    const out = outArg(this, 'write-bytes', port, 'write-bytes');
    const [, a, e] = bytesRange('write-bytes', b, start, end);
    out.writeRBytes(b, a, e);
    return e - a;
  });
  for (const who of ['write-bytes-avail', 'write-bytes-avail*', 'write-bytes-avail/enable-break']) {
    t.fn(who, 1, 4, function (this: Machine, b: Value, port?: Value, start: Value = 0, end?: Value) {
      if (!(b instanceof RBytes)) return argError(who, 'bytes?', b);
      const out = outArg(this, who, port, who);
      const [, a, e] = bytesRange(who, b, start, end);
      if (a === e) {
        out.flush();
        return 0;
      }
      const n = writeAvail(out, b, a, e);
      return n === 0 && who === 'write-bytes-avail*' ? false : n;
    });
  }
  t.fn('write-bytes-avail-evt', 1, 4, function (this: Machine, b: Value, port?: Value, start: Value = 0, end?: Value) {
    const who = 'write-bytes-avail-evt';
    if (!(b instanceof RBytes)) return argError(who, 'bytes?', b);
    const out = outArg(this, who, port, who);
    const [, a, e] = bytesRange(who, b, start, end);
    if (out instanceof CustomOutputPort) {
      if (out.writeEvtProc === false) return argumentsError(who, 'port does not support atomic writes', ['port', out]);
      const r = out.callProc(out.writeEvtProc, [b, a, e]);
      if (asEvt(r) === null) return argError(who, 'evt?', r);
      return r;
    }
    return new WriteBytesEvt(out, b, a, e);
  });
  t.fn('port-writes-atomic?', 1, 1, function (this: Machine, p: Value) {
    return writesAtomic(outArg(this, 'port-writes-atomic?', p, null));
  });
  t.fn('port-writes-special?', 1, 1, function (this: Machine, p: Value) {
    const out = outArg(this, 'port-writes-special?', p, null);
    return out instanceof CustomOutputPort && out.writeSpecialProc !== false;
  });
  const special = (who: string, nonBlock: boolean, breakable: boolean) =>
    function (this: Machine, v: Value, port?: Value) {
      const out = outArg(this, who, port, null);
      if (!(out instanceof CustomOutputPort) || out.writeSpecialProc === false) return noSpecials(who, out);
      if (out.closed) outArg(this, who, out, who);
      return out.writeSpecial(v, nonBlock, breakable);
    };
  t.fn('write-special', 1, 2, special('write-special', false, true));
  t.fn('write-special-avail*', 1, 2, special('write-special-avail*', true, false));
  t.fn('write-special-evt', 1, 2, function (this: Machine, v: Value, port?: Value) {
    const who = 'write-special-evt';
    const out = outArg(this, who, port, null);
    if (!(out instanceof CustomOutputPort) || out.writeSpecialEvtProc === false)
      return argumentsError(who, 'port does not support special-value events', ['port', out]);
    const r = out.callProc(out.writeSpecialEvtProc, [v]);
    if (asEvt(r) === null) return argError(who, 'evt?', r);
    return r;
  });
}
