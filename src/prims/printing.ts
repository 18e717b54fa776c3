// Printing values: display, write, print and their -ln forms, printf,
// fprintf, eprintf and format (with the `~` directives `error` also uses),
// and the printing of module-level results.

import type { Machine } from '../eval/machine.js';
import { displayString, printString, writeString } from '../printer/print.js';
import { argError, errorValueString } from '../errors/messages.js';
import type { OutputPort } from '../io/output-port.js';
import { VOID, str, type Value, Char, Complex, Flonum } from '../values/types.js';
import { isReal, numberToString, type Num } from '../values/numbers.js';
import { checkString } from './check.js';
import { errorPrintWidth, truncated } from './error-handlers.js';
import type { PrimTable } from './table.js';
import { RacketThrow, makeExn, exnFailContractT } from '../errors/exn.js';
import { currentErrorPort, currentOutputPort, outArg } from './ports.js';
import { defaultGlobalPrintHandler, globalPortPrintHandler, printWithHandler } from './port-handlers.js';
import { currentPrint, defaultCurrentPrint } from './repl.js';
import { applyNested } from '../eval/nested.js';
import { Primitive } from '../eval/procedures.js';

/** The current error-print-width, where ~.a and its kin cut a value. */
export function cutWidth(m: Machine): number {
  return m.paramValue(errorPrintWidth) as number;
}

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
    let text: string | null = null;
    try {
      text = formatDirectives(who, fmt, args, undefined, cutWidth(m));
    } catch (e) {
      // A value that raises while it prints (a contracted vector's element): print again piece by
      // piece, so that what comes before it is written first, as Racket's printf does.
      if (!(e instanceof RacketThrow)) throw e;
    }
    if (text !== null) {
      out.write(text);
      return;
    }
  }
  const rest = formatDirectives(
    who,
    fmt,
    args,
    (text, mode, v) => {
      if (text !== '') out.write(text);
      if (!printWithHandler(m, mode, v, out, 0))
        out.write(mode === 'display' ? displayString(v) : mode === 'write' ? writeString(v) : printString(v));
    },
    cutWidth(m),
  );
  out.write(rest);
}

/** A directive of a format string that takes an argument: ~a ~s ~v ~e ~c ~b ~o ~x (lower case). */
type ValueTag = 'a' | 's' | 'v' | 'e' | 'c' | 'b' | 'o' | 'x';

/** A format string taken apart: literal text and the directives that consume arguments, in order. */
interface FormatPlan {
  /** `cut`: ~.a, ~.s, ~.v, whose value is cut to error-print-width. */
  pieces: (string | { tag: ValueTag; cut?: boolean })[];
  valueCount: number;
}

const VALUE_TAGS: Record<string, ValueTag> = {
  a: 'a',
  A: 'a',
  s: 's',
  S: 's',
  v: 'v',
  V: 'v',
  e: 'e',
  E: 'e',
  c: 'c',
  C: 'c',
  b: 'b',
  B: 'b',
  o: 'o',
  O: 'o',
  x: 'x',
  X: 'x',
};

const isWhitespace = (c: string): boolean => /^\s$/u.test(c);

/**
 * Parses a format string as Racket's printf does. `~` followed by
 * whitespace skips that whitespace up to (not including) a second end of
 * line (`\n`, `\r` or `\r\n`). Raises "ill-formed pattern string" for an
 * unknown tag or a trailing `~`.
 */
function planFormat(who: string, fmt: string, args: Value[]): FormatPlan {
  const pieces: FormatPlan['pieces'] = [];
  let text = '';
  let valueCount = 0;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '~') {
      text += c;
      continue;
    }
    if (i + 1 >= fmt.length) illFormed(who, 'cannot end in `~`', args);
    const d = fmt[++i];
    const tag = VALUE_TAGS[d];
    const cutTag = d === '.' ? VALUE_TAGS[fmt[i + 1]] : undefined;
    if (cutTag === 'a' || cutTag === 's' || cutTag === 'v') {
      if (text !== '') pieces.push(text);
      text = '';
      pieces.push({ tag: cutTag, cut: true });
      valueCount++;
      i++;
    } else if (tag !== undefined) {
      if (text !== '') pieces.push(text);
      text = '';
      pieces.push({ tag });
      valueCount++;
    } else if (d === 'n' || d === '%') text += '\n';
    else if (d === '~') text += '~';
    else if (isWhitespace(d)) {
      let sawEndOfLine = false;
      let j = i;
      for (; j < fmt.length && isWhitespace(fmt[j]); j++) {
        if (fmt[j] === '\n' || fmt[j] === '\r') {
          if (sawEndOfLine) break;
          sawEndOfLine = true;
          if (fmt[j] === '\r' && fmt[j + 1] === '\n') j++;
        }
      }
      i = j - 1;
    } else illFormed(who, `tag \`~${d}\` not allowed`, args);
  }
  if (text !== '') pieces.push(text);
  return { pieces, valueCount };
}

