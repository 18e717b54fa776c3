// More hash-table operations: hash-set*, hash-set*!, hash-clear,
// hash-keys-subset?, the key lookup behind hash-ref-key (its failure
// procedure is called in the prelude), and the hash-iterate-* index protocol.

import { argError, argumentsError } from '../errors/messages.js';
import { RHash } from '../values/hash.js';
import { MultipleValues, Pair, VOID, listFromArray, type Value } from '../values/types.js';
import { NOT_FOUND } from './hashes.js';
import type { PrimTable } from './table.js';

function checkHash(who: string, v: Value, pos?: number, args?: Value[]): RHash {
  if (v instanceof RHash) return v;
  return argError(who, 'hash?', v, pos, args);
}

function checkPairs(who: string, kvs: Value[]): void {
  if (kvs.length % 2 !== 0) {
    argumentsError(who, 'expected an even number of association elements, but received an odd number of association elements', ['association elements', listFromArray(kvs)]);
  }
}

/** The entry at iteration index `i`, or undefined when there is none. Indices are positions in the table's entry order. */
function entryAt(h: RHash, i: Value): [Value, Value] | undefined {
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= h.map.size) return undefined;
  let n = 0;
  for (const e of h.map.values()) if (n++ === i) return e;
  return undefined;
}

function checkIterationIndex(who: string, v: Value): void {
  if (!(typeof v === 'number' && Number.isInteger(v) && v >= 0) && typeof v !== 'bigint') argError(who, 'exact-nonnegative-integer?', v);
}

/** hash-iterate-key and friends: the entry's part, or `bad` (when given) for an index with no entry. */
function iterateAccess(t: PrimTable, who: string, part: (e: [Value, Value]) => Value): void {
  t.fn(who, 2, 3, (h: Value, i: Value, ...bad: Value[]) => {
    const table = checkHash(who, h);
    checkIterationIndex(who, i);
    const e = entryAt(table, i);
    if (e !== undefined) return part(e);
    if (bad.length > 0) return bad[0];
    return argumentsError(who, 'no element at index', ['index', i]);
  });
}

export function installHashesMore(t: PrimTable): void {
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
  t.fn('hash-clear', 1, 1, (h: Value) => {
    if (!(h instanceof RHash) || h.mutable) return argError('hash-clear', '(and/c hash? immutable?)', h);
    return new RHash(h.kind, false);
  });
  t.fn('hash-keys-subset?', 2, 2, (a: Value, b: Value) => {
    const h1 = checkHash('hash-keys-subset?', a);
    const h2 = checkHash('hash-keys-subset?', b);
    if (h1.kind !== h2.kind) {
      argumentsError('hash-keys-subset?', 'given hash tables do not use the same key comparison', ['first table', a], ['second table', b]);
    }
    if (h1.size > h2.size) return false;
    for (const [k] of h1.map.values()) if (!h2.has(k)) return false;
    return true;
  });
  t.internalFn('hash-lookup-key', 2, 2, (h: Value, k: Value) => {
    const table = checkHash('hash-ref-key', h, 0, [h, k]);
    const e = table.map.get(table.keyOf(k));
    return e === undefined ? NOT_FOUND : e[0];
  });

  t.fn('hash-iterate-first', 1, 1, (h: Value) => (checkHash('hash-iterate-first', h).size === 0 ? false : 0));
  t.fn('hash-iterate-next', 2, 2, (h: Value, i: Value) => {
    const table = checkHash('hash-iterate-next', h);
    checkIterationIndex('hash-iterate-next', i);
    if (entryAt(table, i) === undefined) return argumentsError('hash-iterate-next', 'no element at index', ['index', i]);
    return (i as number) + 1 < table.size ? (i as number) + 1 : false;
  });
  iterateAccess(t, 'hash-iterate-key', (e) => e[0]);
  iterateAccess(t, 'hash-iterate-value', (e) => e[1]);
  iterateAccess(t, 'hash-iterate-pair', (e) => new Pair(e[0], e[1]));
  iterateAccess(t, 'hash-iterate-key+value', (e) => new MultipleValues([e[0], e[1]]));
}
