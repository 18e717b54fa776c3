// Hash tables: mutable and immutable, equal?/eqv?/eq?-based; hash-set* and
// friends, the key lookup behind hash-ref-key (its failure procedure is
// called in the library's Racket part), and the hash-iterate-* index protocol.

import { inTryOrder } from './hash-order.js';
import { argError, argumentsError } from '../errors/messages.js';
import { RHash, type HashKind, type HashStrength } from '../values/hash.js';
import { Pair, VOID, isList, listFromArray, listToArray, type Value, MultipleValues } from '../values/types.js';
import { Sym } from '../values/types.js';
import { checkHash } from './check.js';
import type { PrimTable } from './table.js';
import type { Machine } from '../eval/machine.js';
import { HashImpersonator } from '../values/impersonator.js';
import {
  hashBase,
  hashClearFunctionalThrough,
  hashClearThrough,
  hashEntriesThrough,
  hashFunctionalThrough,
  hashKeyThrough,
  hashRefThrough,
  hashRemoveThrough,
  hashSetThrough,
} from './impersonators.js';

/** A table's entries; with `tryOrder` true, sorted when every key is of an ordered type. */
export function entries(who: string, h: Value, tryOrder: Value, m: Machine | null = null): [Value, Value][] {
  const all =
    h instanceof HashImpersonator
      ? hashEntriesThrough(m, who, h)
      : checkHash(who, h)
          .entries()
          .map((e): [Value, Value] => [e[0], e[1]]);
  return tryOrder === false ? all : inTryOrder(all);
}

function checkMutableHash(name: string, v: Value, args: Value[]): RHash {
  if (v instanceof RHash && v.mutable) return v;
  return argError(name, '(and/c hash? (not/c immutable?))', v, 0, args);
}

function checkImmutableHash(name: string, v: Value): RHash {
  if (v instanceof RHash && !v.mutable) return v;
  return argError(name, '(and/c hash? immutable?)', v);
}

/** A hash chaperone whose table is mutable (or, with `mutable` false, immutable), else null. */
function wrappedHash(v: Value, mutable: boolean): HashImpersonator | null {
  return v instanceof HashImpersonator && hashBase(v).mutable === mutable ? v : null;
}

/** The table of a hash table or hash chaperone (for what interposition procedures do not see). */
function tableOf(who: string, v: Value, pos?: number, args?: Value[]): RHash {
  if (v instanceof HashImpersonator) return hashBase(v);
  return checkHash(who, v, pos, args);
}

function fromAssocs(name: string, kind: HashKind, mutable: boolean, l: Value | undefined, strength: HashStrength = 'strong'): RHash {
  const h = new RHash(kind, mutable, [], strength);
  if (l !== undefined) {
    if (!isList(l)) return argError(name, '(listof pair?)', l);
    for (const p of listToArray(l)) {
      if (!(p instanceof Pair)) return argError(name, '(listof pair?)', l);
      h.setInPlace(p.car, p.cdr);
    }
  }
  return h;
}

function fromArgs(name: string, kind: HashKind, args: Value[]): RHash {
  if (args.length % 2 !== 0) {
    argumentsError(name, 'key does not have a value (i.e., an odd number of arguments were provided)', ['key', args[args.length - 1]]);
  }
  const h = new RHash(kind, false);
  for (let i = 0; i < args.length; i += 2) h.setInPlace(args[i], args[i + 1]);
  return h;
}

/**
 * An empty table with `h`'s key comparison, of the kind `#:kind` names
 * (#f: the same mutability and strength as `h`), for hash-copy-clear and
 * hash-map/copy.
 */
function emptyLike(who: string, h: Value, kind: Value): RHash {
  const src = checkHash(who, h);
  if (kind === false) return new RHash(src.kind, src.mutable, [], src.strength);
  const name = kind instanceof Sym ? kind.name : '';
  if (name === 'immutable') return new RHash(src.kind, false);
  if (name === 'mutable') return new RHash(src.kind, true);
  if (name === 'weak' || name === 'ephemeron') return new RHash(src.kind, true, [], name);
  return argError(who, "(or/c #f 'immutable 'mutable 'weak 'ephemeron)", kind);
}

