// syntax-serialize and syntax-deserialize (The Racket Reference §12.10):
// a syntax object as plain data that `write` can print and `read` can read
// back, and that data as syntax again.
//
// The data is a `serialized-syntax` prefab: the version, a vector of the
// scopes the syntax carries, and the syntax tree, each syntax object a
// vector tagged `#:stx` (plain vectors, boxes, hash tables and prefabs inside
// syntax are tagged too, so they are not mistaken for syntax objects). A
// library's scope is written as the library's name, so its bindings are
// found again in any runtime; any other scope is written as its number and
// kind. Deserialized in the runtime that serialized it, syntax gets its very
// scopes back and keeps every binding; elsewhere such scopes are fresh.

import { argError, argumentsError } from '../errors/messages.js';
import type { Machine } from '../eval/machine.js';
import type { Expander } from '../expand/expander.js';
import { syntaxE } from '../expand/scopes.js';
import { type HashKind, makeHash, RHash } from '../values/hash.js';
import { makePrefab } from '../values/prefab.js';
import { StructInstance } from '../values/struct.js';
import { Scope, Syntax, type SrcLoc } from '../values/syntax.js';
import { Box, Keyword, Pair, RString, RVector, Sym, isList, listFromArray, listToArray, sym, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

const VERSION = '8.7';
const kw = (name: string): Keyword => Keyword.intern(name);

/** Per runtime (its expander), the scopes it has serialized, by number, while they live. */
const serializedScopes = new WeakMap<Expander, Map<number, WeakRef<Scope>>>();

/** How syntax properties are keyed (as in prims/syntax.ts: a symbol by its name). */
function propertyKey(key: Value): Value | string {
  return key instanceof Sym ? key.name : key;
}

function libraryOfScope(ex: Expander, sc: Scope): string | null {
  if (sc === ex.baseScope) return 'racket/base';
  for (const [name, s] of ex.langScopes) if (s === sc) return name;
  return null;
}

function serialize(ex: Expander, stx: Syntax, keys: readonly Value[]): Value {
  const scopeIndex = new Map<Scope, number>();
  const scopes: Value[] = [];
  let live = serializedScopes.get(ex);
  if (live === undefined) {
    live = new Map();
    serializedScopes.set(ex, live);
  }
  const registry = live;
  const indexOf = (sc: Scope): number => {
    let i = scopeIndex.get(sc);
    if (i === undefined) {
      i = scopes.length;
      scopeIndex.set(sc, i);
      const library = libraryOfScope(ex, sc);
      if (library !== null) scopes.push(new RVector([kw('library'), new RString(library, true)], true));
      else {
        registry.set(sc.id, new WeakRef(sc));
        scopes.push(new RVector([kw('scope'), sc.id, sym(sc.kind)], true));
      }
    }
    return i;
  };
  const locValue = (loc: SrcLoc | null): Value => {
    if (loc === null) return false;
    const source = loc.sourceValue ?? new RString(loc.source, true);
    return new RVector(
      [source, loc.line ?? false, loc.column ?? false, loc.position, loc.span, new RString(loc.shown ?? loc.source, true)],
      true,
    );
  };
  const datum = (v: Value): Value => {
    if (v instanceof Syntax) return syntaxNode(v);
    if (v instanceof Pair) return new Pair(datum(v.car), datum(v.cdr));
    if (v instanceof RVector) return new RVector([kw('vec'), ...v.items.map(datum)], true);
    if (v instanceof Box) return new RVector([kw('box'), datum(v.value)], true);
    if (v instanceof RHash)
      return new RVector([kw('hash'), sym(v.kind), listFromArray([...v.entries()].map(([k, x]) => new Pair(k, datum(x))))], true);
    if (v instanceof StructInstance && v.type.prefab !== null)
      return new RVector([kw('prefab'), sym(v.type.prefab), ...v.fields.map(datum)], true);
    return v;
  };
  const syntaxNode = (s: Syntax): Value => {
    const props: Value[] = [];
    if (s.props !== null) {
      for (const k of keys) {
        const stored = propertyKey(k);
        if (s.props.has(stored)) props.push(new Pair(k, s.props.get(stored)!));
      }
    }
    return new RVector([kw('stx'), datum(syntaxE(s)), listFromArray(s.scopes.map(indexOf)), locValue(s.loc), listFromArray(props)], true);
  };
  const root = syntaxNode(stx);
  return makePrefab(sym('serialized-syntax'), [new RString(VERSION, true), new RVector(scopes, true), root])!;
}

/** Thrown while rebuilding data that is not what syntax-serialize makes. */
class InvalidForm extends Error {}

const HASH_KINDS = ['equal', 'eqv', 'eq', 'equal-always'];

function deserialize(ex: Expander, v: Value): Syntax {
  if (!(v instanceof StructInstance) || v.type.prefab !== 'serialized-syntax' || v.fields.length !== 3 || !(v.fields[1] instanceof RVector))
    throw new InvalidForm();
  const live = serializedScopes.get(ex);
  const scopes = v.fields[1].items.map((entry): Scope => {
    if (!(entry instanceof RVector) || !(entry.items[0] instanceof Keyword)) throw new InvalidForm();
    const [tag, a, b] = entry.items;
    if ((tag as Keyword).name === 'library' && a instanceof RString) {
      if (a.s === 'racket/base') return ex.baseScope;
      return ex.library(a.s) === null ? new Scope(a.s) : ex.langScope(a.s);
    }
    if (typeof a !== 'number' || !(b instanceof Sym)) throw new InvalidForm();
    return live?.get(a)?.deref() ?? new Scope(b.name);
  });
  const loc = (l: Value): SrcLoc | null => {
    if (l === false) return null;
    if (!(l instanceof RVector) || l.items.length !== 6) throw new InvalidForm();
    const [source, line, column, position, span, shown] = l.items;
    if (typeof position !== 'number' || typeof span !== 'number') throw new InvalidForm();
    const text = source instanceof RString ? source.s : source instanceof Sym ? source.name : '';
    return {
      source: text,
      line: typeof line === 'number' ? line : null,
      column: typeof column === 'number' ? column : null,
      position,
      span,
      ...(source instanceof RString ? {} : { sourceValue: source }),
      shown: shown instanceof RString ? shown.s : text,
    };
  };
  const datum = (d: Value): Value => {
    if (d instanceof Pair) return new Pair(datum(d.car), datum(d.cdr));
    if (!(d instanceof RVector) || !(d.items[0] instanceof Keyword)) return d;
    const [tag, ...rest] = d.items;
    switch ((tag as Keyword).name) {
      case 'stx':
        return syntaxNode(d);
      case 'vec':
        return new RVector(rest.map(datum), true);
      case 'box':
        return new Box(datum(rest[0]), true);
      case 'hash': {
        const [kind, entries] = rest;
        if (!(kind instanceof Sym) || !HASH_KINDS.includes(kind.name) || !isList(entries)) throw new InvalidForm();
        const pairs = listToArray(entries).map((p): [Value, Value] => {
          if (!(p instanceof Pair)) throw new InvalidForm();
          return [p.car, datum(p.cdr)];
        });
        return makeHash(kind.name as HashKind, false, pairs);
      }
      case 'prefab':
        return makePrefab(rest[0], rest.slice(1).map(datum)) ?? d;
      default:
        return d;
    }
  };
  const syntaxNode = (node: RVector): Syntax => {
    const [, e, scopeRefs, l, props] = node.items;
    if (!isList(scopeRefs) || !isList(props)) throw new InvalidForm();
    const own = listToArray(scopeRefs).map((i) => {
      const sc = typeof i === 'number' ? scopes[i] : undefined;
      if (sc === undefined) throw new InvalidForm();
      return sc;
    });
    own.sort((x, y) => x.id - y.id);
    const s = new Syntax(datum(e), loc(l), own);
    const entries = listToArray(props);
    if (!entries.every((p) => p instanceof Pair)) throw new InvalidForm();
    if (entries.length > 0) s.props = new Map((entries as Pair[]).map((p) => [propertyKey(p.car), p.cdr]));
    return s;
  };
  const root = v.fields[2];
  if (!(root instanceof RVector) || !(root.items[0] instanceof Keyword) || (root.items[0] as Keyword).name !== 'stx')
    throw new InvalidForm();
  return syntaxNode(root);
}

export function installSyntaxSerialize(t: PrimTable): void {
  // The keyword front ends are src/lib/syntax-objects.rkt.
  t.internalFn('syntax-serialize', 2, 2, function (this: Machine, stx: Value, keys: Value) {
    if (!(stx instanceof Syntax)) return argError('syntax-serialize', 'syntax?', stx);
    if (!isList(keys)) return argError('syntax-serialize', 'list?', keys);
    return serialize(this.rt.ex, stx, listToArray(keys));
  });
  t.internalFn('syntax-deserialize', 1, 1, function (this: Machine, v: Value) {
    try {
      return deserialize(this.rt.ex, v);
    } catch (e) {
      if (e instanceof InvalidForm) argumentsError('syntax-deserialize', 'invalid serialized form', ['value', v]);
      throw e;
    }
  });
}
