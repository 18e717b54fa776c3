// Symbols: interned and uninterned, symbol<?, gensym.

import { RString, Sym, str, sym, uninternedSym, type Value } from '../values/types.js';
import { checkString, checkSymbol } from './check.js';
import type { PrimTable } from './table.js';
import type { Machine } from '../eval/machine.js';

export function installSymbols(t: PrimTable): void {
  t.fn('symbol?', 1, 1, (v) => v instanceof Sym);
  t.fn('symbol->string', 1, 1, (s) => str(checkSymbol('symbol->string', s).name));
  t.fn('string->symbol', 1, 1, (s) => sym(checkString('string->symbol', s).s));
  t.fn('string->uninterned-symbol', 1, 1, (s) => uninternedSym(checkString('string->uninterned-symbol', s).s));
  t.fn('symbol-interned?', 1, 1, (s) => checkSymbol('symbol-interned?', s).interned);
  t.fn('symbol<?', 1, -1, (...xs: Value[]) => {
    const ns = xs.map((x) => checkSymbol('symbol<?', x).name);
    for (let i = 0; i + 1 < ns.length; i++) if (!(ns[i] < ns[i + 1])) return false;
    return true;
  });
  t.fn('gensym', 0, 1, function (this: Machine, base: Value = sym('g')) {
    const prefix = base instanceof Sym ? base.name : base instanceof RString ? base.s : 'g';
    return uninternedSym(`${prefix}${this.rt.nextGensym()}`);
  });
}
