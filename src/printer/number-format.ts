// The printer's view of numbers: the numeric tower's own printed form
// (numberToString in src/values/numbers.ts), which `display`, `write` and
// `print` all share.

import { isNumber as isNum, numberToString, type Num } from '../values/numbers.js';
import { type Complex, Flonum, type Value } from '../values/types.js';

/** True for every value the printer treats as a number. */
export function isNumber(v: Value): v is Num | Complex {
  return isNum(v);
}

/** The decimal text Racket 8.7 prints for a number. */
export function formatNumber(v: Num | Complex): string {
  return numberToString(v, 10);
}

/** The printed form of a flonum given as a JS number. */
export function formatFlonum(x: number): string {
  return numberToString(new Flonum(x), 10);
}
