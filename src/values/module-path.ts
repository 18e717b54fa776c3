// Module names (The Racket Reference §14.4.1): resolved module paths (a
// module's identity: a complete path or a symbol, plus submodule names)
// and module path indexes (a module path relative to another module).

import { customPrint, type PrintContext } from './printable.js';
import { registerEqualHook, registerEqualKeyHook } from './equal.js';
import { RPath } from './path.js';
import { NULL, Pair, type Value, Sym } from './types.js';

export class ResolvedModulePath {
  constructor(
    /** A complete path, or a symbol for a module declared without a file (`'m`, a built-in library). */
    readonly root: RPath | Sym,
    readonly submodules: readonly Sym[] = [],
  ) {}

  /** The value resolved-module-path-name returns. */
  name(): Value | Value[] {
    return this.submodules.length === 0 ? this.root : [this.root, ...this.submodules];
  }

  text(): string {
    const root = this.root instanceof RPath ? JSON.stringify(this.root.path) : `'${this.root.name}`;
    if (this.submodules.length === 0) return root;
    return `(submod ${root} ${this.submodules.map((s) => s.name).join(' ')})`;
  }

  key(): string {
    return (this.root instanceof RPath ? `p${this.root.path}` : `s${this.root.name}`) + this.submodules.map((s) => ` ${s.name}`).join('');
  }

  [customPrint](_ctx: PrintContext): string {
    return `#<resolved-module-path:${this.text()}>`;
  }
}

export class ModulePathIndex {
  constructor(
    /** The module path (a datum), or #f for "the enclosing module". */
    readonly path: Value,
    readonly base: ModulePathIndex | ResolvedModulePath | false,
    readonly submodule: readonly Sym[] | null = null,
    /** Set once resolved (or when made from a resolved name). */
    public resolved: ResolvedModulePath | null = null,
  ) {}

  [customPrint](ctx: PrintContext): string {
    const parts: string[] = [];
    for (let i: ModulePathIndex | ResolvedModulePath | false = this; i !== false; ) {
      if (i instanceof ResolvedModulePath) {
        parts.push(i.text());
        break;
      }
      // A module's own index ("self") is not shown after a path relative to it.
      if (i.path === false) {
        if (i.resolved === null || parts.length === 0) parts.push(i.resolved === null ? 'top-level' : i.resolved.text());
        break;
      }
      parts.push(i.path instanceof Sym ? i.path.name : (quotedName(i.path) ?? ctx.recur(i.path, 'write')));
      i = i.base;
    }
    return `#<module-path-index:${parts.join(' ')}>`;
  }
}

registerEqualHook({
  equal(a, b) {
    if (!(a instanceof ResolvedModulePath)) return undefined;
    return b instanceof ResolvedModulePath && a.key() === b.key();
  },
});
registerEqualKeyHook((v: Value) => (v instanceof ResolvedModulePath ? `R${v.key()}` : undefined));

/** `'name` for a module path `(quote name)`, as Racket prints it in a module path index. */
function quotedName(path: Value): string | null {
  if (!(path instanceof Pair) || !(path.car instanceof Sym) || path.car.name !== 'quote') return null;
  const rest = path.cdr;
  return rest instanceof Pair && rest.car instanceof Sym && rest.cdr === NULL ? `'${rest.car.name}` : null;
}
