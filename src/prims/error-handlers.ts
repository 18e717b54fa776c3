// The handlers and settings errors go through: uncaught-exception-handler
// (whose default displays the message with error-display-handler, then
// escapes with error-escape-handler), exit-handler (what `exit` calls),
// executable-yield-handler, error-value->string-handler (how messages show
// values), error-syntax->string-handler, and error-print-width and friends.

import { EXN_HANDLER_KEY } from '../eval/marks.js';
import { MarkEntry, MarkFrame, PromptFrame, DEFAULT_PROMPT_TAG } from '../eval/frames.js';
import { NO_HANDLER } from '../eval/exceptions.js';
import { ThenFrame, runningMachine, type Machine } from '../eval/machine.js';
import { MODULE_FORM_PROMPT } from '../eval/nodes.js';
import { applyNested } from '../eval/nested.js';
import { MachinePrimitive, Parameter, Primitive } from '../eval/procedures.js';
import { ExitSignal, exnBreakHangUpT, exnBreakTerminateT, exnMessage, isExn } from '../errors/exn.js';
import { argError, errorValueString, setErrorValueShower } from '../errors/messages.js';
import { printString, writeString } from '../printer/print.js';
import { isExactInteger } from '../values/numbers.js';
import { customPrint } from '../values/printable.js';
import { Syntax } from '../values/syntax.js';
import { StructInstance, type StructType } from '../values/struct.js';
import { syntaxToDatum } from '../expand/scopes.js';
import { RString, VOID, str, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';
import { voidProcedure } from './void.js';
import { flushAll } from './plumbers.js';

/** A parameter guard that accepts procedures of arity `n` (as Racket's handler parameters do). */
function procedureGuard(name: string, n: number): Primitive {
  return new Primitive(name, 1, 1, (v: Value) =>
    isProcedure(v) && arityIncludes(v, n) ? v : argError(name, `(procedure-arity-includes/c ${n})`, v),
  );
}

/** A procedure that prints as `#<procedure>`, like Racket's anonymous defaults. */
class AnonymousPrimitive extends MachinePrimitive {
  override [customPrint](): string {
    return '#<procedure>';
  }
}

/** Marks a handler call for an uncaught exception: an error inside it is handled by the defaults. */
const IN_UNCAUGHT_KEY = { name: 'in-uncaught-exception-handler' };

// ------------------------------------------------------------ escaping

/**
 * The default error escape handler: aborts to the innermost prompt for the
 * default tag that a program installed (call-with-continuation-prompt), or
 * else ends the thread as failed (module-level forms are passed by, as in
 * Racket, where an error ends the module's run).
 */
function abortToDefaultPrompt(m: Machine): void {
  const prompt = innermostProgramPrompt(m);
  if (prompt === null) {
    m.thread.failed = true;
    m.escapeTo(m.thread.abortTag, (m2) => {
      m2.val = VOID;
    });
    return;
  }
  m.escapeTo(prompt.tag!, (m2) => {
    if (prompt.handler !== null) {
      m2.applyArray(prompt.handler, [voidProcedure]);
      return;
    }
    m2.stack.push(new PromptFrame({ name: 'prompt' }, m2.marks, m2.winders, DEFAULT_PROMPT_TAG, null));
    m2.applyArray(voidProcedure, []);
  });
}

function innermostProgramPrompt(m: Machine): PromptFrame | null {
  const isProgramPrompt = (f: unknown): f is PromptFrame =>
    f instanceof PromptFrame && f.promptTag === DEFAULT_PROMPT_TAG && f.tag !== MODULE_FORM_PROMPT && f.tag !== m.thread.abortTag;
  for (let i = m.stack.length - 1; i >= 0; i--) if (isProgramPrompt(m.stack[i])) return m.stack[i] as PromptFrame;
  for (let s = m.rest; s !== null; s = s.next) {
    for (let i = s.len - 1; i >= 0; i--) if (isProgramPrompt(s.frames[i])) return s.frames[i] as PromptFrame;
  }
  return null;
}

const defaultErrorEscapeHandler = new MachinePrimitive('default-error-escape-handler', 0, 0, (m) => abortToDefaultPrompt(m));

/** Calls the current error escape handler; if it returns, escapes as the default does. */
function escapeAfterError(m: Machine): void {
  m.stack.push(new ThenFrame(abortToDefaultPrompt));
  m.applyArray(m.paramValue(errorEscapeHandler), []);
}

// ------------------------------------------------------------ displaying

function isExnOf(v: Value, type: StructType): boolean {
  return v instanceof StructInstance && v.type.isSubtypeOf(type);
}

/** The message the default uncaught-exception handler displays for a raised value. */
function uncaughtMessage(v: Value): string {
  return isExn(v) ? exnMessage(v) : `uncaught exception: ${errorValueString(v)}`;
}

const defaultErrorDisplayHandler = new MachinePrimitive('default-error-display-handler', 2, 2, (m, a) => {
  m.rt.displayError(m, a[1], a[2]);
  m.returnValue(VOID);
});

// A hang-up or terminate break that no one catches ends the process (exit code
// 1), whichever thread it reached; a hang-up silently, as Racket's does.
const defaultUncaughtExceptionHandler = new MachinePrimitive('default-uncaught-exception-handler', 1, 1, (m, a) => {
  const v = a[1];
  const exit = (m2: Machine) => m2.applyArray(m2.paramValue(exitHandler), [1]);
  if (isExnOf(v, exnBreakHangUpT)) return exit(m);
  m.stack.push(new ThenFrame(isExnOf(v, exnBreakTerminateT) ? exit : escapeAfterError));
  m.applyArray(m.paramValue(errorDisplayHandler), [str(uncaughtMessage(v), true), v]);
});

/**
 * A raise found no handler: calls the uncaught-exception handler in the
 * raise's context, with no exception handler of its own. A handler that
 * returns is reported, and the thread escapes as after any error.
 */
export function handleUncaught(m: Machine, v: Value): void {
  const nested = m.firstMark(IN_UNCAUGHT_KEY) !== undefined;
  const h = nested ? defaultUncaughtExceptionHandler : m.paramValue(uncaughtExceptionHandler);
  m.stack.push(new MarkFrame(m.marks));
  m.marks = new MarkEntry(EXN_HANDLER_KEY, NO_HANDLER, new MarkEntry(IN_UNCAUGHT_KEY, true, m.marks));
  if (h !== defaultUncaughtExceptionHandler) {
    m.stack.push(
      new ThenFrame((m2) => {
        const text = `handler for uncaught exceptions: did not escape; original exception raised: ${uncaughtMessage(v)}`;
        m2.rt.displayError(m2, str(text, true), v);
        abortToDefaultPrompt(m2);
      }),
    );
  }
  m.applyArray(h, [v]);
}

// ------------------------------------------------------------ showing values

/** `printed` cut to `width` characters, ending in "..." when cut (Racket's default). */
export function truncated(printed: string, width: number): string {
  return printed.length <= width ? printed : `${printed.slice(0, Math.max(0, width - 3))}...`;
}

function checkWidth(who: string, w: Value): number {
  if (typeof w === 'number' && Number.isInteger(w) && w >= 0) return w;
  if (isExactInteger(w) && typeof w === 'bigint' && w >= 0n) return Number.MAX_SAFE_INTEGER;
  return argError(who, 'exact-nonnegative-integer?', w);
}

const defaultErrorValueToStringHandler = new Primitive('default-error-value->string-handler', 2, 2, (v: Value, width: Value) =>
  str(truncated(printString(v), checkWidth('default-error-value->string-handler', width)), false),
);

const defaultErrorSyntaxToStringHandler = new Primitive('default-error-syntax->string-handler', 2, 2, (v: Value, width: Value) => {
  const text = writeString(v instanceof Syntax ? syntaxToDatum(v) : v);
  return str(width === false ? text : truncated(text, checkWidth('default-error-syntax->string-handler', width)), false);
});

/** How values appear in error messages: through the running thread's error-value->string-handler. */
function showErrorValue(v: Value): string {
  const m = runningMachine();
  if (m === null) return truncated(printString(v), 256);
  const width = m.paramValue(errorPrintWidth) as number;
  const h = m.paramValue(errorValueToStringHandler);
  if (h === defaultErrorValueToStringHandler) return truncated(printString(v), width);
  const r = applyNested(m, h, [v, width]);
  return r instanceof RString ? r.s : '...';
}
setErrorValueShower(showErrorValue);

// ------------------------------------------------------------ exiting

/** The default exit handler: ends the run, with `v` as the exit code when it is one. */
const defaultExitHandler = new AnonymousPrimitive('exit-handler', 1, 1, (m, a) => {
  const v = a[1];
  const code = typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255 ? v : 0;
  flushAll(m, m.rt.originalPlumber, () => {
    throw new ExitSignal(code);
  });
});

// ------------------------------------------------------------ the parameters

export const uncaughtExceptionHandler = new Parameter(
  defaultUncaughtExceptionHandler,
  procedureGuard('uncaught-exception-handler', 1),
  'uncaught-exception-handler',
);
export const errorDisplayHandler = new Parameter(
  defaultErrorDisplayHandler,
  procedureGuard('error-display-handler', 2),
  'error-display-handler',
);
export const errorEscapeHandler = new Parameter(
  defaultErrorEscapeHandler,
  procedureGuard('error-escape-handler', 0),
  'error-escape-handler',
);
export const exitHandler = new Parameter(defaultExitHandler, procedureGuard('exit-handler', 1), 'exit-handler');
export const executableYieldHandler = new Parameter(
  voidProcedure,
  procedureGuard('executable-yield-handler', 1),
  'executable-yield-handler',
);
export const errorValueToStringHandler = new Parameter(
  defaultErrorValueToStringHandler,
  procedureGuard('error-value->string-handler', 2),
  'error-value->string-handler',
);
export const errorSyntaxToStringHandler = new Parameter(
  defaultErrorSyntaxToStringHandler,
  procedureGuard('error-syntax->string-handler', 2),
  'error-syntax->string-handler',
);
export const errorPrintWidth = new Parameter(
  256,
  new Primitive('error-print-width', 1, 1, (v: Value) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 3 ? v : argError('error-print-width', '(and/c exact-integer? (>=/c 3))', v),
  ),
  'error-print-width',
);
export const errorPrintContextLength = new Parameter(
  16,
  new Primitive('error-print-context-length', 1, 1, (v: Value) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : argError('error-print-context-length', 'exact-nonnegative-integer?', v),
  ),
  'error-print-context-length',
);
export const errorPrintSourceLocation = new Parameter(
  true,
  new Primitive('error-print-source-location', 1, 1, (v: Value) => v !== false),
  'error-print-source-location',
);

/** `(exit v)`: calls the current exit handler; if it returns, so does `exit`. */
function exit(m: Machine, a: Value[]): void {
  m.applyArray(m.paramValue(exitHandler), [a.length > 1 ? a[1] : true]);
}

/**
 * What the main thread runs after the main module: the executable yield
 * handler, then the exit handler with 0, as `racket FILE` does.
 */
export const finishMain = new MachinePrimitive('finish-main', 0, 0, (m) => {
  m.stack.push(new ThenFrame((m2) => m2.applyArray(m2.paramValue(exitHandler), [0])));
  m.applyArray(m.paramValue(executableYieldHandler), [0]);
});

export function installErrorHandlers(t: PrimTable): void {
  t.value('uncaught-exception-handler', uncaughtExceptionHandler);
  t.value('error-display-handler', errorDisplayHandler);
  t.value('error-escape-handler', errorEscapeHandler);
  t.value('exit-handler', exitHandler);
  t.value('executable-yield-handler', executableYieldHandler);
  t.value('error-value->string-handler', errorValueToStringHandler);
  t.value('error-syntax->string-handler', errorSyntaxToStringHandler);
  t.value('error-print-width', errorPrintWidth);
  t.value('error-print-context-length', errorPrintContextLength);
  t.value('error-print-source-location', errorPrintSourceLocation);
  t.machine('exit', 0, 1, exit);
}
