// eq?, eqv? and equal?, and the key encodings hash tables use for them.

import { Impersonator, seeThrough } from './impersonator.js';
import { keyIdentity } from './identity.js';
import { Box, Char, Complex, Flonum, MPair, Pair, RBytes, Rational, RString, RVector, Sym, Keyword, type Value } from './types.js';

export function isEq(a: Value, b: Value): boolean {
  if (a === b) return true;
  // Flonums are boxed; Racket's eq? on equal flonums is unreliable, but eqv-like
  // behaviour is what programs expect from `(eq? x 1.0)` patterns.
  if (a instanceof Flonum && b instanceof Flonum) return Object.is(a.n, b.n);
  return false;
}

export function isEqv(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a instanceof Flonum) return b instanceof Flonum && (Object.is(a.n, b.n) || (a.n !== a.n && b.n !== b.n));
  if (a instanceof Rational) return b instanceof Rational && a.num === b.num && a.den === b.den;
  if (a instanceof Complex) return b instanceof Complex && isEqv(a.re, b.re) && isEqv(a.im, b.im);
  return false;
}

/** Structural equality hooks for values defined elsewhere (structs, hashes). */
export interface EqualHooks {
  equal(a: Value, b: Value, recur: (x: Value, y: Value) => boolean): boolean | undefined;
}

const hooks: EqualHooks[] = [];
/** Lets later value kinds (structs, hash tables) join `equal?`. Called once at load. */
export function registerEqualHook(h: EqualHooks): void {
  hooks.push(h);
}

