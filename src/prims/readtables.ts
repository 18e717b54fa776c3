// Readtables (Racket Reference 1.4.11): make-readtable, readtable?,
// readtable-mapping and the current-readtable parameter. A readtable is an
// immutable value; the reader that follows one is readtable-reader.ts.

import { Parameter, Primitive } from '../eval/procedures.js';
import { argError, argumentsError } from '../errors/messages.js';
import { customPrint } from '../values/printable.js';
import { Char, MultipleValues, Sym, sym, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

/** How a character ends a symbol: 'delimit (a terminating macro), 'no-delimit (a non-terminating one), or the code of the character whose default it takes. */
export type DelimiterMode = 'delimit' | 'no-delimit' | number;

export class Readtable {
  constructor(
    /** The `#f` entry: a procedure that reads symbols and numbers, or null. */
    readonly symbolParser: Value | null,
    /** A character mapped to another character's default meaning (a code) or to a macro procedure. */
    readonly chars: ReadonlyMap<number, number | { proc: Value }>,
    /** The procedures of `#` followed by a character. */
    readonly dispatch: ReadonlyMap<number, Value>,
    readonly delimiters: ReadonlyMap<number, DelimiterMode>,
  ) {}

  /** The character whose default meaning `c` has (`c` itself, unless mapped); -2 for a macro character. */
  effective(c: number): number {
    const t = this.chars.get(c);
    if (t === undefined) return c;
    return typeof t === 'number' ? t : -2;
  }

  /** The macro procedure of `c`, or null. */
  handler(c: number): Value | null {
    const t = this.chars.get(c);
    return t === undefined || typeof t === 'number' ? null : t.proc;
  }

  /** The characters that mean what `c` means by default, for error messages (`c` first unless it is remapped). */
  equivalents(c: number): number[] {
    const out = this.chars.has(c) ? [] : [c];
    for (const [k, v] of this.chars) if (v === c) out.push(k);
    return out;
  }

  [customPrint](): string {
    return '#<readtable>';
  }
}

const MACRO_MODES = new Set(['terminating-macro', 'non-terminating-macro', 'dispatch-macro']);

function checkMacroProc(target: Value): void {
  if (!(isProcedure(target) && arityIncludes(target, 6))) argError('make-readtable', '(procedure-arity-includes/c 6)', target);
}

function makeReadtable(base: Value, ...args: Value[]): Readtable {
  const who = 'make-readtable';
  if (base !== false && !(base instanceof Readtable)) return argError(who, '(or/c readtable? #f)', base);
  let symbolParser = base instanceof Readtable ? base.symbolParser : null;
  const chars = new Map(base instanceof Readtable ? base.chars : []);
  const dispatch = new Map(base instanceof Readtable ? base.dispatch : []);
  const delimiters = new Map(base instanceof Readtable ? base.delimiters : []);
  for (let i = 0; i < args.length; i += 3) {
    const key = args[i];
    if (key !== false && !(key instanceof Char)) return argError(who, '(or/c char? #f)', key);
    if (i + 1 >= args.length) {
      if (key instanceof Char) {
        return argumentsError(
          who,
          "expected 'terminating-macro, 'non-terminating-macro, 'dispatch-macro, or character argument after character argument",
          ['character', key],
        );
      }
      return argumentsError(who, "expected 'non-terminating-macro after #f");
    }
    const mode = args[i + 1];
    const modeName = mode instanceof Sym ? mode.name : null;
    if (key instanceof Char) {
      if (!(mode instanceof Char) && !(modeName !== null && MACRO_MODES.has(modeName))) {
        return argError(who, "(or/c 'terminating-macro 'non-terminating-macro 'dispatch-macro char?)", mode);
      }
    } else if (modeName !== 'non-terminating-macro') {
      return argumentsError(who, "expected 'non-terminating-macro after #f");
    }
    if (i + 2 >= args.length) {
      if (mode instanceof Char)
        return argumentsError(who, 'expected readtable or #f argument after character argument', ['character', mode]);
      return argumentsError(who, 'expected procedure argument after symbol argument', ['symbol', mode]);
    }
    const target = args[i + 2];
    if (key === false) {
      checkMacroProc(target);
      symbolParser = target;
    } else if (modeName === 'dispatch-macro') {
      checkMacroProc(target);
      dispatch.set((key as Char).code, target);
    } else if (mode instanceof Char) {
      if (target !== false && !(target instanceof Readtable)) return argError(who, '(or/c readtable? #f)', target);
      const k = (key as Char).code;
      // The character takes on what `mode` means in `target` (its default meaning when `target` is #f).
      const meaning = target instanceof Readtable ? (target.chars.get(mode.code) ?? mode.code) : mode.code;
      chars.set(k, meaning);
      delimiters.set(k, target instanceof Readtable ? (target.delimiters.get(mode.code) ?? mode.code) : mode.code);
    } else {
      checkMacroProc(target);
      const k = (key as Char).code;
      chars.set(k, { proc: target });
      delimiters.set(k, modeName === 'terminating-macro' ? 'delimit' : 'no-delimit');
    }
  }
  return new Readtable(symbolParser, chars, dispatch, delimiters);
}

/** `current-readtable`: #f (the default) reads with the built-in syntax, by the fast reader. */
export const currentReadtable = new Parameter(
  false,
  new Primitive('current-readtable', 1, 1, (v: Value) =>
    v === false || v instanceof Readtable ? v : argError('current-readtable', '(or/c prop:readtable? #f)', v),
  ),
  'current-readtable',
);

export function installReadtables(t: PrimTable): void {
  t.fn('make-readtable', 1, -1, makeReadtable);
  t.fn('readtable?', 1, 1, (v: Value) => v instanceof Readtable);
  t.valuesFn('readtable-mapping', 2, 2, (rt: Value, c: Value) => {
    if (!(rt instanceof Readtable)) return argError('readtable-mapping', 'readtable?', rt);
    if (!(c instanceof Char)) return argError('readtable-mapping', 'char?', c);
    const entry = rt.chars.get(c.code);
    let first: Value = c;
    let proc: Value = false;
    if (typeof entry === 'number') {
      first = Char.of(entry);
    } else if (entry !== undefined) {
      first = sym(rt.delimiters.get(c.code) === 'delimit' ? 'terminating-macro' : 'non-terminating-macro');
      proc = entry.proc;
    }
    return new MultipleValues([first, proc, rt.dispatch.get(c.code) ?? false]);
  });
  t.value('current-readtable', currentReadtable);
}
