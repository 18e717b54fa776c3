// Path values (Unix paths, Racket's 'unix convention): `#<path:/tmp>` when
// printed or written, the path itself when displayed; equal? when their
// texts are equal.

import { registerEqualHook, registerEqualKeyHook } from './equal.js';
import { customPrint, type PrintContext } from './printable.js';
import type { Value } from './types.js';

export class RPath {
  constructor(readonly path: string) {}
  [customPrint](ctx: PrintContext): string {
    return ctx.mode === 'display' ? this.path : `#<path:${this.path}>`;
  }
}

registerEqualHook({
  equal(a, b) {
    if (!(a instanceof RPath)) return undefined;
    return b instanceof RPath && a.path === b.path;
  },
});
registerEqualKeyHook((v: Value) => (v instanceof RPath ? `P${v.path.length}:${v.path}` : undefined));
