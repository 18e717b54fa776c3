// racket/unsafe/ops, as the safe operations: Racket's unsafe operations
// skip their checks, and what they do on bad input is undefined, so here
// each is its safe counterpart (with that counterpart's checks and errors).
// Where Racket CS binds an unsafe name to the safe procedure itself
// (`unsafe-car` is `car`, object name and all) the same value is bound;
// where its procedure has a name of its own, the safe behaviour is bound
// under that name. The operations without a safe counterpart (struct fields
// by position, mutating an immutable pair, the replacing impersonators ...)
// are implemented here. Must be installed after the libraries it draws on.

import { argError } from '../errors/messages.js';
import { MachinePrimitive, Primitive } from '../eval/procedures.js';
import type { Machine } from '../eval/machine.js';
import { isEq } from '../values/equal.js';
import { StructImpersonator } from '../values/impersonator.js';
import { StructInstance } from '../values/struct.js';
import { NULL, Pair, RBytes, RString, RVector, VOID, type Value } from '../values/types.js';
import { structBase, structRefThrough, structSetThrough } from './impersonators.js';
import type { PrimTable } from './table.js';

const LIB = 'racket/unsafe/ops';

/** Unsafe names bound to the safe procedure itself: [unsafe name, safe name]. */
const SAME: [string, string][] = [
  ...[
    'car',
    'cdr',
    'char->integer',
    'char<=?',
    'char<?',
    'char=?',
    'char>=?',
    'char>?',
    'list-ref',
    'list-tail',
    'string-length',
    'string-ref',
    'string-set!',
    'stencil-vector',
    'stencil-vector-length',
    'stencil-vector-mask',
    'stencil-vector-ref',
    'stencil-vector-set!',
    'stencil-vector-update',
    ...['*', '+', '-', '/', '<', '<=', '=', '>', '>='].map((op) => `fl${op}`),
    ...['abs', 'acos', 'asin', 'atan', 'ceiling', 'cos', 'exp', 'expt', 'floor', 'log', 'max', 'min', 'round', 'sin', 'single', 'sqrt'].map(
      (op) => `fl${op}`,
    ),
    'fltan',
    'fltruncate',
    'flvector-length',
    'flvector-ref',
    'flvector-set!',
    ...['*', '+', '-', '<', '<=', '=', '>', '>='].map((op) => `fx${op}`),
    'fx*/wraparound',
    'fx+/wraparound',
    'fx-/wraparound',
    ...['abs', 'and', 'ior', 'max', 'min', 'modulo', 'not', 'popcount', 'popcount16', 'popcount32', 'remainder', 'xor'].map(
      (op) => `fx${op}`,
    ),
    'fxvector-length',
    'fxvector-ref',
    'fxvector-set!',
  ].map((n): [string, string] => [`unsafe-${n}`, n]),
  ['unsafe-box*-cas!', 'box-cas!'],
  ['unsafe-vector*-cas!', 'vector-cas!'],
  ...['ephemeron', 'mutable', 'weak'].flatMap((kind) =>
    ['first', 'key', 'key+value', 'next', 'pair', 'value'].map((op): [string, string] => [
      `unsafe-${kind}-hash-iterate-${op}`,
      `hash-iterate-${op}`,
    ]),
  ),
];

