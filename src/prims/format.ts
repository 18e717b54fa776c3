// racket/format: ~a ~s ~v ~e (values to strings, with width, alignment and
// padding) and ~r (numbers with precision, minimum width and base).

import { UNSUPPLIED } from '../expand/core.js';
import { Primitive } from '../eval/procedures.js';
import { displayString, printString, writeString } from '../printer/print.js';
import { argError } from '../errors/messages.js';
import * as N from '../values/numbers.js';
import { Pair, RString, type Sym, keyword, str, type Value } from '../values/types.js';
import { KeywordProcedure } from './keyword-procedures.js';
import { truncated } from './error-handlers.js';
import { cutWidth } from './printing.js';
import type { Machine } from '../eval/machine.js';
import type { PrimTable } from './table.js';

const given = (v: Value) => v !== UNSUPPLIED;

function text(who: string, v: Value, dflt: string): string {
  if (!given(v)) return dflt;
  if (v instanceof RString) return v.s;
  return argError(who, 'string?', v);
}

function count(who: string, v: Value): number | null {
  if (!given(v) || v === false) return null;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  return argError(who, 'exact-nonnegative-integer?', v);
}

/** `n` characters of padding made by repeating `pad`; left padding takes the repetition's end. */
function padding(pad: string, n: number, fromRight: boolean): string {
  if (n <= 0 || pad === '') return '';
  const chars = Array.from(pad.repeat(Math.ceil(n / Array.from(pad).length) + 1));
  return (fromRight ? chars.slice(chars.length - n) : chars.slice(0, n)).join('');
}

/** Applies ~a's width, alignment and padding keywords to `s`. */
function fit(who: string, s: string, kw: Record<string, Value>): string {
  const width = count(who, kw.width);
  const maxWidth = count(who, kw['max-width']) ?? width;
  const minWidth = count(who, kw['min-width']) ?? width ?? 0;
  let chars = Array.from(s);
  if (maxWidth !== null && chars.length > maxWidth) {
    const marker = Array.from(text(who, kw['limit-marker'], ''));
    const keep = Math.max(0, maxWidth - marker.length);
    chars =
      kw['limit-prefix?'] !== UNSUPPLIED && kw['limit-prefix?'] !== false
        ? [...marker, ...chars.slice(chars.length - keep)].slice(-maxWidth)
        : [...chars.slice(0, keep), ...marker].slice(0, maxWidth);
  }
  const missing = minWidth - chars.length;
  if (missing <= 0) return chars.join('');
  const pad = text(who, kw['pad-string'], ' ');
  const leftPad = text(who, kw['left-pad-string'], pad);
  const rightPad = text(who, kw['right-pad-string'], pad);
  const align = given(kw.align) ? (kw.align as Sym).name : 'left';
  const body = chars.join('');
  if (align === 'right') return padding(leftPad, missing, true) + body;
  if (align === 'center') {
    const left = Math.floor(missing / 2);
    return padding(leftPad, left, true) + body + padding(rightPad, missing - left, false);
  }
  return body + padding(rightPad, missing, false);
}

const A_KEYWORDS = [
  'align',
  'left-pad-string',
  'limit-marker',
  'limit-prefix?',
  'max-width',
  'min-width',
  'pad-string',
  'right-pad-string',
  'separator',
  'width',
];

/** ~a and friends: `render` turns each value into text. */
function tilde(t: PrimTable, name: string, render: (v: Value, m: Machine) => string, defaultSeparator: string): void {
  const n = A_KEYWORDS.length;
  const proc = new Primitive(name, n, -1, function (this: Machine, ...args: Value[]) {
    const kw: Record<string, Value> = {};
    A_KEYWORDS.forEach((k, i) => (kw[k] = args[i]));
    const sep = text(name, kw.separator, defaultSeparator);
    return str(
      fit(
        name,
        args
          .slice(n)
          .map((v) => render(v, this))
          .join(sep),
        kw,
      ),
    );
  });
  t.value(
    name,
    new KeywordProcedure(
      proc,
      A_KEYWORDS.map((k) => keyword(k)),
      [],
    ),
  );
}

const R_KEYWORDS = ['base', 'min-width', 'pad-string', 'precision', 'sign'];

/** The digits of `x` with at most (or, with exact, exactly) `precision` digits after the point. */
function fixed(x: N.Num, precision: number, exact: boolean): string {
  if (N.isExactInteger(x) && !exact) return String(x);
  let s = N.toDouble(x).toFixed(precision);
  if (!exact && s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

function tildeR(t: PrimTable): void {
  const n = R_KEYWORDS.length;
  const proc = new Primitive('~r', n + 1, n + 1, (...args: Value[]) => {
    const [base, minWidth, padString, precision, , x] = args;
    if (!N.isNumber(x) || !N.isRational(x)) return argError('~r', 'rational?', x);
    const num = x as N.Num;
    const radix = given(base) ? (base as number) : 10;
    let digits: string;
    if (radix !== 10) digits = N.numberToString(N.abs(num), radix);
    else if (!given(precision)) digits = fixed(N.abs(num), 6, false);
    else if (typeof precision === 'number') digits = fixed(N.abs(num), precision, false);
    else if (precision instanceof Pair && precision.cdr instanceof Pair) digits = fixed(N.abs(num), precision.cdr.car as number, true);
    else return argError('~r', "(or/c exact-nonnegative-integer? (list/c '= exact-nonnegative-integer?))", precision);
    const negative = N.compare(num, 0) < 0;
    const width = given(minWidth) ? (minWidth as number) : 1;
    const pad = text('~r', padString, ' ');
    const missing = width - digits.length;
    // The minimum width counts the digits only; padding goes between the sign and them, as Racket does.
    return str((negative ? '-' : '') + padding(pad, missing, true) + digits);
  });
  t.value(
    '~r',
    new KeywordProcedure(
      proc,
      R_KEYWORDS.map((k) => keyword(k)),
      [],
    ),
  );
}

export function installFormat(t: PrimTable): void {
  t.in('racket/format', () => {
    tilde(t, '~a', displayString, '');
    tilde(t, '~s', writeString, ' ');
    tilde(t, '~v', (v) => printString(v), ' ');
    tilde(t, '~e', (v) => printString(v), ' ');
    // ~.a, ~.s and ~.v cut each value to error-print-width, as format's ~.a does.
    const cut = (m: Machine, text: string): string => truncated(text, cutWidth(m));
    tilde(t, '~.a', (v, m) => cut(m, displayString(v)), '');
    tilde(t, '~.s', (v, m) => cut(m, writeString(v)), ' ');
    tilde(t, '~.v', (v, m) => cut(m, printString(v)), ' ');
    tildeR(t);
  });
}