/** `; arguments were: ...`, or nothing when there are none. */
function argumentsWere(args: Value[]): string {
  return args.length === 0 ? '' : `; arguments were: ${args.map((x) => printString(x)).join(' ')}`;
}

function illFormed(who: string, explanation: string, args: Value[]): never {
  throw new RacketThrow(
    makeExn(exnFailContractT, `${who}: ill-formed pattern string\n  explanation: ${explanation}${argumentsWere(args)}`),
  );
}

/** ~c needs a character; ~b ~o ~x need an exact number (Racket's message says "exact integer"). */
function checkFormatArguments(who: string, plan: FormatPlan, args: Value[]): void {
  let k = 0;
  for (const piece of plan.pieces) {
    if (typeof piece === 'string') continue;
    const { tag } = piece;
    const v = args[k];
    let needs: string | null = null;
    if (tag === 'c') needs = v instanceof Char ? null : 'a character';
    else if (tag === 'b' || tag === 'o' || tag === 'x') needs = isExactNumber(v) ? null : 'a exact integer';
    if (needs !== null) {
      throw new RacketThrow(
        makeExn(
          exnFailContractT,
          `${who}: format string requires ${needs}, given something else\n  bad argument: ${printString(v)}${argumentsWere(args.slice(k))}`,
        ),
      );
    }
    k++;
  }
}

function isExactNumber(v: Value): boolean {
  if (v instanceof Complex) return !(v.re instanceof Flonum);
  return isReal(v) && !(v instanceof Flonum);
}

const RADIX: Record<string, number> = { b: 2, o: 8, x: 16 };

/**
 * `format`-style directives: ~a ~s ~v ~e ~c ~b ~o ~x ~n ~% ~~ and ~ before
 * whitespace. The whole string and every argument are checked before
 * anything is produced, as Racket does.
 */
export function formatDirectives(
  who: string,
  fmt: string,
  args: Value[],
  /** Called for each ~a, ~s and ~v value, with the text before it (which is then not in the result). */
  emit?: (text: string, mode: 'display' | 'write' | 'print', v: Value) => void,
  /** error-print-width, where ~.a, ~.s and ~.v cut their values. */
  cutWidth = 256,
): string {
  const plan = planFormat(who, fmt, args);
  if (plan.valueCount !== args.length) formatArgumentCountError(who, plan.valueCount, args);
  checkFormatArguments(who, plan, args);
  let out = '';
  let k = 0;
  const value = (mode: 'display' | 'write' | 'print', v: Value, render: (v: Value) => string) => {
    if (emit === undefined) out += render(v);
    else {
      emit(out, mode, v);
      out = '';
    }
  };
  for (const piece of plan.pieces) {
    if (typeof piece === 'string') {
      out += piece;
      continue;
    }
    if (piece.cut === true) {
      const v = args[k++];
      const text = piece.tag === 'a' ? displayString(v) : piece.tag === 's' ? writeString(v) : printString(v);
      out += truncated(text, cutWidth);
      continue;
    }
    switch (piece.tag) {
      case 'a':
        value('display', args[k++], displayString);
        break;
      case 's':
        value('write', args[k++], writeString);
        break;
      case 'v':
        value('print', args[k++], (v) => printString(v));
        break;
      case 'e':
        out += errorValueString(args[k++]);
        break;
      case 'c':
        out += String.fromCodePoint((args[k++] as Char).code);
        break;
      case 'b':
      case 'o':
      case 'x':
        out += numberToString(args[k++] as Num | Complex, RADIX[piece.tag]);
        break;
    }
  }
  return out;
}

/** Racket's message when a format string and its arguments disagree in number. */
function formatArgumentCountError(who: string, required: number, args: Value[]): never {
  throw new RacketThrow(
    makeExn(exnFailContractT, `${who}: format string requires ${required} arguments, given ${args.length}${argumentsWere(args)}`),
  );
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
    (this.paramValue(currentErrorPort) as OutputPort).write(
      formatDirectives('eprintf', checkString('eprintf', fmt).s, args, undefined, cutWidth(this)),
    );
    return VOID;
  });
  t.fn('format', 1, -1, function (this: Machine, fmt: Value, ...args: Value[]) {
    return str(formatDirectives('format', checkString('format', fmt).s, args, undefined, cutWidth(this)));
  });

  // Module-level expression results are printed like the REPL prints them.
  t.internalFn('print-values', 0, -1, function (this: Machine, ...vals: Value[]) {
    const print = this.paramValue(currentPrint);
    if (print !== defaultCurrentPrint) {
      // A current-print of the program's (or the REPL's pretty printer) sees every result, void included.
      for (const v of vals) {
        if (print instanceof Primitive) print.fn.call(this, v);
        else applyNested(this, print, [v]);
      }
      return VOID;
    }
    const out = this.paramValue(currentOutputPort) as OutputPort;
    for (const v of vals) {
      if (v === VOID) continue;
      if (!printWithHandler(this, 'print', v, out, 0)) out.write(printString(v));
      out.write('\n');
    }
    return VOID;
  });
}
