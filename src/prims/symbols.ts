// Symbols: interned and uninterned, symbol<?, gensym.

import { RString, Sym, str, sym, uninternedSym, type Value } from '../values/types.js';
import { checkString, checkSymbol } from './check.js';
import type { PrimTable } from './table.js';
import type { Machine } from '../eval/machine.js';

/** Unreadable symbols: interned in a table of their own, apart from the readable ones. */
const unreadable = new Map<string, Sym>();
const unreadableSyms = new WeakSet<Sym>();

/** Whether `s` was made by string->unreadable-symbol. */
export function isUnreadableSymbol(s: Sym): boolean {
  return unreadableSyms.has(s);
}

export function installSymbols(t: PrimTable): void {
  t.fn('string->unreadable-symbol', 1, 1, (s) => {
    const name = checkString('string->unreadable-symbol', s).s;
    let u = unreadable.get(name);
    if (u === undefined) {
      u = uninternedSym(name);
      unreadable.set(name, u);
      unreadableSyms.add(u);
    }
    return u;
  });
  t.fn('symbol-unreadable?', 1, 1, (s) => unreadableSyms.has(checkSymbol('symbol-unreadable?', s)));
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
