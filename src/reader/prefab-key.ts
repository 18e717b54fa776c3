// Prefab key checks the reader makes for `#s(...)`, ported from Racket CS
// (racket/src/cs/rumble/prefab.ss and racket/src/expander/common/prefab.rkt).

import { NULL, Pair, RVector, Sym, type Value } from '../values/types.js';

function isNat(v: Value): boolean {
  return (typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'bigint' && v >= 0n);
}

function num(v: Value): number {
  return typeof v === 'bigint' ? Number(v) : (v as number);
}

/** `prefab-key?` */
export function isPrefabKey(k: Value): boolean {
  if (k instanceof Sym) return true;
  if (!(k instanceof Pair) || !(k.car instanceof Sym)) return false;
  let rest: Value = k.cdr;
  let fieldCount: number | null = null;
  if (rest instanceof Pair && isNat(rest.car)) {
    fieldCount = num(rest.car);
    rest = rest.cdr;
  }
  for (;;) {
    if (rest === NULL) return true;
    if (!(rest instanceof Pair)) return false;
    let autoCount = 0;
    const a = rest.car;
    if (a instanceof Pair && a.cdr instanceof Pair && a.cdr.cdr === NULL && isNat(a.car)) {
      autoCount = num(a.car);
      rest = rest.cdr;
    }
    if (rest === NULL) return true;
    if (!(rest instanceof Pair)) return false;
    if (rest.car instanceof RVector) {
      const seen = new Set<number>();
      for (const pos of rest.car.items) {
        if (!isNat(pos)) return false;
        const p = num(pos);
        if (fieldCount !== null && !(p < fieldCount + autoCount)) return false;
        if (seen.has(p)) return false;
        seen.add(p);
      }
      rest = rest.cdr;
    }
    if (rest === NULL) return true;
    if (!(rest instanceof Pair)) return false;
    // Supertype: a symbol and a field count
    if (!(rest.car instanceof Sym)) return false;
    const r2 = rest.cdr;
    if (!(r2 instanceof Pair) || !isNat(r2.car)) return false;
    fieldCount = num(r2.car);
    rest = r2.cdr;
  }
}

/** `prefab-key-compatible-count?`, for a key that satisfies isPrefabKey. */
export function prefabKeyCompatibleCount(k: Value, total: number): boolean {
  if (k instanceof Sym) return true;
  const p = k as Pair;
  if (p.cdr === NULL) return true;
  const afterNameCount = (r: Value): number => {
    if (r === NULL) return 0;
    const rp = r as Pair;
    if (rp.car instanceof Pair) return num(rp.car.car) + afterAuto(rp.cdr);
    return afterAuto(r);
  };
  const afterAuto = (r: Value): number => {
    if (r === NULL) return 0;
    const rp = r as Pair;
    if (rp.car instanceof RVector) return rp.cdr === NULL ? 0 : fieldCount(rp.cdr);
    return fieldCount(r);
  };
  const fieldCount = (r: Value): number => {
    const rp = r as Pair;
    const r2 = rp.cdr as Pair;
    return num(r2.car) + afterNameCount(r2.cdr);
  };
  const second = (p.cdr as Pair).car;
  if (isNat(second)) return total === num(second) + afterNameCount((p.cdr as Pair).cdr);
  const n = afterNameCount(p.cdr);
  if (total < n) return false;
  let r: Value = p.cdr;
  let auto: Pair | null = null;
  if ((r as Pair).car instanceof Pair) {
    auto = (r as Pair).car as Pair;
    r = (r as Pair).cdr;
  }
  if (r === NULL || !((r as Pair).car instanceof RVector)) return true;
  const limit = total - (auto ? num(auto.car) : 0);
  for (const m of ((r as Pair).car as RVector).items) {
    if (!isNat(m) || !(num(m) < limit)) return false;
  }
  return true;
}

/** `all-fields-immutable?` */
export function allFieldsImmutable(k: Value): boolean {
  for (;;) {
    if (k instanceof Sym || k === NULL) return true;
    if (!(k instanceof Pair)) return true;
    let rk: Value = k.cdr;
    if (rk instanceof Pair && isNat(rk.car)) rk = rk.cdr;
    if (rk instanceof Pair && rk.car instanceof Pair) {
      if (num(rk.car.car) === 0) rk = rk.cdr;
      else rk = new Pair(new RVector([1], true), rk.cdr);
    }
    if (rk instanceof Pair && rk.car instanceof RVector) {
      if (rk.car.items.length !== 0) return false;
      k = rk.cdr;
      continue;
    }
    k = rk;
  }
}
