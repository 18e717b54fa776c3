// Building syntax in JS macros. Identifiers made with `id` mean what they
// mean in racket/base wherever the output lands, which is how a JS macro's
// `if` stays the core `if` even where the user has bound `if`.

import { Keyword, NULL, Pair, uninternedSym, type Value } from '../values/types.js';
import { Syntax, type SrcLoc } from '../values/syntax.js';
import type { Expander } from './expander.js';
import { datumToSyntax } from './scopes.js';
import type { Meaning } from './expander.js';

export class Builder {
  constructor(
    readonly ex: Expander,
    readonly loc: SrcLoc | null,
  ) {}

  /** A racket/base identifier. */
  id(name: string): Syntax {
    return this.ex.baseId(name, this.loc);
  }

  /** A syntax list of the given items; strings become racket/base identifiers. */
  list(...items: (Syntax | string)[]): Syntax {
    return this.listTail(items, NULL);
  }

  listTail(items: (Syntax | string)[], tail: Value): Syntax {
    let out: Value = tail;
    for (let i = items.length - 1; i >= 0; i--) {
      const it = items[i];
      out = new Pair(typeof it === 'string' ? this.id(it) : it, out);
    }
    return new Syntax(out, this.loc);
  }

  /** A literal datum as syntax (for quote or self-quoting values), with racket/base's context: a literal at any phase. */
  datum(v: Value): Syntax {
    return datumToSyntax(this.ex.baseId('quote'), v, this.loc);
  }

  quote(v: Value): Syntax {
    return this.list('quote', this.datum(v));
  }

  keyword(name: string): Syntax {
    return this.datum(Keyword.intern(name));
  }

  /** An identifier of its own, named `name` (an uninterned symbol): a macro-private variable that prints as Racket's does. */
  hidden(name: string): Syntax {
    return new Syntax(uninternedSym(name), this.loc, this.ex.baseId(name).scopes);
  }

  /** A fresh identifier no user code can refer to (a macro-private temporary). */
  temp(name: string): Syntax {
    return this.ex.baseId(this.ex.fresh(`${name}%`), this.loc);
  }
}

/** A macro written in JS: gets the form, the expander and a Builder located at the form. */
export type JsMacro = (stx: Syntax, ex: Expander, b: Builder) => Syntax;

/** The binding meaning of the JS macro `f` named `name`. */
export function jsMacro(name: string, f: JsMacro): Meaning {
  return { kind: 'macro', name, transform: (stx, ex) => f(stx, ex, new Builder(ex, stx.loc)) };
}