/** The safe behaviour under another name: [unsafe name, the procedure's name, safe name]. */
const RENAMED: [string, string, string][] = [
  ['unsafe-bytes-length', 'bytevector-length', 'bytes-length'],
  ['unsafe-bytes-ref', 'bytevector-u8-ref', 'bytes-ref'],
  ['unsafe-bytes-set!', 'bytevector-u8-set!', 'bytes-set!'],
  ['unsafe-fl->fx', 'flonum->fixnum', 'fl->fx'],
  ['unsafe-fx->fl', 'fixnum->flonum', 'fx->fl'],
  ['unsafe-fxlshift', 'fxarithmetic-shift-left', 'fxlshift'],
  ['unsafe-fxlshift/wraparound', 'fxsll/wraparound', 'fxlshift/wraparound'],
  ['unsafe-fxrshift', 'fxarithmetic-shift-right', 'fxrshift'],
  // Chez Scheme's own procedures of these names (they skip impersonators), not Racket's.
  ['unsafe-set-box*!', 'set-box!', 'set-box!'],
  ['unsafe-unbox*', 'unbox', 'unbox'],
  ['unsafe-vector*-length', 'vector-length', 'vector-length'],
  ['unsafe-vector*-ref', 'vector-ref', 'vector-ref'],
  ['unsafe-vector*-set!', 'vector-set!', 'vector-set!'],
  ...[
    'bytes-copy!',
    'flimag-part',
    'flrandom',
    'flreal-part',
    'fxquotient',
    'make-flrectangular',
    'make-srcloc',
    'mcar',
    'mcdr',
    'set-box!',
    'set-mcar!',
    'set-mcdr!',
    'unbox',
    'vector-length',
    'vector-ref',
    'vector-set!',
  ].map((n): [string, string, string] => [`unsafe-${n}`, `unsafe-${n}`, n]),
  ['unsafe-cons-list', 'unsafe-cons-list', 'cons'],
  ...['first', 'key', 'key+value', 'next', 'pair', 'value'].map((op): [string, string, string] => [
    `unsafe-immutable-hash-iterate-${op}`,
    `unsafe-immutable-hash-iterate-${op}`,
    `hash-iterate-${op}`,
  ]),
];

/**
 * The extflonum operations: Racket CS has no extflonums, so no argument is
 * ever one, and each raises as Racket CS does. [unsafe name, the name its
 * message uses, arity, expected].
 */
const EXTFL: [string, string, number, string][] = [
  ...['*', '+', '-', '/', '<', '<=', '=', '>', '>=', 'max', 'min'].map((op): [string, string, number, string] => [
    `unsafe-extfl${op}`,
    `unsafe-extfl${op}`,
    2,
    'extflonum?',
  ]),
  ...['abs', 'sqrt', '->fx'].map((op): [string, string, number, string] => [`unsafe-extfl${op}`, `unsafe-extfl${op}`, 1, 'extflonum?']),
  ...['acos', 'asin', 'atan', 'ceiling', 'cos', 'exp', 'floor', 'log', 'round', 'sin', 'tan', 'truncate'].map(
    (op): [string, string, number, string] => [`unsafe-extfl${op}`, `extfl${op}`, 1, 'extflonum?'],
  ),
  ['unsafe-extflexpt', 'extflexpt', 2, 'extflonum?'],
  ['unsafe-fx->extfl', 'unsafe-fx->extfl', 1, 'extflonum?'],
  ['unsafe-extflvector-length', 'extflvector-length', 1, 'extflvector?'],
  ['unsafe-extflvector-ref', 'extflvector-ref', 2, 'extflvector?'],
  ['unsafe-extflvector-set!', 'extflvector-set!', 3, 'extflvector?'],
  // ffi/vector's vectors: rkt has no ffi/vector, so no value is one of these either.
  ['unsafe-f80vector-ref', 'unsafe-f80vector-ref', 2, 'f80vector?'],
  ['unsafe-f80vector-set!', 'unsafe-f80vector-set!', 3, 'f80vector?'],
  ['unsafe-f64vector-ref', 'unsafe-f64vector-ref', 2, 'f64vector?'],
  ['unsafe-f64vector-set!', 'unsafe-f64vector-set!', 3, 'f64vector?'],
  ['unsafe-s16vector-ref', 'unsafe-s16vector-ref', 2, 's16vector?'],
  ['unsafe-s16vector-set!', 'unsafe-s16vector-set!', 3, 's16vector?'],
  ['unsafe-u16vector-ref', 'unsafe-u16vector-ref', 2, 'u16vector?'],
  ['unsafe-u16vector-set!', 'unsafe-u16vector-set!', 3, 'u16vector?'],
];

function renamed(p: Value, name: string): Value {
  if (p instanceof Primitive) return new Primitive(name, p.min, p.max, p.fn, p.simple, p.multiValued);
  if (p instanceof MachinePrimitive) return new MachinePrimitive(name, p.min, p.max, p.run);
  throw new Error(`internal: ${name} renames a non-primitive`);
}

/** A struct instance under any wrappers, for the `*` operations, which ignore impersonators. */
function instance(who: string, v: Value): StructInstance {
  if (v instanceof StructInstance) return v;
  if (v instanceof StructImpersonator) return structBase(v);
  return argError(who, 'struct?', v);
}

