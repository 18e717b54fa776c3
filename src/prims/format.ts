// racket/format: ~a ~s ~v ~e (values to strings, with width, alignment and
// padding) and ~r (numbers with precision, minimum width and base).

import * as N from '../values/numbers.js';
import { UNSUPPLIED } from '../expand/core.js';
import { Primitive } from '../eval/procedures.js';
import { displayString, printString, writeString } from '../printer/print.js';
import { argError, genericFail } from '../errors/messages.js';
import { RString, keyword, str, sym, type Value } from '../values/types.js';
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

function count(who: string, v: Value, expected: string, falseOk: boolean): number | null {
  if (!given(v) || (falseOk && v === false)) return null;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  return argError(who, expected, v);
}

function padText(who: string, v: Value, dflt: string): string {
  const s = text(who, v, dflt);
  return s === '' ? argError(who, 'non-empty-string?', v) : s;
}

/** `n` characters of padding made by repeating `pad`: left padding starts with the pattern's start, right padding ends with its end. */
function padding(pad: string, n: number, left: boolean): string {
  if (n <= 0 || pad === '') return '';
  const chars = Array.from(pad.repeat(Math.ceil(n / Array.from(pad).length) + 1));
  return (left ? chars.slice(0, n) : chars.slice(chars.length - n)).join('');
}

/** Applies ~a's width, alignment and padding keywords to `s`. */
function fit(who: string, s: string, kw: Record<string, Value>, defaultMarker: string): string {
  const width = count(who, kw.width, '(or/c natural? #f)', true);
  const maxWidth =
    N.isFlonum(kw['max-width']) && N.toDouble(kw['max-width']) === Infinity
      ? null
      : (count(who, kw['max-width'], '(or/c natural? +inf.0)', false) ?? width);
  const minWidth = count(who, kw['min-width'], 'natural?', false) ?? width ?? 0;
  const marker = Array.from(text(who, kw['limit-marker'], defaultMarker));
  const align = given(kw.align) ? kw.align : sym('left');
  if (align !== sym('left') && align !== sym('right') && align !== sym('center')) {
    return argError(who, '(or/c (quote left) (quote right) (quote center))', align);
  }
  const pad = padText(who, kw['pad-string'], ' ');
  const leftPad = padText(who, kw['left-pad-string'], pad);
  const rightPad = padText(who, kw['right-pad-string'], pad);
  if (maxWidth !== null && minWidth > maxWidth) {
    return genericFail(`${who}: pad-to length greater than limit (${maxWidth}): ${minWidth}`);
  }
  if (maxWidth !== null && marker.length > maxWidth) {
    return genericFail(`${who}: limit-marker string longer than limit (${maxWidth}): ${writeString(str(marker.join('')))}`);
  }
  let chars = Array.from(s);
  if (maxWidth !== null && chars.length > maxWidth) {
    const keep = Math.max(0, maxWidth - marker.length);
    chars =
      kw['limit-prefix?'] !== UNSUPPLIED && kw['limit-prefix?'] !== false
        ? [...marker, ...chars.slice(chars.length - keep)].slice(-maxWidth)
        : [...chars.slice(0, keep), ...marker].slice(0, maxWidth);
  }
  const missing = minWidth - chars.length;
  if (missing <= 0) return chars.join('');
  const body = chars.join('');
  if (align === sym('right')) return padding(leftPad, missing, true) + body;
  if (align === sym('center')) {
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
function tilde(
  t: PrimTable,
  name: string,
  render: (v: Value, m: Machine) => string,
  defaultSeparator: string,
  defaultMarker: string,
): void {
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
        defaultMarker,
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

export function installFormat(t: PrimTable): void {
  t.in('racket/format', () => {
    tilde(t, '~a', displayString, '', '');
    tilde(t, '~s', writeString, ' ', '...');
    tilde(t, '~v', (v) => printString(v), ' ', '...');
    tilde(t, '~e', (v) => printString(v), ' ', '...');
    // ~.a, ~.s and ~.v cut each value to error-print-width, as format's ~.a does.
    const cut = (m: Machine, text: string): string => truncated(text, cutWidth(m));
    tilde(t, '~.a', (v, m) => cut(m, displayString(v)), '', '');
    tilde(t, '~.s', (v, m) => cut(m, writeString(v)), ' ', '...');
    tilde(t, '~.v', (v, m) => cut(m, printString(v)), ' ', '...');
  });
}
