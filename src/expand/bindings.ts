// What identifiers mean, and the table that maps (symbol, scope set) to a meaning.
//
// Resolution follows "Binding as Sets of Scopes": among the bindings of the
// identifier's symbol whose scope sets are subsets of the identifier's, the
// one with the largest set wins.

import type { LocalVar, TopVar } from './core.js';
import type { Core } from './core.js';
import type { Syntax } from '../values/syntax.js';
import type { ScopeSet } from '../values/syntax.js';
import { isSubset } from './scopes.js';
import type { Expander } from './expander.js';

export type MacroTransformer = (stx: Syntax, ex: Expander) => Syntax;
export type CoreFormHandler = (stx: Syntax, ex: Expander) => Core;

export type Meaning =
  | { kind: 'local'; v: LocalVar }
  | { kind: 'top'; v: TopVar; imported: boolean }
  | { kind: 'core'; name: string; expand: CoreFormHandler }
  | { kind: 'macro'; name: string; transform: MacroTransformer };

interface Entry {
  scopes: ScopeSet;
  meaning: Meaning;
}

export class BindingTable {
  private readonly byName = new Map<string, Entry[]>();

  add(name: string, scopes: ScopeSet, meaning: Meaning): void {
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
  resolve(name: string, scopes: ScopeSet): Meaning | null {
    const list = this.byName.get(name);
    if (list === undefined) return null;
    let best: Entry | null = null;
    for (const e of list) {
      if (isSubset(e.scopes, scopes) && (best === null || e.scopes.length > best.scopes.length)) best = e;
    }
    return best === null ? null : best.meaning;
  }

  /** The binding made exactly at `scopes`, if any (for duplicate-definition checks). */
  exact(name: string, scopes: ScopeSet): Meaning | null {
    const list = this.byName.get(name);
    if (list === undefined) return null;
    for (const e of list) if (e.scopes.length === scopes.length && isSubset(e.scopes, scopes)) return e.meaning;
    return null;
  }
}
