// syntax->datum: strip syntax objects down to plain values.

import { RHash, makeHash } from '../values/hash.js';
import { Syntax } from '../values/syntax.js';
import { Box, NULL, Pair, RVector, type Value } from '../values/types.js';
import { makePrefab } from '../values/prefab.js';
import { PrefabLiteral } from './prefab-literal.js';

/**
 * The plain value of a syntax object: lists of plain values, vectors and boxes
 * (keeping their mutability flags) of plain values, hash tables with plain
 * values, prefab literals as prefab instances. Other values are returned as
 * they are.
 */
export function syntaxToDatum(s: Syntax): Value {
  return strip(s.e);
}

function strip(v: Value): Value {
  if (v instanceof Syntax) return strip(v.e);
  if (v instanceof Pair) {
    // Iterate along the spine (a dotted tail may itself be a syntax object
    // wrapping more list).
    const items: Value[] = [];
    let x: Value = v;
    for (;;) {
      if (x instanceof Pair) {
        items.push(strip(x.car));
        x = x.cdr;
      } else if (x instanceof Syntax) {
        x = x.e;
      } else {
        break;
      }
    }
    let r = x === NULL ? NULL : strip(x);
    for (let i = items.length - 1; i >= 0; i--) r = new Pair(items[i], r);
    return r;
  }
  if (v instanceof RVector) {
    const items = v.items;
    const out = new Array<Value>(items.length);
    for (let i = 0; i < items.length; i++) out[i] = strip(items[i]);
    return new RVector(out, v.immutable);
  }
  if (v instanceof Box) return new Box(strip(v.value), v.immutable);
  if (v instanceof RHash) {
    let plain = true;
    for (const [, val] of v.entries()) {
      if (val instanceof Syntax) {
        plain = false;
        break;
      }
    }
    if (plain) return v;
    const entries: [Value, Value][] = [];
    for (const [k, val] of v.entries()) entries.push([strip(k), strip(val)]);
    return makeHash(v.kind, v.mutable, entries);
  }
  if (v instanceof PrefabLiteral) return makePrefab(strip(v.key), v.fields.map(strip)) ?? v;
  return v;
}
