// The printer's extension protocol and helpers for the kinds of value that
// print themselves (see the overview in src/printer/print.ts). It is part of
// the values layer because every layer that defines a printable kind
// (threads, ports, sockets) implements it, and the printer sits above values.

import type { Value } from './types.js';

export type PrintMode = 'display' | 'write' | 'print';

/**
 * How a custom value behaves in `print` mode (Racket's
 * `prop:custom-print-quotable`):
 * - 'self': prints the same quoted or not and never needs a quote
 *   (opaque values: `#<procedure:f>`, `#<point>`). The default.
 * - 'never': must be printed in expression (constructor) position, so any
 *   list/vector/box/hash containing it prints in constructor style
 *   (transparent structs: `(point 1 2)`).
 * - 'maybe': quotable exactly when the values it prints (through
 *   `ctx.recur` at quote depth 0) are; gets a `'` at depth 0 when quotable
 *   (prefab structs: `'#s(msg 1)`, or `(msg (mcons 1 2))`).
 * - 'always': always printed quoted, with a `'` at depth 0.
 */
export type Quotable = 'self' | 'never' | 'maybe' | 'always';

/** What a custom printer is told, and how it prints its parts. */
export interface PrintContext {
  /** The mode this value is being printed in. */
  readonly mode: PrintMode;
  /**
   * In 'print' mode: 0 when the value is in expression position (print a
   * constructor form if the value needs one), 1 when it is inside a quoted
   * datum (print its literal/quoted form). Always 1 in 'write' and
   * 'display' mode, where there is no quoting.
   */
  readonly quoteDepth: 0 | 1;
  /**
   * The printed form of a part of this value, by default in the same mode
   * and at the same quote depth (for 'write' and 'display' the depth is
   * ignored).
   */
  recur(v: Value, mode?: PrintMode, quoteDepth?: 0 | 1): string;
}

/** The method a value implements to print itself. */
export const customPrint: unique symbol = Symbol.for('racket-udp.customPrint');
/** The optional quotability of a custom-printed value; see `Quotable`. */
export const printQuotable: unique symbol = Symbol.for('racket-udp.printQuotable');

export interface CustomPrintable {
  [customPrint](ctx: PrintContext): string;
  readonly [printQuotable]?: Quotable;
}

export function isCustomPrintable(v: Value): v is CustomPrintable {
  return (
    ((typeof v === 'object' && v !== null) || typeof v === 'function') && typeof (v as Partial<CustomPrintable>)[customPrint] === 'function'
  );
}

// ---------------------------------------------------------------------------
// Helpers for custom printers

/**
 * `#<what:name>`, or `#<what>` without a name: `#<procedure:f>`,
 * `#<procedure>`, `#<thread:worker>`, `#<output-port:stdout>`. The name is
 * shown as is (Racket does not quote it: `#<procedure:a b>`).
 */
export function printNamed(what: string, name?: string | null): string {
  return name === undefined || name === null ? `#<${what}>` : `#<${what}:${name}>`;
}

/**
 * A transparent struct instance (quotability 'never): `(point 1 'a)` in
 * print mode at quote depth 0, `#(struct:point 1 a)` otherwise (fields in
 * the same mode; `display` shows `#(struct:point 1 "s")` as
 * `#(struct:point 1 s)`).
 */
export function printTransparentStruct(ctx: PrintContext, name: string, fields: readonly Value[]): string {
  let out = ctx.mode === 'print' && ctx.quoteDepth === 0 ? `(${name}` : `#(struct:${name}`;
  for (const f of fields) out += ' ' + ctx.recur(f);
  return out + ')';
}

/**
 * A prefab struct instance (quotability 'maybe): `#s(key f ...)` with the
 * key and fields in the same mode, so `'#s(msg 1)` in print mode; in print
 * mode at quote depth 0 (reached only when a field needs constructor
 * style) `(name f ...)`, like `(msg (mcons 1 2))`. `key` is the prefab key
 * as printed after `#s(`: a symbol, or a list such as `(msg 1 (0 #f) #())`.
 */
export function printPrefabStruct(ctx: PrintContext, key: Value, name: string, fields: readonly Value[]): string {
  let out = ctx.mode === 'print' && ctx.quoteDepth === 0 ? `(${name}` : `#s(${ctx.recur(key)}`;
  for (const f of fields) out += ' ' + ctx.recur(f);
  return out + ')';
}
