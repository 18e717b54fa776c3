// Printing values: display, write, print and their -ln forms, printf,
// fprintf, eprintf and format (with the `~` directives `error` also uses),
// and the printing of module-level results.

import type { Machine } from '../eval/machine.js';
import { displayString, printString, writeString } from '../printer/print.js';
import { argError, errorValueString, genericFail } from '../errors/messages.js';
import type { OutputPort } from '../io/output-port.js';
import { VOID, str, type Value, RString } from '../values/types.js';
import { checkString } from './check.js';
import type { PrimTable } from './table.js';
import { RacketThrow, makeExn, exnFailContractT } from '../errors/exn.js';
import { currentErrorPort, currentOutputPort, outArg } from './ports.js';
import { defaultGlobalPrintHandler, globalPortPrintHandler, printWithHandler } from './port-handlers.js';

function printer(name: string, render: (v: Value, quoteDepth: 0 | 1) => string, mode: 'display' | 'write' | 'print', newline: boolean) {
  return function (this: Machine, v: Value, port?: Value, depth: Value = 0): Value {
    if (depth !== 0 && depth !== 1) return argError(name, '(or/c 0 1)', depth, 2, [v, port as Value, depth]);
    const out = outArg(this, name, port, 'write-string');
    // A port handler (or, for print, a global print handler) takes over; the default prints directly.
    if ((mode === 'print' || out.displayHandler !== null || out.writeHandler !== null) && printWithHandler(this, mode, v, out, depth)) {
      if (newline) out.write('\n');
      return VOID;
    }
    out.write(render(v, depth));
    return VOID;
  };
}

/** fprintf's output to `out`: the ~a, ~s and ~v values go through the port's handlers when it has any. */
function formatTo(m: Machine, who: string, out: OutputPort, fmt: string, args: Value[]): void {
  if (
    out.displayHandler === null &&
    out.writeHandler === null &&
    out.printHandler === null &&
    m.paramValue(globalPortPrintHandler) === defaultGlobalPrintHandler
  ) {
    out.write(formatDirectives(who, fmt, args));
    return;
  }
  const rest = formatDirectives(who, fmt, args, (text, mode, v) => {
    if (text !== '') out.write(text);
    if (!printWithHandler(m, mode, v, out, 0))
      out.write(mode === 'display' ? displayString(v) : mode === 'write' ? writeString(v) : printString(v));
  });
  out.write(rest);
}

/** `format`-style directives: ~a ~s ~v ~e ~n ~% ~~. */
export function formatDirectives(
  who: string,
  fmt: string,
  args: Value[],
  /** Called for each ~a, ~s and ~v value, with the text before it (which is then not in the result). */
  emit?: (text: string, mode: 'display' | 'write' | 'print', v: Value) => void,
): string {
  let out = '';
  let k = 0;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '~' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const d = fmt[++i];
    const next = (): Value => {
      if (k >= args.length) formatArgumentCountError(who, countDirectives(fmt), args);
      return args[k++];
    };
    switch (d) {
      case 'a':
      case 'A':
        if (emit === undefined) out += displayString(next());
        else {
          emit(out, 'display', next());
          out = '';
        }
        break;
      case 's':
      case 'S':
        if (emit === undefined) out += writeString(next());
        else {
          emit(out, 'write', next());
          out = '';
        }
        break;
      case 'v':
      case 'V':
        if (emit === undefined) out += printString(next());
        else {
          emit(out, 'print', next());
          out = '';
        }
        break;
      case 'e':
      case 'E':
        out += errorValueString(next());
        break;
      case 'n':
      case '%':
        out += '\n';
        break;
      case '~':
        out += '~';
        break;
      default:
        if (/\s/.test(d)) {
          while (i + 1 < fmt.length && /[ \t]/.test(fmt[i + 1])) i++;
          break;
        }
        genericFail(
          `${who}: ill-formed pattern string\n  explanation: tag \`~${d}\` not allowed\n  pattern string: ${printString(new RString(fmt, true))}`,
        );
    }
  }
  if (k < args.length) formatArgumentCountError(who, k, args);
  return out;
}

/** Racket's message when a format string and its arguments disagree in number. */
function formatArgumentCountError(who: string, required: number, args: Value[]): never {
  const were = args.length === 0 ? '' : `; arguments were: ${args.map((x) => printString(x)).join(' ')}`;
  throw new RacketThrow(makeExn(exnFailContractT, `${who}: format string requires ${required} arguments, given ${args.length}${were}`));
}

function countDirectives(fmt: string): number {
  let n = 0;
  for (let i = 0; i < fmt.length - 1; i++) {
    if (fmt[i] === '~') {
      if ('aAsSvVeE'.includes(fmt[i + 1])) n++;
      i++;
    }
  }
  return n;
}

export function installPrinting(t: PrimTable): void {
  t.fn('display', 1, 2, printer('display', displayString, 'display', false));
  t.fn('write', 1, 2, printer('write', writeString, 'write', false));
  t.fn(
    'print',
    1,
    3,
    printer('print', (v, depth) => printString(v, depth), 'print', false),
  );
  t.fn(
    'displayln',
    1,
    2,
    printer('displayln', (v) => displayString(v) + '\n', 'display', true),
  );
  t.fn(
    'writeln',
    1,
    2,
    printer('writeln', (v) => writeString(v) + '\n', 'write', true),
  );
  t.fn(
    'println',
    1,
    3,
    printer('println', (v, depth) => printString(v, depth) + '\n', 'print', true),
  );
  t.fn('printf', 1, -1, function (this: Machine, fmt: Value, ...args: Value[]) {
    formatTo(this, 'printf', outArg(this, 'printf', undefined, 'write-string'), checkString('printf', fmt).s, args);
    return VOID;
  });
  t.fn('fprintf', 2, -1, function (this: Machine, port: Value, fmt: Value, ...args: Value[]) {
    formatTo(this, 'fprintf', outArg(this, 'fprintf', port, 'write-string'), checkString('fprintf', fmt).s, args);
    return VOID;
  });
  t.fn('eprintf', 1, -1, function (this: Machine, fmt: Value, ...args: Value[]) {
    (this.paramValue(currentErrorPort) as OutputPort).write(formatDirectives('eprintf', checkString('eprintf', fmt).s, args));
    return VOID;
  });
  t.fn('format', 1, -1, (fmt: Value, ...args: Value[]) => str(formatDirectives('format', checkString('format', fmt).s, args)));

  // Module-level expression results are printed like the REPL prints them.
  t.internalFn('print-values', 0, -1, function (this: Machine, ...vals: Value[]) {
    const out = this.paramValue(currentOutputPort) as OutputPort;
    for (const v of vals) {
      if (v === VOID) continue;
      if (!printWithHandler(this, 'print', v, out, 0)) out.write(printString(v));
      out.write('\n');
    }
    return VOID;
  });
}
