// The binding table: it maps (symbol, scope set, phase) to a meaning (what an
// identifier means is defined by the expander, in expander.ts).
//
// Resolution follows "Binding as Sets of Scopes": among the bindings of the
// identifier's symbol at the phase being expanded whose scope sets are
// subsets of the identifier's, the one with the largest set wins. A binding
// made for every phase (the runtime's own racket/base, which JS macros
// build their output from) is seen at each phase.

import type { ScopeSet } from '../values/syntax.js';
import type { Sym } from '../values/types.js';
import { isSubset } from './scopes.js';

/** A phase level (0: run time, 1: compile time of phase 0, ...), or ALL_PHASES. */
export type Phase = number | null;
export const ALL_PHASES: Phase = null;
/** The label phase (`for-label`, phase #f), kept in the table as a number no shift reaches. */
export const LABEL_PHASE = -1_000_000;

const uninternedKeys = new WeakMap<Sym, string>();
let uninternedCount = 0;

/** The key a symbol's bindings are filed under: its name, or for an uninterned symbol a key of its own. */
export function symbolKey(s: Sym): string {
  if (s.interned) return s.name;
  let k = uninternedKeys.get(s);
  if (k === undefined) {
    k = `\u0000${++uninternedCount}:${s.name}`;
    uninternedKeys.set(s, k);
  }
  return k;
}

interface Entry<M> {
  scopes: ScopeSet;
  phase: Phase;
  meaning: M;
}

export class BindingTable<M> {
  private readonly byName = new Map<string, Entry<M>[]>();

  add(name: string, scopes: ScopeSet, meaning: M, phase: Phase): void {
    let list = this.byName.get(name);
    if (list === undefined) {
      list = [];
      this.byName.set(name, list);
    }
    for (const e of list) {
      if (e.phase === phase && sameSet(e.scopes, scopes)) {
        e.meaning = meaning;
        return;
      }
    }
    list.push({ scopes, phase, meaning });
  }

  /** The meaning of `name` seen with `scopes` at `phase`, or null when unbound. */
  resolve(name: string, scopes: ScopeSet, phase: number): M | null {
    return this.best(name, scopes, phase)?.meaning ?? null;
  }

  /** Gives the binding `scopes` resolve to a new meaning (struct/contract's struct info); false when unbound. */
  replaceResolved(name: string, scopes: ScopeSet, phase: number, meaning: M): boolean {
    const e = this.best(name, scopes, phase);
    if (e === null) return false;
    e.meaning = meaning;
    return true;
  }

  /** The binding resolution picks: among those whose scopes are a subset of `scopes`, the one with the most. */
  private best(name: string, scopes: ScopeSet, phase: number): Entry<M> | null {
    const list = this.byName.get(name);
    if (list === undefined) return null;
    let best: Entry<M> | null = null;
    for (const e of list) {
      if (
        (e.phase === phase || e.phase === ALL_PHASES) &&
        isSubset(e.scopes, scopes) &&
        (best === null || e.scopes.length > best.scopes.length)
      )
        best = e;
    }
    return best;
  }

  /** Every name with a binding seen with `scopes` at `phase` (namespace-mapped-symbols). */
  namesVisible(scopes: ScopeSet, phase: number): string[] {
    const out: string[] = [];
    for (const [name, list] of this.byName) {
      if (list.some((e) => (e.phase === phase || e.phase === ALL_PHASES) && isSubset(e.scopes, scopes))) out.push(name);
    }
    return out;
  }

  /** The scope set of the binding `resolve` finds, or null when unbound. */
  resolveScopes(name: string, scopes: ScopeSet, phase: number): ScopeSet | null {
    return this.best(name, scopes, phase)?.scopes ?? null;
  }

  /** The interned names bound for `scopes` at `phase` (with `exact`, only bindings made at exactly those scopes). */
  boundNames(scopes: ScopeSet, phase: number, exact: boolean): string[] {
    const out: string[] = [];
    for (const [name, list] of this.byName) {
      if (name.startsWith('\u0000')) continue;
      const seen = list.some(
        (e) => (e.phase === phase || e.phase === ALL_PHASES) && (exact ? sameSet(e.scopes, scopes) : isSubset(e.scopes, scopes)),
      );
      if (seen) out.push(name);
    }
    return out;
  }

  /** The phases of the bindings seen with `scopes`, of any name (syntax-bound-phases); ALL_PHASES for those made for every phase. */
  boundPhases(scopes: ScopeSet): Set<Phase> {
    const out = new Set<Phase>();
    if (scopes.length === 0) return out;
    for (const list of this.byName.values()) for (const e of list) if (isSubset(e.scopes, scopes)) out.add(e.phase);
    return out;
  }

  /** The binding made exactly at `scopes` and `phase`, if any (for duplicate-definition checks). */
  exact(name: string, scopes: ScopeSet, phase: number): M | null {
    const list = this.byName.get(name);
    if (list === undefined) return null;
    for (const e of list) if (e.phase === phase && sameSet(e.scopes, scopes)) return e.meaning;
    return null;
  }
}

function sameSet(a: ScopeSet, b: ScopeSet): boolean {
  return a.length === b.length && isSubset(a, b);
}
