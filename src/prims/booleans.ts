// Booleans: not, boolean?, immutable?, and racket/bool.

import { argError } from '../errors/messages.js';
import { Box, RBytes, RString, RVector, Sym, type Value } from '../values/types.js';
import { RHash } from '../values/hash.js';
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
    t.fn('symbol=?', 2, 2, (a: Value, b: Value) => {
      if (!(a instanceof Sym)) argError('symbol=?', 'symbol?', a, 0, [a, b]);
      if (!(b instanceof Sym)) argError('symbol=?', 'symbol?', b, 1, [a, b]);
      return a === b;
    });
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
