// What may travel over a place channel, and how it travels: a message is
// copied into a tree of plain JS values that structured clone can carry to
// another worker, and read back into fresh Racket values. Strings, byte
// strings, vectors, boxes and hash tables arrive immutable, as Racket CS
// delivers them. The tree refers to the place channels of a message by
// position in `channels` (prims/places.ts moves them to other places as
// host links).

import { prefabKey } from '../printer/struct-print.js';
import { makeHash, RHash, type HashKind } from '../values/hash.js';
import { RPath } from '../values/path.js';
import { makePrefab } from '../values/prefab.js';
import { StructInstance } from '../values/struct.js';
import {
  Box,
  Char,
  Complex,
  Flonum,
  Keyword,
  NULL,
  Pair,
  RBytes,
  RString,
  RVector,
  Rational,
  Sym,
  VOID,
  Void,
  sym,
  uninternedSym,
  type Value,
} from '../values/types.js';

/** Values that copy by reference (place channels); `isChannel` says which they are. */
export interface Refs {
  readonly isChannel: (v: Value) => boolean;
  readonly channels: Value[];
}

type Tree = unknown;

/** Whether `v` may be sent in a message. Iterative, so deep lists do not grow the JS stack. */
export function messageAllowed(v: Value, isChannel: (v: Value) => boolean): boolean {
  const todo: Value[] = [v];
  const seen = new Set<Value>();
  while (todo.length > 0) {
    const x = todo.pop();
    if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') continue;
    if (x instanceof Flonum || x instanceof Rational || x instanceof Complex || x instanceof Char || x instanceof Sym) continue;
    if (x instanceof Keyword || x instanceof RString || x instanceof RBytes || x instanceof RPath) continue;
    if (x === NULL || x === VOID || isChannel(x)) continue;
    if (typeof x !== 'object' || x === null) return false;
    if (seen.has(x)) continue;
    seen.add(x);
    if (x instanceof Pair) todo.push(x.car, x.cdr);
    else if (x instanceof RVector) todo.push(...x.items);
    else if (x instanceof Box) todo.push(x.value);
    else if (x instanceof RHash) for (const [k, val] of x.entries()) todo.push(k, val);
    else if (x instanceof StructInstance && x.type.prefab !== null && immutablePrefab(x)) todo.push(...x.fields);
    else return false;
  }
  return true;
}

function immutablePrefab(x: StructInstance): boolean {
  for (let t: StructInstance['type'] | null = x.type; t !== null; t = t.parent) if (t.mutableFields.size > 0) return false;
  return true;
}

/** The message `v` (already checked by messageAllowed) as a tree. */
export function encodeMessage(v: Value, refs: Refs): Tree {
  const enc = (x: Value): Tree => {
    if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') return x;
    if (x instanceof Flonum) return ['f', x.n];
    if (x instanceof Rational) return ['q', x.num, x.den];
    if (x instanceof Complex) return ['c', enc(x.re), enc(x.im)];
    if (x instanceof Char) return ['ch', x.code];
    if (x instanceof Sym) return [x.interned ? 's' : 'u', x.name];
    if (x instanceof Keyword) return ['k', x.name];
    if (x instanceof RString) return ['str', x.s];
    if (x instanceof RBytes) return ['b', Uint8Array.from(x.bytes)];
    if (x instanceof RPath) return ['path', x.path];
    if (x === NULL) return ['()'];
    if (x instanceof Void) return ['v'];
    if (x instanceof Pair) {
      // A list's elements in one array, so a long list is not a deep tree.
      const items: Tree[] = [];
      let p: Value = x;
      while (p instanceof Pair) {
        items.push(enc(p.car));
        p = p.cdr;
      }
      return ['l', items, enc(p)];
    }
    if (x instanceof RVector) return ['vec', x.items.map(enc)];
    if (x instanceof Box) return ['box', enc(x.value)];
    if (x instanceof RHash) return ['h', x.kind, x.entries().map(([k, val]) => [enc(k), enc(val)])];
    if (x instanceof StructInstance) return ['ps', enc(prefabKey(x.type)), x.fields.map(enc)];
    refs.channels.push(x);
    return ['pc', refs.channels.length - 1];
  };
  return enc(v);
}

/** A fresh Racket value from a tree; `channels` are the place channels it refers to. */
export function decodeMessage(tree: Tree, channels: readonly Value[]): Value {
  const dec = (t: Tree): Value => {
    if (!Array.isArray(t)) return t as Value;
    switch (t[0] as string) {
      case 'f':
        return new Flonum(t[1]);
      case 'q':
        return new Rational(t[1], t[2]);
      case 'c':
        return new Complex(dec(t[1]) as Complex['re'], dec(t[2]) as Complex['im']);
      case 'ch':
        return Char.of(t[1]);
      case 's':
        return sym(t[1]);
      case 'u':
        return uninternedSym(t[1]);
      case 'k':
        return Keyword.intern(t[1]);
      case 'str':
        return new RString(t[1], true);
      case 'b':
        return new RBytes(t[1], true);
      case 'path':
        return new RPath(t[1]);
      case '()':
        return NULL;
      case 'v':
        return VOID;
      case 'l': {
        const items = t[1] as Tree[];
        let out = dec(t[2]);
        for (let i = items.length - 1; i >= 0; i--) out = new Pair(dec(items[i]), out);
        return out;
      }
      case 'vec':
        return new RVector((t[1] as Tree[]).map(dec), true);
      case 'box':
        return new Box(dec(t[1]), true);
      case 'h':
        return makeHash(
          t[1] as HashKind,
          false,
          (t[2] as [Tree, Tree][]).map(([k, v]) => [dec(k), dec(v)]),
        );
      case 'ps':
        return makePrefab(dec(t[1]), (t[2] as Tree[]).map(dec)) ?? VOID;
      default:
        return channels[t[1] as number];
    }
  };
  return dec(tree);
}
