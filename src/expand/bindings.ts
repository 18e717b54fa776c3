// The binding table: it maps (symbol, scope set) to a meaning (what an
// identifier means is defined by the expander, in expander.ts).
//
// Resolution follows "Binding as Sets of Scopes": among the bindings of the
// identifier's symbol whose scope sets are subsets of the identifier's, the
// one with the largest set wins.

import type { ScopeSet } from '../values/syntax.js';
import { isSubset } from './scopes.js';

interface Entry<M> {
  scopes: ScopeSet;
  meaning: M;
}

export class BindingTable<M> {
  private readonly byName = new Map<string, Entry<M>[]>();

  add(name: string, scopes: ScopeSet, meaning: M): void {
    let list = this.byName.get(name);
    if (list === undefined) {
      list = [];
      this.byName.set(name, list);
    }
    for (const e of list) {
      if (e.scopes.length === scopes.length && isSubset(e.scopes, scopes)) {
        e.meaning = meaning;
        return;
      }
    }
    list.push({ scopes, meaning });
  }

  /** The meaning of `name` seen with `scopes`, or null when unbound. */
  resolve(name: string, scopes: ScopeSet): M | null {
    const list = this.byName.get(name);
    if (list === undefined) return null;
    let best: Entry<M> | null = null;
    for (const e of list) {
      if (isSubset(e.scopes, scopes) && (best === null || e.scopes.length > best.scopes.length)) best = e;
    }
    return best === null ? null : best.meaning;
  }

  /** The binding made exactly at `scopes`, if any (for duplicate-definition checks). */
  exact(name: string, scopes: ScopeSet): M | null {
    const list = this.byName.get(name);
    if (list === undefined) return null;
    for (const e of list) if (e.scopes.length === scopes.length && isSubset(e.scopes, scopes)) return e.meaning;
    return null;
  }
}
