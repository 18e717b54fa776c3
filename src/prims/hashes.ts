// Hash tables: mutable and immutable, equal?/eqv?/eq?-based.

import { argError, argumentsError } from '../errors/messages.js';
import { RHash, type HashKind } from '../values/hash.js';
import { Pair, VOID, listFromArray, listToArray, type Value } from '../values/types.js';
import { checkList } from './check.js';
import type { PrimTable } from './table.js';

function checkHash(name: string, v: Value): RHash {
  if (v instanceof RHash) return v;
  return argError(name, 'hash?', v);
}

function checkMutableHash(name: string, v: Value, args: Value[]): RHash {
  if (v instanceof RHash && v.mutable) return v;
  return argError(name, '(and/c hash? (not/c immutable?))', v, 0, args);
}

function checkImmutableHash(name: string, v: Value): RHash {
  if (v instanceof RHash && !v.mutable) return v;
  return argError(name, '(and/c hash? immutable?)', v);
}

function fromAssocs(name: string, kind: HashKind, mutable: boolean, l: Value | undefined): RHash {
  const h = new RHash(kind, mutable);
  if (l !== undefined) {
    for (const p of listToArray(checkList(name, l))) {
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

/** Not found marker for the internal lookup the prelude builds `hash-ref` on. */
export const NOT_FOUND = { name: 'not-found' };

export function installHashes(t: PrimTable): void {
  t.fn('make-hash', 0, 1, (l?: Value) => fromAssocs('make-hash', 'equal', true, l));
  t.fn('make-hasheqv', 0, 1, (l?: Value) => fromAssocs('make-hasheqv', 'eqv', true, l));
  t.fn('make-hasheq', 0, 1, (l?: Value) => fromAssocs('make-hasheq', 'eq', true, l));
  t.fn('make-immutable-hash', 0, 1, (l?: Value) => fromAssocs('make-immutable-hash', 'equal', false, l));
  t.fn('make-immutable-hasheqv', 0, 1, (l?: Value) => fromAssocs('make-immutable-hasheqv', 'eqv', false, l));
  t.fn('make-immutable-hasheq', 0, 1, (l?: Value) => fromAssocs('make-immutable-hasheq', 'eq', false, l));
  t.fn('hash', 0, -1, (...a: Value[]) => fromArgs('hash', 'equal', a));
  t.fn('hasheqv', 0, -1, (...a: Value[]) => fromArgs('hasheqv', 'eqv', a));
  t.fn('hasheq', 0, -1, (...a: Value[]) => fromArgs('hasheq', 'eq', a));
  t.fn('hash?', 1, 1, (v) => v instanceof RHash);
  t.fn('hash-equal?', 1, 1, (v) => checkHash('hash-equal?', v).kind === 'equal');
  t.fn('hash-eqv?', 1, 1, (v) => checkHash('hash-eqv?', v).kind === 'eqv');
  t.fn('hash-eq?', 1, 1, (v) => checkHash('hash-eq?', v).kind === 'eq');
  t.internalFn('hash-lookup', 2, 2, (h: Value, k: Value) => {
    if (!(h instanceof RHash)) return argError('hash-ref', 'hash?', h, 0, [h, k]);
    const v = h.get(k);
    return v === undefined ? NOT_FOUND : v;
  });
  t.internal('not-found', NOT_FOUND);
  t.fn('hash-set!', 3, 3, (h: Value, k: Value, v: Value) => {
    checkMutableHash('hash-set!', h, [h, k, v]).setInPlace(k, v);
    return VOID;
  });
  t.fn('hash-set', 3, 3, (h: Value, k: Value, v: Value) => checkImmutableHash('hash-set', h).withSet(k, v));
  t.fn('hash-remove!', 2, 2, (h: Value, k: Value) => {
    checkMutableHash('hash-remove!', h, [h, k]).deleteInPlace(k);
    return VOID;
  });
  t.fn('hash-remove', 2, 2, (h: Value, k: Value) => checkImmutableHash('hash-remove', h).withRemoved(k));
  t.fn('hash-has-key?', 2, 2, (h: Value, k: Value) => checkHash('hash-has-key?', h).has(k));
  t.fn('hash-count', 1, 1, (h: Value) => checkHash('hash-count', h).size);
  t.fn('hash-empty?', 1, 1, (h: Value) => checkHash('hash-empty?', h).size === 0);
  t.fn('hash-keys', 1, 1, (h: Value) => listFromArray([...checkHash('hash-keys', h).map.values()].map((e) => e[0])));
  t.fn('hash-values', 1, 1, (h: Value) => listFromArray([...checkHash('hash-values', h).map.values()].map((e) => e[1])));
  t.fn('hash->list', 1, 1, (h: Value) => listFromArray([...checkHash('hash->list', h).map.values()].map((e) => new Pair(e[0], e[1]))));
  t.fn('hash-clear!', 1, 1, (h: Value) => {
    checkMutableHash('hash-clear!', h, [h]).map.clear();
    return VOID;
  });
  t.fn('hash-copy', 1, 1, (h: Value) => {
    const src = checkHash('hash-copy', h);
    return new RHash(src.kind, true, new Map(src.map));
  });
}