function fieldIndex(who: string, s: StructInstance, k: Value): number {
  if (typeof k === 'number' && Number.isInteger(k) && k >= 0 && k < s.fields.length) return k;
  return argError(who, `(integer-in 0 ${s.fields.length - 1})`, k);
}

export function installUnsafeOps(t: PrimTable): void {
  const safe = (name: string): Value => {
    const d = t.defs.find((x) => x.name === name);
    if (d === undefined) throw new Error(`internal: racket/unsafe/ops needs ${name}`);
    return d.value;
  };
  t.in(LIB, () => {
    for (const [name, of] of SAME) t.value(name, safe(of));
    for (const [name, shown, of] of RENAMED) t.value(name, renamed(safe(of), shown));
    for (const [name, shown, arity, expected] of EXTFL)
      t.value(name, new Primitive(shown, arity, arity, (v: Value) => argError(shown, expected, v)));

    t.fn('unsafe-struct-ref', 2, 2, function (this: Machine, v: Value, k: Value) {
      const i = fieldIndex('unsafe-struct-ref', instance('unsafe-struct-ref', v), k);
      return structRefThrough(this, v, i);
    });
    t.fn('unsafe-struct-set!', 3, 3, function (this: Machine, v: Value, k: Value, x: Value) {
      const i = fieldIndex('unsafe-struct-set!', instance('unsafe-struct-set!', v), k);
      structSetThrough(this, v, i, x);
      return VOID;
    });
    t.fn('unsafe-struct*-ref', 2, 2, (v: Value, k: Value) => {
      const s = instance('unsafe-struct*-ref', v);
      return s.fields[fieldIndex('unsafe-struct*-ref', s, k)];
    });
    t.fn('unsafe-struct*-set!', 3, 3, (v: Value, k: Value, x: Value) => {
      const s = instance('unsafe-struct*-set!', v);
      s.fields[fieldIndex('unsafe-struct*-set!', s, k)] = x;
      return VOID;
    });
    t.fn('unsafe-struct*-cas!', 4, 4, (v: Value, k: Value, old: Value, x: Value) => {
      const s = instance('unsafe-struct*-cas!', v);
      const i = fieldIndex('unsafe-struct*-cas!', s, k);
      if (!isEq(s.fields[i], old)) return false;
      s.fields[i] = x;
      return true;
    });

    // Pairs are immutable in rkt's representation too; these change one in place.
    t.fn('unsafe-set-immutable-car!', 2, 2, (p: Value, x: Value) => {
      if (!(p instanceof Pair)) return argError('unsafe-set-immutable-car!', 'pair?', p);
      (p as { car: Value }).car = x;
      return VOID;
    });
    t.fn('unsafe-set-immutable-cdr!', 2, 2, (p: Value, x: Value) => {
      if (!(p instanceof Pair)) return argError('unsafe-set-immutable-cdr!', 'pair?', p);
      const q = p as { cdr: Value; isList: boolean };
      q.cdr = x;
      q.isList = x === NULL || (x instanceof Pair && x.isList);
      return VOID;
    });

    // Racket CS makes a string or byte string immutable in place, but copies a vector.
    t.fn('unsafe-string->immutable-string!', 1, 1, (s: Value) => {
      if (!(s instanceof RString)) return argError('unsafe-string->immutable-string!', 'string?', s);
      s.immutable = true;
      return s;
    });
    t.fn('unsafe-bytes->immutable-bytes!', 1, 1, (b: Value) => {
      if (!(b instanceof RBytes)) return argError('unsafe-bytes->immutable-bytes!', 'bytes?', b);
      b.immutable = true;
      return b;
    });
    t.fn('unsafe-vector*->immutable-vector!', 1, 1, (v: Value) => {
      if (!(v instanceof RVector)) return argError('unsafe-vector*->immutable-vector!', 'vector?', v);
      return v.immutable ? v : new RVector(v.items.slice(), true);
    });

    // A procedure to call from another OS thread to wake Racket's scheduler; Node has one thread, so it has nothing to wake.
    t.fn('unsafe-make-signal-received', 0, 0, () => new Primitive('unsafe-make-signal-received', 0, 0, () => VOID));
    // A promise to the compiler that the call is never reached; reached anyway, it returns.
    t.value('unsafe-assert-unreachable', new Primitive('assert-unreachable', 0, 0, () => VOID));
  });
}
