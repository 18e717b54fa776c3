// racket/pretty: its parameters, the style table, pretty-print-handler,
// pretty-print-newline, the tentative ports custom writers lay themselves
// out with, and `%pretty-print`, which pretty-print, pretty-write,
// pretty-display and pretty-format (src/lib/pretty.rkt, for their keyword
// arguments) call. The layout itself is prims/pretty-print.ts.

import { runningMachine } from '../eval/machine.js';
import type { Machine } from '../eval/machine-type.js';
import { applyNested } from '../eval/nested.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { argError, argumentsError, errorValueString } from '../errors/messages.js';
import type { OutputPort } from '../io/output-port.js';
import { customPrint } from '../values/printable.js';
import { isExactInteger } from '../values/numbers.js';
import { isNumber } from '../printer/number-format.js';
import { Flonum, Sym, VOID, isList, listToArray, sym, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import { asOutputPort } from './port-structs.js';
import { currentOutputPort } from './ports.js';
import { currentPrintParams } from './print-params.js';
import { PrettySession } from './pretty-print.js';
import { PrettyPort, counterAt, makeTentativePort, transferTentative, writeTo } from './pretty-ports.js';
import type { PrimTable } from './table.js';
import { voidProcedure } from './void.js';

const INFINITY = sym('infinity');

/** A style table: each symbol formats like the symbol it maps to. */
class StyleTable {
  constructor(readonly styles: ReadonlyMap<Sym, Sym>) {}
  [customPrint](): string {
    return '#<pretty-print-style-table>';
  }
}

const toBoolean = (name: string) => new Primitive(name, 1, 1, (v: Value) => v !== false);

function flagParameter(name: string, initial: boolean): Parameter {
  return new Parameter(initial, toBoolean(name), name);
}

/** A parameter whose values must be procedures accepting `n` arguments (`expected` says so in its error). */
function procedureParameter(name: string, initial: Value, n: number, expected: string): Parameter {
  return new Parameter(
    initial,
    new Primitive(name, 1, 1, (v: Value) => {
      if (!isProcedure(v)) return argError('procedure-arity-includes?', 'procedure?', v);
      return arityIncludes(v, n) ? v : argError(name, expected, v);
    }),
    name,
  );
}

const showInexactness = flagParameter('pretty-print-show-inexactness', false);
const exactAsDecimal = flagParameter('pretty-print-exact-as-decimal', false);
const dotWithoutBars = flagParameter('pretty-print-.-symbol-without-bars', false);
const abbreviateReadMacros = new Parameter(true, false, 'pretty-print-abbreviate-read-macros');
const prettyPrinting = flagParameter('pretty-printing', false);

const columns = new Parameter(
  79,
  new Primitive('pretty-print-columns', 1, 1, (v: Value) => {
    const integer = isExactInteger(v) || (v instanceof Flonum && Number.isInteger(v.n));
    return v === INFINITY || integer ? v : argError('pretty-print-columns', "(or/c integer? 'infinity)", v);
  }),
  'pretty-print-columns',
);

const depth = new Parameter(
  false,
  new Primitive('pretty-print-depth', 1, 1, (v: Value) =>
    v === false || isNumber(v) ? v : argError('pretty-print-depth', '(or/c number? #f)', v),
  ),
  'pretty-print-depth',
);

const defaultSizeHook = new Primitive('...s/racket/pretty.rkt:136:18', 3, 3, () => false);
const sizeHook = procedureParameter('pretty-print-size-hook', defaultSizeHook, 3, '(any/c any/c any/c . -> . any/c)');
const printHook = procedureParameter('pretty-print-print-hook', voidProcedure, 3, '(any/c any/c any/c . -> . any/c)');
const prePrintHook = procedureParameter('pretty-print-pre-print-hook', voidProcedure, 2, '(any/c any/c . -> . any/c)');
const postPrintHook = procedureParameter('pretty-print-post-print-hook', voidProcedure, 2, '(any/c any/c . -> . any/c)');

/** The default print-line: a newline before every line but the first, when the width is a number. */
const defaultPrintLine = new Primitive('...s/racket/pretty.rkt:156:18', 4, 4, (line: Value, port: Value, _offset: Value, width: Value) => {
  if (isWidthNumber(width) && line !== 0) asOutputPort(port)?.write('\n');
  return 0;
});
const printLine = procedureParameter('pretty-print-print-line', defaultPrintLine, 4, '(procedure-arity-includes/c 4)');

const defaultRemap = new Primitive('...s/racket/pretty.rkt:193:18', 1, 1, () => false);
const remapStylable = new Parameter(
  defaultRemap,
  new Primitive('pretty-print-remap-stylable', 1, 1, (f: Value) => {
    if (!isProcedure(f)) return argError('procedure-arity-includes?', 'procedure?', f);
    if (!arityIncludes(f, 1)) return argError('pretty-print-remap-stylable', '(symbol? . -> . (or/c symbol? #f))', f);
    // Its results are checked when it is used.
    return new Primitive('...s/racket/pretty.rkt:200:20', 1, 1, (x: Value) => {
      const m = runningMachine();
      const r = m === null ? false : applyNested(m, f, [x]);
      if (r !== false && !(r instanceof Sym)) {
        throw new RacketThrow(
          makeExn(
            exnFailContractT,
            `pretty-print-remap-stylable: contract violation\n  expected: (or/c symbol? #f)\n  result: ${errorValueString(r)}`,
          ),
        );
      }
      return r;
    });
  }),
  'pretty-print-remap-stylable',
);

const styleTable = new Parameter(
  new StyleTable(new Map()),
  new Primitive('pretty-print-current-style-table', 1, 1, (v: Value) =>
    v instanceof StyleTable ? v : argError('pretty-print-current-style-table', 'pretty-print-style-table?', v),
  ),
  'pretty-print-current-style-table',
);

function isWidthNumber(v: Value): boolean {
  return isNumber(v);
}

function widthNumber(v: Value): number | null {
  if (v === INFINITY) return null;
  if (v instanceof Flonum) return v.n;
  return Number(v as number | bigint);
}

function depthNumber(v: Value): number | null {
  if (v === false) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Flonum) return v.n;
  const r = v as { num?: bigint; den?: bigint };
  return r.num !== undefined && r.den !== undefined ? Number(r.num) / Number(r.den) : 0;
}

