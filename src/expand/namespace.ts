// Namespaces: where top-level forms are expanded and their variables live.
// `rkt -e` and the REPL use one with `racket`; `make-base-namespace` makes
// one with racket/base; a namespace anchor or `module->namespace` sees a
// module's own bindings. The module registry is the runtime's, shared by
// every namespace of it (so attaching a module is sharing what is there).

import { TopVar } from './core.js';
import { Scope, type Syntax } from '../values/syntax.js';
import { customPrint, type PrintContext } from '../values/printable.js';
import type { DefinitionContext, Expander } from './expander.js';
import { addScope, idSym } from './scopes.js';

export class Namespace {
  readonly vars = new Map<string, TopVar>();
  /** The scope of this namespace's own top-level bindings. */
  readonly scope = new Scope('top-level');
  constructor(
    /** The libraries required into it from the start (their scopes are added to each form). */
    readonly langs: readonly string[],
    /** Scopes that make a module's bindings visible (an anchor, `module->namespace`). */
    readonly moduleScopes: readonly Scope[] = [],
    /** The module it belongs to, for printing: `#<namespace:"/path/x.rkt">`. */
    readonly moduleName: string | null = null,
  ) {}

  variable(name: string): TopVar {
    let v = this.vars.get(name);
    if (v === undefined) {
      v = new TopVar(name, 'top-level');
      this.vars.set(name, v);
    }
    return v;
  }

  context(): DefinitionContext {
    return {
      name: 'top-level',
      checkImplicit: true,
      defineTop: (id: Syntax) => this.variable(idSym(id).name),
      unbound: (id: Syntax) => ({ t: 'gref', v: this.variable(idSym(id).name), loc: id.loc }),
    };
  }

  /** The scopes `introduce` adds. */
  scopes(ex: Expander): Scope[] {
    return [...this.langs.map((lang) => ex.langScope(lang)), ...this.moduleScopes, this.scope];
  }

  /** `form` with the scopes that make this namespace's bindings visible (namespace-syntax-introduce). */
  introduce(ex: Expander, form: Syntax): Syntax {
    let s = form;
    for (const lang of this.langs) s = addScope(s, ex.langScope(lang));
    for (const sc of this.moduleScopes) s = addScope(s, sc);
    return addScope(s, this.scope);
  }

  [customPrint](_ctx: PrintContext): string {
    return this.moduleName === null ? '#<namespace>' : `#<namespace:${JSON.stringify(this.moduleName)}>`;
  }
}

/** A namespace anchor (`define-namespace-anchor`): the scopes of the module where it was defined. */
export class NamespaceAnchor {
  private ns: Namespace | null = null;
  constructor(
    readonly scopes: readonly Scope[],
    readonly moduleName: string | null,
  ) {}
  /** The namespace of the anchor's module (the same one each time). */
  namespace(): Namespace {
    this.ns ??= new Namespace([], this.scopes, this.moduleName);
    return this.ns;
  }
  [customPrint](_ctx: PrintContext): string {
    return '#<namespace-anchor>';
  }
}