export function isEqual(a: Value, b: Value): boolean {
  for (;;) {
    if (isEqv(a, b)) return true;
    // A wrapper on the right is compared from the left, where the hooks see it.
    if (b instanceof Impersonator) {
      const t = a;
      a = b;
      b = t;
    }
    if (a instanceof Pair) {
      if (!(b instanceof Pair)) return false;
      if (!isEqual(a.car, b.car)) return false;
      a = a.cdr;
      b = b.cdr;
      continue;
    }
    if (a instanceof RString) return b instanceof RString && a.s === b.s;
    if (a instanceof RBytes) return b instanceof RBytes && bytesEqual(a.bytes, b.bytes);
    if (a instanceof RVector) {
      if (!(b instanceof RVector) || a.items.length !== b.items.length) return false;
      for (let i = 0; i < a.items.length; i++) if (!isEqual(a.items[i], b.items[i])) return false;
      return true;
    }
    if (a instanceof Box) return b instanceof Box && isEqual(a.value, b.value);
    if (a instanceof MPair) {
      if (!(b instanceof MPair)) return false;
      return isEqual(a.car, b.car) && isEqual(a.cdr, b.cdr);
    }
    for (const h of hooks) {
      const r = h.equal(a, b, isEqual);
      if (r !== undefined) return r;
    }
    return false;
  }
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The identity number of an object used as a key where no structural key exists (the running runtime's: identity.ts). */
export function objectId(o: object): number {
  return keyIdentity(o);
}

/**
 * A JS Map key that is the same for two values exactly when they are eqv?.
 * Numbers, booleans and objects map to themselves; boxed numbers map to strings
 * (Racket values are never JS strings, so the encodings cannot collide).
 */
export function eqvKey(v: Value): unknown {
  if (v instanceof Flonum) return v.n !== v.n ? '\u0000f:nan' : Object.is(v.n, -0) ? '\u0000f:-0' : '\u0000f:' + v.n;
  if (v instanceof Rational) return `\u0000q:${v.num}/${v.den}`;
  if (v instanceof Complex) return `\u0000z:${String(eqvKey(v.re))}|${String(eqvKey(v.im))}`;
  return v;
}

/** A JS Map key that is the same for two values exactly when they are equal?. */
export function equalKey(v: Value): unknown {
  // A wrapper is keyed as what it wraps is seen through it (an opaque value: that value itself).
  if (v instanceof Impersonator) return equalKey(seeThrough(v));
  if (v instanceof Pair || v instanceof RString || v instanceof RBytes || v instanceof RVector || v instanceof Box || v instanceof MPair) {
    return '\u0000e:' + encode(v);
  }
  for (const h of keyHooks) {
    const k = h(v);
    if (k !== undefined) return '\u0000e:' + k;
  }
  return eqvKey(v);
}

/**
 * A JS Map key that is the same for two values exactly when they are
 * equal-always?: mutable strings, byte strings, vectors, boxes and mutable
 * pairs by identity, immutable data by content.
 */
export function equalAlwaysKey(v: Value): unknown {
  if (v instanceof RString || v instanceof RBytes || v instanceof RVector || v instanceof Box) {
    return v.immutable ? equalKey(v) : eqvKey(v);
  }
  if (v instanceof MPair) return v;
  if (v instanceof Pair) return '\u0000a:' + encodeAlways(v);
  return equalKey(v);
}

function encodeAlways(v: Value): string {
  if (v instanceof Pair) return '(' + encodeAlways(v.car) + '.' + encodeAlways(v.cdr) + ')';
  if (v instanceof RVector && v.immutable) return '#' + v.items.length + '(' + v.items.map(encodeAlways).join('') + ')';
  if (v instanceof Box && v.immutable) return '&' + encodeAlways(v.value);
  if ((v instanceof RString || v instanceof RBytes || v instanceof RVector || v instanceof Box) && !v.immutable)
    return 'o' + objectId(v) + ';';
  if (v instanceof MPair) return 'o' + objectId(v) + ';';
  return encode(v);
}

const keyHooks: ((v: Value) => string | undefined)[] = [];
/** Lets later value kinds (transparent structs, hash tables) supply an equal?-key. */
export function registerEqualKeyHook(h: (v: Value) => string | undefined): void {
  keyHooks.push(h);
}

/** An injective string encoding of a value up to equal?. */
export function encode(v: Value): string {
  if (typeof v === 'number' || typeof v === 'bigint') return 'n' + v.toString() + ';';
  if (v === true) return 't';
  if (v === false) return 'f';
  if (v instanceof Pair) {
    let out = '(';
    let x: Value = v;
    while (x instanceof Pair) {
      out += encode(x.car);
      x = x.cdr;
    }
    return out + '.' + encode(x) + ')';
  }
  if (v instanceof RString) return 's' + v.s.length + ':' + v.s;
  if (v instanceof RBytes) return 'b' + v.bytes.length + ':' + Array.from(v.bytes).join(',') + ';';
  if (v instanceof RVector) return '#' + v.items.length + '(' + v.items.map(encode).join('') + ')';
  if (v instanceof Box) return '&' + encode(v.value);
  if (v instanceof MPair) return 'm(' + encode(v.car) + encode(v.cdr) + ')';
  if (v instanceof Flonum || v instanceof Rational || v instanceof Complex) return String(eqvKey(v)) + ';';
  if (v instanceof Sym && v.interned) return 'y' + v.name.length + ':' + v.name;
  if (v instanceof Keyword) return 'k' + v.name.length + ':' + v.name;
  if (v instanceof Char) return 'c' + v.code + ';';
  for (const h of keyHooks) {
    const k = h(v);
    if (k !== undefined) return k;
  }
  if (typeof v === 'object' && v !== null) return 'o' + objectId(v) + ';';
  return 'u' + String(v) + ';';
}

/** A 53-bit string hash (FNV-1a folded), stable across runs. */
export function stringHash(s: string): number {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) h = ((h ^ BigInt(s.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return Number(h & 0x1fffffffffffffn);
}

/** equal? one level down: the hooks' answer for `a` and `b` with `recur` comparing their parts (undefined: no hook knows `a`). */
export function equalByHooks(a: Value, b: Value, recur: (x: Value, y: Value) => boolean): boolean | undefined {
  for (const h of hooks) {
    const r = h.equal(a, b, recur);
    if (r !== undefined) return r;
  }
  return undefined;
}

/** Lexicographic byte order: negative, zero or positive. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
