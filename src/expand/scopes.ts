// Scope sets on syntax objects, with lazy propagation: adding or flipping a
// scope on a syntax object costs O(1); the operation is pushed down to the
// children only when the expander looks inside (`syntaxE`).

import { Box, NULL, Pair, RVector, Sym, type Value } from '../values/types.js';
import { RHash } from '../values/hash.js';
import { makePrefab } from '../values/prefab.js';
import { PrefabLiteral } from '../reader/prefab-literal.js';
import { EMPTY_SCOPES, type Scope, Syntax, type ScopeOp, type ScopeSet, type SrcLoc } from '../values/syntax.js';

export function scopeSetAdd(set: ScopeSet, sc: Scope): ScopeSet {
  let i = 0;
  while (i < set.length && set[i].id < sc.id) i++;
  if (i < set.length && set[i] === sc) return set;
  const out = set.slice();
  out.splice(i, 0, sc);
  return out;
}

export function scopeSetFlip(set: ScopeSet, sc: Scope): ScopeSet {
  const i = set.indexOf(sc);
  if (i < 0) return scopeSetAdd(set, sc);
  const out = set.slice();
  out.splice(i, 1);
  return out;
}

export function scopeSetRemove(set: ScopeSet, sc: Scope): ScopeSet {
  const i = set.indexOf(sc);
  if (i < 0) return set;
  const out = set.slice();
  out.splice(i, 1);
  return out;
}

/** a ⊆ b, both sorted by id. */
export function isSubset(a: ScopeSet, b: ScopeSet): boolean {
  if (a.length > b.length) return false;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const id = a[i].id;
    while (j < b.length && b[j].id < id) j++;
    if (j >= b.length || b[j] !== a[i]) return false;
    j++;
  }
  return true;
}

function applyOp(set: ScopeSet, op: ScopeOp): ScopeSet {
  switch (op.mode) {
    case 'add':
      return scopeSetAdd(set, op.scope);
    case 'flip':
      return scopeSetFlip(set, op.scope);
    case 'remove':
      return scopeSetRemove(set, op.scope);
  }
}

function withOp(s: Syntax, op: ScopeOp): Syntax {
  const r = new Syntax(s.e, s.loc, applyOp(s.scopes, op), s.props);
  if (hasChildren(s.e)) r.pending = s.pending === null ? [op] : [...s.pending, op];
  return r;
}

function hasChildren(e: Value): boolean {
  return e instanceof Pair || e instanceof RVector || e instanceof Box || e instanceof RHash;
}

export function addScope(s: Syntax, sc: Scope): Syntax {
  return withOp(s, { scope: sc, mode: 'add' });
}

export function flipScope(s: Syntax, sc: Scope): Syntax {
  return withOp(s, { scope: sc, mode: 'flip' });
}

export function removeScope(s: Syntax, sc: Scope): Syntax {
  return withOp(s, { scope: sc, mode: 'remove' });
}

/** Applies scope operations to a value that may contain syntax objects. */
function pushOps(v: Value, ops: ScopeOp[]): Value {
  if (v instanceof Syntax) {
    let r = v;
    for (const op of ops) r = withOp(r, op);
    return r;
  }
  if (v instanceof Pair) {
    const items: Value[] = [];
    let x: Value = v;
    while (x instanceof Pair) {
      items.push(pushOps(x.car, ops));
      x = x.cdr;
    }
    let out: Value = x === NULL ? NULL : pushOps(x, ops);
    for (let i = items.length - 1; i >= 0; i--) out = new Pair(items[i], out);
    return out;
  }
  if (v instanceof RVector)
    return new RVector(
      v.items.map((i) => pushOps(i, ops)),
      v.immutable,
    );
  if (v instanceof Box) return new Box(pushOps(v.value, ops), v.immutable);
  if (v instanceof RHash) {
    const h = new RHash(v.kind, v.mutable);
    for (const [k, val] of v.entries()) h.setInPlace(k, pushOps(val, ops));
    return h;
  }
  return v;
}

/** The syntax object's content, with pending scope operations pushed into its children. */
export function syntaxE(s: Syntax): Value {
  if (s.pending !== null) {
    s.e = pushOps(s.e, s.pending);
    s.pending = null;
  }
  return s.e;
}

/** A syntax object wrapping a symbol. */
export type Identifier = Syntax & { e: Sym };

export function isIdentifier(v: Value): v is Identifier {
  return v instanceof Syntax && v.e instanceof Sym;
}

export function idSym(id: Syntax): Sym {
  return id.e as Sym;
}

/** The elements of a syntax list (a proper list, possibly with a syntax-list tail), or null. */
export function syntaxList(s: Value): Syntax[] | null {
  let v: Value = s instanceof Syntax ? syntaxE(s) : s;
  const out: Syntax[] = [];
  for (;;) {
    if (v === NULL) return out;
    if (v instanceof Pair) {
      out.push(v.car as Syntax);
      v = v.cdr;
      continue;
    }
    if (v instanceof Syntax) {
      v = syntaxE(v);
      continue;
    }
    return null;
  }
}

/** Strips syntax wrappers: `syntax->datum`. */
export function syntaxToDatum(v: Value): Value {
  if (v instanceof Syntax) return syntaxToDatum(syntaxE(v));
  if (v instanceof Pair) {
    const items: Value[] = [];
    let x: Value = v;
    while (x instanceof Pair) {
      items.push(syntaxToDatum(x.car));
      x = x.cdr;
    }
    let out: Value = syntaxToDatum(x);
    for (let i = items.length - 1; i >= 0; i--) out = new Pair(items[i], out);
    return out;
  }
  if (v instanceof RVector) return new RVector(v.items.map(syntaxToDatum), true);
  if (v instanceof Box) return new Box(syntaxToDatum(v.value), true);
  if (v instanceof PrefabLiteral) return makePrefab(syntaxToDatum(v.key), v.fields.map(syntaxToDatum)) ?? v;
  if (v instanceof RHash) {
    const h = new RHash(v.kind, false);
    for (const [k, val] of v.entries()) h.setInPlace(k, syntaxToDatum(val));
    return h;
  }
  return v;
}

/** `datum->syntax`: wraps a datum, taking scopes and location from `ctx`. */
export function datumToSyntax(ctx: Syntax | null, d: Value, loc: SrcLoc | null = ctx ? ctx.loc : null): Syntax {
  if (d instanceof Syntax) return d;
  const scopes = ctx ? ctx.scopes : EMPTY_SCOPES;
  const wrap = (x: Value): Value => (x instanceof Syntax ? x : datumToSyntax(ctx, x, loc));
  let e: Value = d;
  if (d instanceof Pair) {
    const items: Value[] = [];
    let x: Value = d;
    while (x instanceof Pair) {
      items.push(wrap(x.car));
      x = x.cdr;
    }
    let out: Value = x === NULL ? NULL : wrap(x);
    for (let i = items.length - 1; i >= 0; i--) out = new Pair(items[i], out);
    e = out;
  } else if (d instanceof RVector) e = new RVector(d.items.map(wrap), true);
  else if (d instanceof Box) e = new Box(wrap(d.value), true);
  return new Syntax(e, loc, scopes);
}
