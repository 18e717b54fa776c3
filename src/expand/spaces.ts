// Binding spaces (`for-space`, `only-space-in`, `make-interned-syntax-introducer`):
// as in Racket, a space is an interned scope named by a symbol, and a
// binding in space S is a binding whose scope set includes S's scope.

import { Scope } from '../values/syntax.js';
import type { Expander } from './expander.js';

const interned = new WeakMap<Expander, Map<string, Scope>>();

/** The scope interned under `key` in the expander `ex` (the same scope for every use of the key). */
export function internedScope(ex: Expander, key: string): Scope {
  let byKey = interned.get(ex);
  if (byKey === undefined) {
    byKey = new Map();
    interned.set(ex, byKey);
  }
  let sc = byKey.get(key);
  if (sc === undefined) {
    sc = new Scope('interned');
    byKey.set(key, sc);
  }
  return sc;
}

/** The keys of the scopes interned so far in `ex` (syntax-local-module-interned-scope-symbols). */
export function internedScopeKeys(ex: Expander): string[] {
  return [...(interned.get(ex)?.keys() ?? [])];
}
