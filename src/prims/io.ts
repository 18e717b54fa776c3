// Output: display, write, print and friends, formatted output, string ports.

import type { Machine } from '../eval/machine.js';
import { Parameter } from '../eval/procedures.js';
import { displayString, printString, writeString } from '../printer/print.js';
import { argError } from '../errors/messages.js';
import { OutputPort } from '../io/output-port.js';
import { Char, EOF, RBytes, VOID, str, type Value } from '../values/types.js';
import { installInput } from './input.js';
import { encodeUtf8 } from '../values/utf8.js';
import { checkRange, checkString } from './check.js';
import { formatDirectives } from './control.js';
import type { PrimTable } from './table.js';

export const currentOutputPort = new Parameter(null, false, 'current-output-port');
export const currentErrorPort = new Parameter(null, false, 'current-error-port');

function outArg(m: Machine, name: string, p: Value | undefined): OutputPort {
  if (p === undefined) return m.paramValue(currentOutputPort) as OutputPort;
  if (p instanceof OutputPort) return p;
  return argError(name, 'output-port?', p);
}

function printer(name: string, render: (v: Value) => string) {
  return function (this: Machine, v: Value, port?: Value): Value {
    outArg(this, name, port).write(render(v));
    return VOID;
  };
}

export function installIO(t: PrimTable): void {
  t.value('current-output-port', currentOutputPort);
  t.value('current-error-port', currentErrorPort);
  t.fn('display', 1, 2, printer('display', displayString));
  t.fn('write', 1, 2, printer('write', writeString));
  t.fn('print', 1, 3, printer('print', printString));
  t.fn('displayln', 1, 2, printer('displayln', (v) => displayString(v) + '\n'));
  t.fn('writeln', 1, 2, printer('writeln', (v) => writeString(v) + '\n'));
  t.fn('println', 1, 2, printer('println', (v) => printString(v) + '\n'));
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
  t.fn('write-bytes', 1, 4, function (this: Machine, b: Value, port?: Value) {
    if (!(b instanceof RBytes)) return argError('write-bytes', 'bytes?', b);
    outArg(this, 'write-bytes', port).write(Array.from(b.bytes, (x) => String.fromCharCode(x)).join(''));
    return b.bytes.length;
  });
  t.fn('printf', 1, -1, function (this: Machine, fmt: Value, ...args: Value[]) {
    outArg(this, 'printf', undefined).write(formatDirectives('printf', checkString('printf', fmt).s, args));
    return VOID;
  });
  t.fn('fprintf', 2, -1, function (this: Machine, port: Value, fmt: Value, ...args: Value[]) {
    outArg(this, 'fprintf', port).write(formatDirectives('fprintf', checkString('fprintf', fmt).s, args));
    return VOID;
  });
  t.fn('eprintf', 1, -1, function (this: Machine, fmt: Value, ...args: Value[]) {
    (this.paramValue(currentErrorPort) as OutputPort).write(formatDirectives('eprintf', checkString('eprintf', fmt).s, args));
    return VOID;
  });
  t.fn('format', 1, -1, (fmt: Value, ...args: Value[]) => str(formatDirectives('format', checkString('format', fmt).s, args)));
  t.fn('open-output-string', 0, 1, () => new OutputPort('string', null));
  t.alias('open-output-bytes', 'open-output-string');
  t.fn('get-output-string', 1, 1, (p: Value) => {
    if (!(p instanceof OutputPort) || !p.isStringPort) return argError('get-output-string', 'string-port?', p);
    return str(p.contents());
  });
  t.fn('get-output-bytes', 1, 4, (p: Value, reset: Value = false, start: Value = 0, end?: Value) => {
    if (!(p instanceof OutputPort) || !p.isStringPort) return argError('get-output-bytes', '(and/c output-port? string-port?)', p);
    const all = encodeUtf8(p.contents());
    const [a, e] = checkRange('get-output-bytes', 'port content', p, all.length, start, end);
    if (reset !== false) p.reset();
    return new RBytes(all.slice(a, e), false);
  });
  t.value('eof', EOF);
  t.fn('output-port?', 1, 1, (p) => p instanceof OutputPort);
  t.fn('flush-output', 0, 1, function (this: Machine, port?: Value) {
    outArg(this, 'flush-output', port).flush();
    return VOID;
  });

  installInput(t);

  // Module-level expression results are printed like the REPL prints them.
  t.internalFn('print-values', 0, -1, function (this: Machine, ...vals: Value[]) {
    const out = this.paramValue(currentOutputPort) as OutputPort;
    for (const v of vals) if (v !== VOID) out.write(printString(v) + '\n');
    return VOID;
  });
}