function extendStyleTable(table: Value, symbols: Value, likes: Value): StyleTable {
  const who = 'pretty-print-extend-style-table';
  const args = [table, symbols, likes];
  if (table !== false && !(table instanceof StyleTable)) argError(who, '(or/c pretty-print-style-table? #f)', table, 0, args);
  const symbolList = (v: Value) => isList(v) && listToArray(v).every((x) => x instanceof Sym);
  // Racket names the second argument for either list.
  if (!symbolList(symbols) || !symbolList(likes)) argError(who, '(listof symbol?)', symbols, 1, args);
  const from = listToArray(symbols) as Sym[];
  const to = listToArray(likes) as Sym[];
  if (from.length !== to.length) {
    argumentsError(
      who,
      "length of first list doesn't match the length of the second list",
      ['first list length', from.length],
      ['second list length', to.length],
      ['first list', symbols],
      ['second list', likes],
    );
  }
  const old = table instanceof StyleTable ? table.styles : new Map<Sym, Sym>();
  const styles = new Map(old);
  for (let i = 0; i < from.length; i++) styles.set(from[i], old.get(to[i]) ?? to[i]);
  return new StyleTable(styles);
}

/** Racket's make-printing-port: passes text to `dest` and runs the session's hooks. */
function printingPort(m: Machine, dest: OutputPort): PrettyPort {
  const pre = m.paramValue(prePrintHook);
  const post = m.paramValue(postPrintHook);
  const hook = m.paramValue(printHook);
  const lineHook = m.paramValue(printLine);
  let line = -1;
  const call = (f: Value, args: Value[]): Value => applyNested(runningMachine() ?? m, f, args);
  const port: PrettyPort = new PrettyPort(
    dest.name,
    (data) => writeTo(dest, data),
    {
      content: null,
      defined: { v: true },
      prePrint: (v) => {
        if (pre !== voidProcedure) call(pre, [v, dest]);
      },
      postPrint: (v) => {
        if (post !== voidProcedure) call(post, [v, dest]);
      },
      outputHooked: (v, _len, display) => {
        if (hook !== voidProcedure) call(hook, [v, display, port]);
      },
      printLine: (useLine, offset, width) => {
        line++;
        const l = useLine ? line : false;
        if (lineHook === defaultPrintLine) {
          if (isWidthNumber(width) && l !== 0) port.write('\n');
          return 0;
        }
        const r = call(lineHook, [l, port, offset, width]);
        return typeof r === 'number' ? r : r instanceof Flonum ? r.n : 0;
      },
    },
    counterAt(dest),
  );
  return port;
}

