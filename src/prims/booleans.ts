// Booleans: not, boolean?, immutable?, and racket/bool.

import { argError } from '../errors/messages.js';
import { Box, RBytes, RString, RVector, type Value } from '../values/types.js';
import { RHash } from '../values/hash.js';
import { checkSymbol } from './check.js';
import { Impersonator, unwrapAll } from '../values/impersonator.js';
import type { PrimTable } from './table.js';

export function installBooleans(t: PrimTable): void {
  t.fn('not', 1, 1, (v) => v === false);
  t.fn('boolean?', 1, 1, (v) => typeof v === 'boolean');
  t.in('racket/bool', () => {
    t.value('true', true);
    t.value('false', false);
    t.fn('false?', 1, 1, (v) => v === false);
    t.fn('xor', 2, 2, (a, b) => (a === false ? b : b === false ? a : false));
    t.fn('implies', 2, 2, (a, b) => (a === false ? true : b));
    t.fn('symbol=?', 1, -1, (...xs: Value[]) => xs.every((x) => checkSymbol('symbol=?', x) === xs[0]));
    t.fn('boolean=?', 2, 2, (a, b) => {
      if (typeof a !== 'boolean') argError('boolean=?', 'boolean?', a);
      if (typeof b !== 'boolean') argError('boolean=?', 'boolean?', b);
      return a === b;
    });
  });
  t.fn('immutable?', 1, 1, (v) => {
    // A chaperone is immutable when what it wraps is.
    if (v instanceof Impersonator) v = unwrapAll(v);
    if (v instanceof RHash) return !v.mutable;
    return v instanceof RString || v instanceof RBytes || v instanceof RVector || v instanceof Box ? v.immutable : false;
  });
}
