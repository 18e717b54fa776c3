// racket/contract/parametric's forms: `(parametric->/c (x ...) c)`, and
// `new-∀/c` / `new-∃/c`, which name their contract after where they are
// used when given no name (run time: src/lib/parametric-contracts.rkt);
// and prompt-tag/c's syntax (src/lib/control-contracts.rkt).

import type { Builder } from '../expand/build.js';
import { jsMacro } from '../expand/build.js';
import { inferredName, type Expander, type Meaning } from '../expand/expander.js';
import { idSym, isIdentifier, syntaxE, syntaxList, syntaxToDatum } from '../expand/scopes.js';
import type { Syntax } from '../values/syntax.js';
import { Keyword, listFromArray, sym } from '../values/types.js';
import { isNamed, items } from './forms.js';

const parametric = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 3);
  const vars = syntaxList(p[1]) ?? ex.badSyntax(stx);
  const seen = new Set<string>();
  for (const v of vars) {
    if (!isIdentifier(v)) ex.syntaxError('parametric->/c', 'expected an identifier', stx, v);
    if (seen.has(idSym(v).name)) ex.syntaxError('parametric->/c', 'duplicate identifier', stx, v);
    seen.add(idSym(v).name);
  }
  return b.list(
    '%c:make-polymorphic',
    b.quote(listFromArray(vars.map((v) => idSym(v)))),
    b.list('lambda', b.list(...vars), p[2]),
    b.quote(syntaxToDatum(p[2])),
  );
};

/** new-∀/c and new-∃/c: the name defaults to the variable being defined. */
function forallExists(exists: boolean) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const local = ex.localName ?? inferredName(stx, true);
    const fallback = b.quote(sym(ex.localName ?? `∀∃-${local ?? 'unknown'}`));
    const make = (name: Syntax) => b.list('%c:make-forall/exists', name, b.datum(exists));
    if (isIdentifier(stx)) {
      const x = b.temp('name');
      return b.list('case-lambda', b.list(b.list(), make(fallback)), b.list(b.list(x), make(b.list('or', x, fallback))));
    }
    const p = items(stx, ex, 1, 2);
    return make(p.length === 1 ? fallback : b.list('or', p[1], fallback));
  };
}

/** `(prompt-tag/c c ... #:call/cc c)` or `#:call/cc (values c ...)`. */
const promptTagC = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 1).slice(1);
  const at = p.findIndex((s) => syntaxE(s) instanceof Keyword);
  const aborts = at < 0 ? p : p.slice(0, at);
  let callccs: Syntax[] = [];
  if (at >= 0) {
    if ((syntaxE(p[at]) as Keyword).name !== 'call/cc' || at !== p.length - 2) ex.badSyntax(stx);
    const v = syntaxList(p[at + 1]);
    callccs = v !== null && v.length > 0 && isNamed(v[0], 'values') ? v.slice(1) : [p[at + 1]];
  }
  return b.list('%c:make-prompt-tag/c', b.list('list', ...aborts), b.list('list', ...callccs));
};

export function installParametricContractForms(define: (name: string, m: Meaning) => void): void {
  define('parametric->/c', jsMacro('parametric->/c', parametric));
  define('new-∀/c', jsMacro('new-∀/c', forallExists(false)));
  define('new-∃/c', jsMacro('new-∃/c', forallExists(true)));
  define('prompt-tag/c', jsMacro('prompt-tag/c', promptTagC));
}