/** generic-write for pretty-print, pretty-write and pretty-display. */
function prettyPrint(
  m: Machine,
  who: string,
  v: Value,
  portArg: Value,
  qd: Value,
  newline: Value,
  mode: 'print' | 'write' | 'display',
): void {
  const dest = portArg === undefined ? (m.paramValue(currentOutputPort) as OutputPort) : asOutputPort(portArg);
  if (dest === null) argError(who, 'output-port?', portArg);
  if (qd !== 0 && qd !== 1) argError(who, '(or/c 0 1)', qd);
  if (typeof newline !== 'boolean') argError(who, 'boolean?', newline);
  const params = currentPrintParams();
  const widthValue = m.paramValue(columns);
  const display = mode === 'display';
  const pre = m.paramValue(prePrintHook);
  const post = m.paramValue(postPrintHook);
  const size = m.paramValue(sizeHook);
  const remap = m.paramValue(remapStylable);
  const session = new PrettySession(
    m,
    {
      display,
      quoteDepth: mode === 'print' && params.asExpression ? qd : null,
      widthValue,
      width: widthNumber(widthValue),
      depth: depthNumber(m.paramValue(depth)),
      params,
      showInexactness: m.paramValue(showInexactness) !== false,
      exactAsDecimal: m.paramValue(exactAsDecimal) !== false,
      dotWithoutBars: m.paramValue(dotWithoutBars) !== false,
      abbreviateReadMacros: m.paramValue(abbreviateReadMacros) !== false,
      prePostHooks: pre !== voidProcedure || post !== voidProcedure,
      sizeHook: size === defaultSizeHook ? null : size,
      remap: remap === defaultRemap ? null : remap,
      styles: (m.paramValue(styleTable) as StyleTable).styles,
      prettyPrintingParam: prettyPrinting,
      columnsParam: columns,
    },
    printingPort(m, dest!),
    dest!,
  );
  session.print(v, newline);
}

/** `(pretty-print v)` for a result, unless it is void: the REPL's and `rkt -e`'s current-print. */
export const prettyPrinter = new Primitive('pretty-printer', 1, 1, function (this: Machine, v: Value) {
  if (v !== VOID) prettyPrint(this, 'pretty-print', v, undefined, 0, true, 'print');
  return VOID;
});

export function installPretty(t: PrimTable): void {
  t.internalFn('pretty-print', 6, 6, function (this: Machine, who: Value, v: Value, port: Value, qd: Value, newline: Value, mode: Value) {
    prettyPrint(this, (who as Sym).name, v, port, qd, newline, (mode as Sym).name as 'print' | 'write' | 'display');
    return VOID;
  });
  t.internal('pretty-print-columns', columns);
  // For racket/trace's printers (lib/trace.rkt).
  t.internal('pretty-print-print-line', printLine);
  t.in('racket/pretty', () => {
    for (const p of [
      showInexactness,
      exactAsDecimal,
      dotWithoutBars,
      abbreviateReadMacros,
      prettyPrinting,
      columns,
      depth,
      sizeHook,
      printHook,
      prePrintHook,
      postPrintHook,
      printLine,
      remapStylable,
      styleTable,
    ]) {
      t.value(p.name, p);
    }
    t.fn('pretty-print-style-table?', 1, 1, (v: Value) => v instanceof StyleTable);
    t.fn('pretty-print-extend-style-table', 3, 3, extendStyleTable);
    t.fn('pretty-print-handler', 1, 1, function (this: Machine, v: Value) {
      if (v !== VOID) prettyPrint(this, 'pretty-print', v, undefined, 0, true, 'print');
      return VOID;
    });
    t.fn('pretty-print-newline', 2, 2, (p: Value, width: Value) => {
      if (p instanceof PrettyPort) {
        p.info.printLine(true, p.column, width);
        return VOID;
      }
      const port = asOutputPort(p);
      if (port === null) return argError('pretty-print-newline', 'output-port?', p);
      port.write('\n');
      return VOID;
    });
    t.fn('make-tentative-pretty-print-output-port', 3, 3, function (this: Machine, p: Value, width: Value, esc: Value) {
      const base = asOutputPort(p);
      if (base === null) return argError('make-tentative-pretty-print-output-port', 'output-port?', p);
      const limit = widthNumber(width) ?? Number.POSITIVE_INFINITY;
      const port = makeTentativePort(base, limit, () => {
        applyNested(runningMachine() ?? this, esc, []);
      });
      port.writeHandler = base.writeHandler;
      port.displayHandler = base.displayHandler;
      port.printHandler = base.printHandler;
      return port;
    });
    t.fn('tentative-pretty-print-port-transfer', 2, 2, (a: Value, p: Value) => {
      const to = asOutputPort(p);
      if (!(a instanceof PrettyPort) || a.info.content === null)
        return argError('tentative-pretty-print-port-transfer', 'tentative-pretty-print-output-port?', a);
      if (to === null) return argError('tentative-pretty-print-port-transfer', 'output-port?', p);
      transferTentative(a, to);
      return VOID;
    });
    t.fn('tentative-pretty-print-port-cancel', 1, 1, (a: Value) => {
      if (!(a instanceof PrettyPort) || a.info.content === null)
        return argError('tentative-pretty-print-port-cancel', 'tentative-pretty-print-output-port?', a);
      a.info.defined.v = false;
      return VOID;
    });
  });
}
