// Boxes.

import { argError } from '../errors/messages.js';
import { Box, VOID, type Value } from '../values/types.js';
import type { Machine } from '../eval/machine.js';
import { BoxImpersonator, unwrapAll } from '../values/impersonator.js';
import { boxBase, setBoxThrough, unboxThrough } from './impersonators.js';
import { customPrint } from '../values/printable.js';
import type { PrimTable } from './table.js';

/** Holds `v` weakly when it is an object (other values cannot be collected, so are simply held). */
class WeakHold {
  private readonly ref: WeakRef<object> | null;
  private readonly plain: Value;
  constructor(v: Value) {
    const weak = typeof v === 'object' && v !== null;
    this.ref = weak ? new WeakRef(v) : null;
    this.plain = weak ? undefined : v;
  }
  get(): Value | undefined {
    return this.ref === null ? this.plain : (this.ref.deref() as Value | undefined);
  }
}

export class WeakBox {
  constructor(readonly held: WeakHold) {}
  [customPrint](): string {
    return '#<weak-box>';
  }
}

/** The value is reachable through the ephemeron only while the key is (a WeakMap entry keyed by it). */
export class Ephemeron {
  private readonly key: WeakHold;
  private readonly byKey = new WeakMap<object, Value>();
  private readonly plain: Value;
  constructor(key: Value, value: Value) {
    this.key = new WeakHold(key);
    const weak = typeof key === 'object' && key !== null;
    if (weak) this.byKey.set(key, value);
    this.plain = weak ? undefined : value;
  }
  value(): Value | undefined {
    const k = this.key.get();
    if (k === undefined) return undefined;
    return typeof k === 'object' && k !== null ? this.byKey.get(k) : this.plain;
  }
  [customPrint](): string {
    return '#<ephemeron>';
  }
}

export function installBoxes(t: PrimTable): void {
  t.fn('make-weak-box', 1, 1, (v) => new WeakBox(new WeakHold(v)));
  t.fn('weak-box?', 1, 1, (v) => v instanceof WeakBox);
  t.fn('weak-box-value', 1, 2, (b: Value, gone: Value = false) => {
    if (!(b instanceof WeakBox)) return argError('weak-box-value', 'weak-box?', b);
    return b.held.get() ?? gone;
  });
  t.fn('make-ephemeron', 2, 2, (k: Value, v: Value) => new Ephemeron(k, v));
  // Keyed by the value under any impersonators, so it lives as long as that value.
  t.fn('impersonator-ephemeron', 1, 1, (v: Value) => new Ephemeron(unwrapAll(v), v));
  t.fn('ephemeron?', 1, 1, (v) => v instanceof Ephemeron);
  t.fn('ephemeron-value', 1, 3, (e: Value, gone: Value = false) => {
    if (!(e instanceof Ephemeron)) return argError('ephemeron-value', 'ephemeron?', e);
    return e.value() ?? gone;
  });
  t.fn('box?', 1, 1, (v) => v instanceof Box || v instanceof BoxImpersonator);
  t.fn('box', 1, 1, (v) => new Box(v, false));
  t.fn('box-immutable', 1, 1, (v) => new Box(v, true));
  t.fn('unbox', 1, 1, function (this: Machine, b: Value) {
    if (b instanceof Box) return b.value;
    if (b instanceof BoxImpersonator) return unboxThrough(this, 'unbox', b);
    return argError('unbox', 'box?', b);
  });
  t.fn('set-box!', 2, 2, function (this: Machine, b: Value, v: Value) {
    if (b instanceof Box && !b.immutable) {
      b.value = v;
      return VOID;
    }
    if (!(b instanceof BoxImpersonator) || boxBase(b).immutable) return argError('set-box!', '(and/c box? (not/c immutable?))', b);
    setBoxThrough(this, 'set-box!', b, v);
    return VOID;
  });
  // The starred forms refuse impersonators, which rkt does not have: plain boxes only.
  t.fn('unbox*', 1, 1, (b) => {
    if (!(b instanceof Box)) return argError('unbox*', '(and/c box? (not impersonator?))', b);
    return b.value;
  });
  t.fn('set-box*!', 2, 2, (b: Value, v: Value) => {
    if (!(b instanceof Box) || b.immutable) return argError('set-box*!', '(and/c box? (not/c immutable?) (not impersonator?))', b);
    b.value = v;
    return VOID;
  });
  // Atomic already: a step of one thread is never interleaved with another's.
  t.fn('box-cas!', 3, 3, (b: Value, old: Value, v: Value) => {
    if (!(b instanceof Box) || b.immutable) return argError('box-cas!', '(and/c box? (not/c immutable?))', b);
    if (b.value !== old) return false;
    b.value = v;
    return true;
  });
}