/** Not found marker for the internal lookup src/lib/hashes.rkt builds `hash-ref` on. */
export const NOT_FOUND = { name: 'not-found' };

function checkPairs(who: string, kvs: Value[]): void {
  if (kvs.length % 2 !== 0) {
    argumentsError(who, 'expected an even number of association elements, but received an odd number of association elements', [
      'association elements',
      listFromArray(kvs),
    ]);
  }
}

/** The entry at iteration index `i`, or undefined when there is none. Indices are positions in the table's entry order. */
function entryAt(h: RHash, i: Value): [Value, Value] | undefined {
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= h.size) return undefined;
  return h.entryAt(i);
}

function checkIterationIndex(who: string, v: Value): void {
  if (!(typeof v === 'number' && Number.isInteger(v) && v >= 0) && typeof v !== 'bigint') argError(who, 'exact-nonnegative-integer?', v);
}

/** hash-iterate-key and friends: the entry's part, or `bad` (when given) for an index with no entry. */
function iterateAccess(t: PrimTable, who: string, part: (e: [Value, Value]) => Value): void {
  const define = who === 'hash-iterate-key+value' ? t.valuesFn : t.fn;
  define.call(t, who, 2, 3, function (this: Machine, h: Value, i: Value, ...bad: Value[]) {
    const table = tableOf(who, h);
    checkIterationIndex(who, i);
    const e = entryAt(table, i);
    if (e !== undefined && h instanceof HashImpersonator) {
      // Through the chaperone: the key through its key procedure, the value looked up with that key.
      const key = hashKeyThrough(this, who, h, e[0]);
      const v = who === 'hash-iterate-key' ? undefined : hashRefThrough(this, who, h, key);
      return part([key, v]);
    }
    if (e !== undefined) return part(e);
    if (bad.length > 0) return bad[0];
    return argumentsError(who, 'no element at index', ['index', i]);
  });
}

export function installHashes(t: PrimTable): void {
  t.fn('make-hash', 0, 1, (l?: Value) => fromAssocs('make-hash', 'equal', true, l));
  t.fn('make-hasheqv', 0, 1, (l?: Value) => fromAssocs('make-hasheqv', 'eqv', true, l));
  t.fn('make-hasheq', 0, 1, (l?: Value) => fromAssocs('make-hasheq', 'eq', true, l));
  t.fn('make-immutable-hash', 0, 1, (l?: Value) => fromAssocs('make-immutable-hash', 'equal', false, l));
  t.fn('make-immutable-hasheqv', 0, 1, (l?: Value) => fromAssocs('make-immutable-hasheqv', 'eqv', false, l));
  t.fn('make-immutable-hasheq', 0, 1, (l?: Value) => fromAssocs('make-immutable-hasheq', 'eq', false, l));
  t.fn('make-hashalw', 0, 1, (l?: Value) => fromAssocs('make-hashalw', 'equal-always', true, l));
  t.fn('make-immutable-hashalw', 0, 1, (l?: Value) => fromAssocs('make-immutable-hashalw', 'equal-always', false, l));
  for (const strength of ['weak', 'ephemeron'] as const) {
    for (const [suffix, kind] of [
      ['', 'equal'],
      ['eqv', 'eqv'],
      ['eq', 'eq'],
      ['alw', 'equal-always'],
    ] as const) {
      const name = `make-${strength}-hash${suffix}`;
      t.fn(name, 0, 1, (l?: Value) => fromAssocs(name, kind, true, l, strength));
    }
  }
  t.fn('hashalw', 0, -1, (...a: Value[]) => fromArgs('hashalw', 'equal-always', a));
  t.fn('hash', 0, -1, (...a: Value[]) => fromArgs('hash', 'equal', a));
  t.fn('hasheqv', 0, -1, (...a: Value[]) => fromArgs('hasheqv', 'eqv', a));
  t.fn('hasheq', 0, -1, (...a: Value[]) => fromArgs('hasheq', 'eq', a));
  t.fn('hash?', 1, 1, (v) => v instanceof RHash || v instanceof HashImpersonator);
  t.fn('hash-equal?', 1, 1, (v) => tableOf('hash-equal?', v).kind === 'equal');
  t.fn('hash-eqv?', 1, 1, (v) => tableOf('hash-eqv?', v).kind === 'eqv');
  t.fn('hash-eq?', 1, 1, (v) => tableOf('hash-eq?', v).kind === 'eq');
  t.fn('hash-equal-always?', 1, 1, (v) => tableOf('hash-equal-always?', v).kind === 'equal-always');
  t.fn('hash-strong?', 1, 1, (v) => tableOf('hash-strong?', v).strength === 'strong');
  t.fn('hash-weak?', 1, 1, (v) => tableOf('hash-weak?', v).strength === 'weak');
  t.fn('hash-ephemeron?', 1, 1, (v) => tableOf('hash-ephemeron?', v).strength === 'ephemeron');
  t.internalFn('hash-like', 3, 3, (h: Value, kind: Value, who: Value) => emptyLike(String(who), h, kind));
  t.internalFn('hash-lookup', 2, 2, function (this: Machine, h: Value, k: Value) {
    if (!(h instanceof RHash)) {
      if (!(h instanceof HashImpersonator)) return argError('hash-ref', 'hash?', h, 0, [h, k]);
      return hashRefThrough(this, 'hash-ref', h, k) ?? NOT_FOUND;
    }
    const v = h.get(k);
    return v === undefined ? NOT_FOUND : v;
  });
  t.internal('not-found', NOT_FOUND);
  t.fn('hash-set!', 3, 3, function (this: Machine, h: Value, k: Value, v: Value) {
    const w = wrappedHash(h, true);
    if (w !== null) hashSetThrough(this, 'hash-set!', w, k, v);
    else checkMutableHash('hash-set!', h, [h, k, v]).setInPlace(k, v);
    return VOID;
  });
  t.fn('hash-set', 3, 3, function (this: Machine, h: Value, k: Value, v: Value) {
    const w = wrappedHash(h, false);
    if (w !== null) return hashFunctionalThrough(this, 'hash-set', w, k, v);
    return checkImmutableHash('hash-set', h).withSet(k, v);
  });
  t.fn('hash-remove!', 2, 2, function (this: Machine, h: Value, k: Value) {
    const w = wrappedHash(h, true);
    if (w !== null) hashRemoveThrough(this, 'hash-remove!', w, k);
    else checkMutableHash('hash-remove!', h, [h, k]).deleteInPlace(k);
    return VOID;
  });
  t.fn('hash-remove', 2, 2, function (this: Machine, h: Value, k: Value) {
    const w = wrappedHash(h, false);
    if (w !== null) return hashFunctionalThrough(this, 'hash-remove', w, k, undefined);
    return checkImmutableHash('hash-remove', h).withRemoved(k);
  });
  t.fn('hash-has-key?', 2, 2, function (this: Machine, h: Value, k: Value) {
    if (h instanceof HashImpersonator) return hashRefThrough(this, 'hash-has-key?', h, k) !== undefined;
    return checkHash('hash-has-key?', h).has(k);
  });
  t.fn('hash-count', 1, 1, (h: Value) => tableOf('hash-count', h).size);
  t.fn('hash-empty?', 1, 1, (h: Value) => tableOf('hash-empty?', h).size === 0);
  t.fn('hash-keys', 1, 2, function (this: Machine, h: Value, order: Value = false) {
    return listFromArray(entries('hash-keys', h, order, this).map((e) => e[0]));
  });
  t.fn('hash-values', 1, 2, function (this: Machine, h: Value, order: Value = false) {
    return listFromArray(entries('hash-values', h, order, this).map((e) => e[1]));
  });
  t.fn('hash->list', 1, 2, function (this: Machine, h: Value, order: Value = false) {
    return listFromArray(entries('hash->list', h, order, this).map((e) => new Pair(e[0], e[1])));
  });
  t.fn('hash-clear!', 1, 1, function (this: Machine, h: Value) {
    const w = wrappedHash(h, true);
    if (w !== null) hashClearThrough(this, 'hash-clear!', w);
    else checkMutableHash('hash-clear!', h, [h]).clearInPlace();
    return VOID;
  });
  t.fn('hash-copy', 1, 1, function (this: Machine, h: Value) {
    if (h instanceof HashImpersonator) {
      const copy = new RHash(hashBase(h).kind, true, [], hashBase(h).strength);
      for (const [k, v] of hashEntriesThrough(this, 'hash-copy', h)) copy.setInPlace(k, v);
      return copy;
    }
    const src = checkHash('hash-copy', h);
    return new RHash(src.kind, true, src.entries(), src.strength);
  });

  t.fn('hash-set*', 1, -1, (h: Value, ...kvs: Value[]) => {
    if (!(h instanceof RHash) || h.mutable) return argError('hash-set*', '(and/c hash? immutable?)', h);
    checkPairs('hash-set*', kvs);
    let out = h;
    for (let i = 0; i < kvs.length; i += 2) out = out.withSet(kvs[i], kvs[i + 1]);
    return out;
  });
  t.fn('hash-set*!', 1, -1, (h: Value, ...kvs: Value[]) => {
    if (!(h instanceof RHash) || !h.mutable) return argError('hash-set*!', '(and/c hash? (not/c immutable?))', h);
    checkPairs('hash-set*!', kvs);
    for (let i = 0; i < kvs.length; i += 2) h.setInPlace(kvs[i], kvs[i + 1]);
    return VOID;
  });
  t.fn('hash-clear', 1, 1, function (this: Machine, h: Value) {
    const w = wrappedHash(h, false);
    if (w !== null) return hashClearFunctionalThrough(this, 'hash-clear', w);
    if (!(h instanceof RHash) || h.mutable) return argError('hash-clear', '(and/c hash? immutable?)', h);
    return new RHash(h.kind, false);
  });
  t.fn('hash-keys-subset?', 2, 2, (a: Value, b: Value) => {
    const h1 = tableOf('hash-keys-subset?', a);
    const h2 = tableOf('hash-keys-subset?', b);
    if (h1.kind !== h2.kind) {
      argumentsError('hash-keys-subset?', 'given hash tables do not use the same key comparison', ['first table', a], ['second table', b]);
    }
    if (h1.size > h2.size) return false;
    for (const [k] of h1.entries()) if (!h2.has(k)) return false;
    return true;
  });
  t.internalFn('hash-lookup-key', 2, 2, (h: Value, k: Value) => {
    const table = tableOf('hash-ref-key', h, 0, [h, k]);
    const e = table.entry(k);
    return e === undefined ? NOT_FOUND : e[0];
  });

  t.fn('hash-iterate-first', 1, 1, (h: Value) => (tableOf('hash-iterate-first', h).size === 0 ? false : 0));
  t.fn('hash-iterate-next', 2, 2, (h: Value, i: Value) => {
    const table = tableOf('hash-iterate-next', h);
    checkIterationIndex('hash-iterate-next', i);
    if (entryAt(table, i) === undefined) return argumentsError('hash-iterate-next', 'no element at index', ['index', i]);
    return (i as number) + 1 < table.size ? (i as number) + 1 : false;
  });
  iterateAccess(t, 'hash-iterate-key', (e) => e[0]);
  iterateAccess(t, 'hash-iterate-value', (e) => e[1]);
  iterateAccess(t, 'hash-iterate-pair', (e) => new Pair(e[0], e[1]));
  iterateAccess(t, 'hash-iterate-key+value', (e) => new MultipleValues([e[0], e[1]]));
}
